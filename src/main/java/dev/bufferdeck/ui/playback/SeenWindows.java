package dev.bufferdeck.ui.playback;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Whether any window of the application can be seen: one that shows and is not minimised. An owned
 * dialog or a popup counts as seen while it shows, even when its owner is minimised (a window
 * manager may leave it on screen). FX thread only.
 */
final class SeenWindows {
    private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper();
    private final Set<Stage> watched = Collections.newSetFromMap(new WeakHashMap<>());
    private final InvalidationListener recount = o -> recount();
    private final ListChangeListener<Window> windowsChanged = c -> recount();

    SeenWindows() {
        Window.getWindows().addListener(windowsChanged);
        recount();
    }

    ReadOnlyBooleanProperty anyProperty() { return any.getReadOnlyProperty(); }

    /** Stops following the windows. */
    void close() {
        Window.getWindows().removeListener(windowsChanged);
        for (Stage s : watched) s.iconifiedProperty().removeListener(recount);
        watched.clear();
    }

    private void recount() {
        boolean seen = false;
        // Window.getWindows() holds the windows that show
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && watched.add(s)) s.iconifiedProperty().addListener(recount);
            if (!(w instanceof Stage s && s.isIconified())) seen = true;
        }
        any.set(seen);
    }
}
