package dev.bufferdeck.ui.main;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;

/**
 * Holds one child that changes often inside (a seek slider whose thumb follows playback) and keeps it
 * unmanaged, so that JavaFX treats it as a layout root: a change inside it lays out the child alone.
 * A managed child would clear the size caches of every ancestor and lay out the whole window at each
 * change (JavaFX asks the parent of a thumb that moved to lay out, and that parent's parent, up to the
 * scene's root). The holder takes the child's sizes and fills itself with
 * it; when a change inside alters the child's preferred size, the holder asks its own parent again.
 */
final class LayoutRoot extends Region {
    private final Parent child;
    private double knownPrefWidth = -1;
    private double knownPrefHeight = -1;

    LayoutRoot(Parent child) {
        this.child = child;
        child.setManaged(false);
        getChildren().add(child);
        child.needsLayoutProperty().addListener((o, was, needs) -> {
            if (needs && preferredSizeChanged()) requestLayout();
        });
    }

    private boolean preferredSizeChanged() {
        double w = child.prefWidth(-1), h = child.prefHeight(-1);
        boolean changed = w != knownPrefWidth || h != knownPrefHeight;
        knownPrefWidth = w;
        knownPrefHeight = h;
        return changed;
    }

    @Override protected double computeMinWidth(double height) { return horizontal() + child.minWidth(-1); }
    @Override protected double computeMinHeight(double width) { return vertical() + child.minHeight(-1); }
    @Override protected double computePrefWidth(double height) { return horizontal() + child.prefWidth(-1); }
    @Override protected double computePrefHeight(double width) { return vertical() + child.prefHeight(-1); }
    @Override protected double computeMaxWidth(double height) { return horizontal() + child.maxWidth(-1); }
    @Override protected double computeMaxHeight(double width) { return vertical() + child.maxHeight(-1); }

    private double horizontal() {
        Insets i = getInsets();
        return snapSpaceX(i.getLeft()) + snapSpaceX(i.getRight());
    }

    private double vertical() {
        Insets i = getInsets();
        return snapSpaceY(i.getTop()) + snapSpaceY(i.getBottom());
    }

    @Override
    protected void layoutChildren() {
        preferredSizeChanged();
        Node c = child;
        c.resizeRelocate(snappedLeftInset(), snappedTopInset(),
                getWidth() - snappedLeftInset() - snappedRightInset(), getHeight() - snappedTopInset() - snappedBottomInset());
    }
}
