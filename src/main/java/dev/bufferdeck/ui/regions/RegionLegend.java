package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.regions.RegionKind;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;

import java.util.EnumSet;
import java.util.Set;

/**
 * One row of swatches naming the kinds of region the buffer shown holds (every kind while there is
 * none). It never wraps: on a narrow window it is clipped at a whole item, and each item's tooltip
 * says what the kind stands for.
 */
public final class RegionLegend extends HBox {
    public static final String DEFAULT_STYLE_CLASS = "region-legend";

    public RegionLegend() {
        super(10);
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        getStylesheets().add(RegionColors.stylesheet());
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        show(EnumSet.allOf(RegionKind.class));
    }

    /** Shows the given kinds, in the order of {@link RegionKind}. */
    public void show(Set<RegionKind> kinds) {
        getChildren().clear();
        for (RegionKind kind : RegionKind.values()) {
            if (!kinds.contains(kind)) continue;
            Label l = new Label(RegionColors.label(kind), RegionColors.swatch(kind));
            l.setMinWidth(USE_PREF_SIZE);
            l.getStyleClass().add("region-legend-item");
            l.setTooltip(new Tooltip(RegionColors.describe(kind)));
            getChildren().add(l);
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double right = getWidth() - snappedRightInset();
        for (Node item : getChildren()) item.setVisible(item.getBoundsInParent().getMaxX() <= right);
    }
}
