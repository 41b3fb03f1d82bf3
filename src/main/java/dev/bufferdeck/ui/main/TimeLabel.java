package dev.bufferdeck.ui.main;

import dev.bufferdeck.ui.library.TimeText;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A time beside the seek bar (elapsed, total). A {@code Label} whose text changes has its skin set
 * its children again and lays out its parents; this draws a {@link Text} it places itself, so the
 * elapsed time turning over each second repaints its digits and lays nothing out, unless the text
 * changes length (9:59 to 10:00) and so the width it asks for.
 */
final class TimeLabel extends Region {
    private static final double LEAST_WIDTH = 48;
    private final Text text = new Text("");
    private long shownSecond = Long.MIN_VALUE;

    TimeLabel(String id) {
        setId(id);
        getStyleClass().add("time");
        text.getStyleClass().add("time-text");
        text.setManaged(false);
        text.setTextOrigin(VPos.TOP);
        getChildren().add(text);
        // its font comes with CSS (a theme, a size): the width asked for follows it
        text.fontProperty().addListener(o -> requestLayout());
        setAccessibleRole(AccessibleRole.TEXT);
    }

    String getText() { return text.getText(); }
    ObservableStringValue textProperty() { return text.textProperty(); }

    /** Shows {@code millis} in whole seconds, as {@link TimeText} writes it: a change within the second shown changes nothing. */
    void showMillis(long millis) {
        long second = millis < 0 ? -1 : millis / 1000;
        if (second == shownSecond) return;
        shownSecond = second;
        show(TimeText.of(millis));
    }

    /** Shows no time. */
    void clear() {
        shownSecond = Long.MIN_VALUE;
        show("");
    }

    private void show(String s) {
        String was = text.getText();
        if (was.equals(s)) return;
        text.setText(s);
        setAccessibleText(s);
        if (was.length() != s.length()) {
            requestLayout();
        } else {
            place();
        }
    }

    @Override protected double computeMinWidth(double height) { return computePrefWidth(height); }

    @Override
    protected double computePrefWidth(double height) {
        return Math.max(LEAST_WIDTH, snappedLeftInset() + text.getLayoutBounds().getWidth() + snappedRightInset());
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + text.getLayoutBounds().getHeight() + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        place();
    }

    private void place() {
        Bounds b = text.getLayoutBounds();
        text.relocate(snapPositionX((getWidth() - b.getWidth()) / 2), snapPositionY((getHeight() - b.getHeight()) / 2));
    }
}
