package dev.bufferdeck.ui.main;

import dev.bufferdeck.session.PaneDividers;
import dev.bufferdeck.ui.library.LibraryView;
import dev.bufferdeck.ui.regions.HexTab;
import dev.bufferdeck.ui.regions.InspectorState;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;

/**
 * The area below the transport bar: the library beside the inspector. The inspector keeps room for
 * the hex view's three columns; when the window narrows, the region tree gives way first, then the
 * library. In focus mode the inspector takes the whole area. The dividers are kept in
 * {@link #dividersProperty()} as the user moves them, and placed from it when the session sets it.
 */
final class WorkArea extends SplitPane {
    /** The library's share of a roomy window is what is left after the hex view and a tree of this width. */
    static final double TREE_PREF_WIDTH = 280;
    static final double LIBRARY_MAX_WIDTH = 460;
    private static final double DIVIDER_ALLOWANCE = 8;

    private final LibraryView library;
    private final TabPane inspector;
    private final HexTab hexTab;
    private final InspectorState hex;
    private final ObjectProperty<PaneDividers> dividers;
    private double libraryDivider = Double.NaN;
    private boolean placing;
    private boolean placed;
    private boolean applying;

    WorkArea(LibraryView library, TabPane inspector, HexTab hexTab, ObjectProperty<PaneDividers> dividers) {
        this.library = library;
        this.inspector = inspector;
        this.hexTab = hexTab;
        this.hex = hexTab.state();
        this.dividers = dividers;
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add("main-split");
        setId("work-area");
        getItems().setAll(library, inspector);
        library.setMinWidth(0);
        SplitPane.setResizableWithParent(library, false);
    }

    private void init() {
        widthProperty().addListener((o, a, w) -> {
            if (!placed) placeLibraryDivider();
        });
        getDividers().forEach(this::follow);
        getDividers().addListener((ListChangeListener<Divider>) c -> {
            while (c.next()) c.getAddedSubList().forEach(this::follow);
        });
        hex.treeDividerProperty().addListener((o, a, b) -> remember());
        hex.treeShownProperty().addListener((o, a, b) -> remember());
        dividers.addListener((o, a, d) -> {
            if (applying || d == null) return;
            applying = true;
            try {
                libraryDivider = d.library();
                hex.treeDividerProperty().set(d.regions());
                hex.treeShownProperty().set(d.regionTreeShown());
                placeLibraryDivider();
            } finally {
                applying = false;
            }
        });
        hex.focusModeProperty().addListener((o, a, on) -> focus(on));
    }

    private void follow(Divider d) {
        d.positionProperty().addListener((o, a, p) -> {
            if (placing || !placed || !getItems().contains(library)) return;
            libraryDivider = p.doubleValue();
            remember();
        });
    }

    /** The library gives way once the inspector is down to its least (SplitPane alone would squeeze the inspector). */
    @Override
    protected void layoutChildren() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        if (room > 0 && placed && getItems().contains(library) && !getDividers().isEmpty()) {
            double most = Math.max(0, room - inspector.minWidth(-1) - DIVIDER_ALLOWANCE) / room;
            Divider d = getDividers().get(0);
            // the skin puts the divider on a half pixel: within a pixel of the limit is at it, or each layout would set it again and lay out the window again
            if ((d.getPosition() - most) * room >= 1) d.setPosition(most);
        }
        super.layoutChildren();
    }

    boolean isFocusMode() { return hex.focusModeProperty().get(); }
    void setFocusMode(boolean on) { hex.focusModeProperty().set(on); }

    private void focus(boolean on) {
        if (on) {
            inspector.getSelectionModel().select(hexTab);
            getItems().setAll(inspector);
        } else {
            placed = false;
            getItems().setAll(library, inspector);
            placeLibraryDivider();
        }
    }

    /** The saved divider, or else the library gets what the hex view and a roomy tree leave over. */
    private void placeLibraryDivider() {
        double w = getWidth();
        if (w <= 0 || getDividers().isEmpty() || !getItems().contains(library)) return;
        double at = libraryDivider;
        if (Double.isNaN(at)) {
            double inspectorWidth = hexTab.getContent().minWidth(-1) + TREE_PREF_WIDTH;
            double uncut = library.uncutWidth();
            at = Math.max(uncut, Math.min(Math.max(uncut, LIBRARY_MAX_WIDTH), w - inspectorWidth)) / w;
        }
        placing = true;
        try {
            getDividers().get(0).setPosition(Math.min(0.9, at));
        } finally {
            placing = false;
        }
        placed = true;
    }

    private void remember() {
        if (applying) return;
        dividers.set(new PaneDividers(libraryDivider, hex.treeDividerProperty().get(), hex.treeShownProperty().get()));
    }
}
