package dev.bufferdeck.ui.library;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.function.Supplier;

/**
 * A control's tooltip, made when the pointer first moves over it and kept up to date from then
 * on. A Tooltip is a popup window with a scene of its own: made for each cell filled and made again
 * on each update, as before, they were a large part of what a row cost the FX thread; made for each
 * button of the window as it is built, they were a part of its start (issue 14).
 */
public final class LazyTip {
    private final Control control;
    private String text;
    /** The text to write when the tooltip is made, if set lazily; null once written. */
    private Supplier<String> later;

    public LazyTip(Control control) {
        this.control = control;
        control.addEventHandler(MouseEvent.MOUSE_MOVED, e -> make());
    }

    /** {@code control}'s tooltip, {@code text}, made when the pointer first moves over it. */
    public static LazyTip on(Control control, String text) {
        LazyTip tip = new LazyTip(control);
        tip.set(text);
        return tip;
    }

    /** The tooltip's text from now on; null for none. */
    public void set(String text) {
        this.text = text;
        this.later = null;
        Tooltip made = control.getTooltip();
        if (made == null) return;
        if (text == null) control.setTooltip(null);
        else made.setText(text);
    }

    /**
     * As {@link #set}, with the text written only when the tooltip is made (at once if it already is):
     * a library cell's exact size was formatted on every update of a growing row, each pulse of a load.
     */
    public void setLazily(Supplier<String> text) {
        if (text == null || control.getTooltip() != null) {
            set(text == null ? null : text.get());
            return;
        }
        this.text = null;
        this.later = text;
    }

    /** The text the tooltip shows once made; null for none. */
    public String text() {
        if (later != null) {
            text = later.get();
            later = null;
        }
        return text;
    }

    private void make() {
        String shown = text();
        if (shown != null && control.getTooltip() == null) control.setTooltip(new Tooltip(shown));
    }
}
