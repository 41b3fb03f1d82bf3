package dev.bufferdeck.ui.library;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A cell's or row's tooltip, made when the pointer first moves over it and kept up to date from then
 * on. A Tooltip is a popup window with a scene of its own: made for each cell filled and made again
 * on each update, as before, they were a large part of what a row cost the FX thread (issue 14).
 */
final class LazyTip {
    private final Control control;
    private String text;

    LazyTip(Control control) {
        this.control = control;
        control.addEventHandler(MouseEvent.MOUSE_MOVED, e -> make());
    }

    /** The tooltip's text from now on; null for none. */
    void set(String text) {
        this.text = text;
        Tooltip made = control.getTooltip();
        if (made == null) return;
        if (text == null) control.setTooltip(null);
        else made.setText(text);
    }

    /** The text the tooltip shows once made; null for none. */
    String text() { return text; }

    private void make() {
        if (text != null && control.getTooltip() == null) control.setTooltip(new Tooltip(text));
    }
}
