package dev.bufferdeck.ui.regions;

import dev.bufferdeck.ui.hex.HexView;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tab;
import javafx.scene.layout.Region;

import java.util.function.Function;

/**
 * The inspector's Hex tab. Its {@link HexInspector} (hex view, region tree, legend: a fifth of the
 * window's nodes) is built the first time the tab is selected or the view is asked for; until then
 * the tab holds an empty pane that asks for the same least width, so the library divider, which that
 * width sets, does not move when the view arrives. What the view will show is kept in {@link #state()}.
 */
public final class HexTab extends Tab {
    private final InspectorState state = new InspectorState();
    private final Function<InspectorState, HexInspector> build;
    private HexInspector view;

    public HexTab(Function<InspectorState, HexInspector> build) {
        super("Hex");
        this.build = build;
        setContent(new Placeholder());
        selectedProperty().addListener((o, was, selected) -> {
            if (selected) view();
        });
    }

    public InspectorState state() { return state; }

    /** The inspector, built now if it was not yet. */
    public HexInspector view() {
        if (view == null) {
            view = build.apply(state);
            setContent(view);
        }
        return view;
    }

    /** The inspector if it has been built, else null. */
    public HexInspector builtView() { return view; }

    /** The tab's content until the view is built: no nodes but a scroll bar, measured to give the view's own least width. */
    private static final class Placeholder extends Region {
        private final ScrollBar scrollBar = new ScrollBar();

        Placeholder() {
            scrollBar.setOrientation(Orientation.VERTICAL);
            scrollBar.setManaged(false);
            scrollBar.setVisible(false);
            getChildren().add(scrollBar);
        }

        /** What {@link HexInspector#computeMinWidth} gives: the hex view's columns and scroll bar, and the tree's strip. */
        @Override
        protected double computeMinWidth(double height) {
            return snappedLeftInset() + HexView.leastWidth(scrollBar.prefWidth(-1)) + HexInspector.STRIP_WIDTH + snappedRightInset();
        }
    }
}
