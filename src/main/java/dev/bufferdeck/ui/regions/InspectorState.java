package dev.bufferdeck.ui.regions;

import dev.bufferdeck.repository.MediaBuffer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the hex inspector shows and how it is laid out, without its view: the window keeps this from
 * the start and builds the {@link HexInspector} only when the Hex tab is first shown, which then
 * binds its toggles to these properties.
 */
public final class InspectorState {
    private final ObjectProperty<MediaBuffer> playing = new SimpleObjectProperty<>();
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final BooleanProperty treeShown = new SimpleBooleanProperty(true);
    private final BooleanProperty focusMode = new SimpleBooleanProperty();
    private final DoubleProperty treeDivider = new SimpleDoubleProperty(Double.NaN);
    private final ReadOnlyObjectWrapper<MediaBuffer> shown = new ReadOnlyObjectWrapper<>();
    private MediaBuffer chosen;

    public InspectorState() {
        playing.addListener((o, a, b) -> showWhatFits());
        follow.addListener((o, a, b) -> showWhatFits());
    }

    /**
     * The buffer the user chose (a library row), or null. While following playback it is shown only when
     * nothing plays; choosing a buffer other than the one playing turns following off and shows it.
     */
    public void showChosen(MediaBuffer buffer) {
        chosen = buffer;
        MediaBuffer p = playing.get();
        if (follow.get() && buffer != null && p != null && buffer.id() != p.id()) follow.set(false);
        showWhatFits();
    }

    private void showWhatFits() {
        MediaBuffer p = playing.get();
        MediaBuffer next = follow.get() && p != null ? p : chosen != null ? chosen : p;
        if (shown.get() != next) shown.set(next);
    }

    /** The buffer the hex view shows: the one playing while following playback, else the one chosen. */
    public ReadOnlyObjectProperty<MediaBuffer> shownProperty() { return shown.getReadOnlyProperty(); }
    /** The buffer playing or paused (null for none): what "follow playback" shows. */
    public ObjectProperty<MediaBuffer> playingProperty() { return playing; }
    /** "Follow playback": show the buffer playing and mark the bytes being heard. */
    public BooleanProperty followProperty() { return follow; }
    /** The user's choice: the region tree beside the hex view (true) or folded to a strip. */
    public BooleanProperty treeShownProperty() { return treeShown; }
    /** On while focus mode is asked for: the window gives the inspector the whole area below the transport bar. */
    public BooleanProperty focusModeProperty() { return focusMode; }
    /** The hex | tree divider as a fraction of their width; NaN for the default (the hex view at its own width). */
    public DoubleProperty treeDividerProperty() { return treeDivider; }
}
