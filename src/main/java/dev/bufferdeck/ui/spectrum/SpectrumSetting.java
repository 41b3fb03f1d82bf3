package dev.bufferdeck.ui.spectrum;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * View ▸ Spectrum and level meter: the user's choice once made, until then a default that follows
 * how the window is drawn ({@link #shownByDefault}).
 */
public final class SpectrumSetting {
    private final BooleanProperty shown;
    private boolean chosen;

    public SpectrumSetting(boolean byDefault) {
        shown = new SimpleBooleanProperty(byDefault);
        shown.addListener((InvalidationListener) o -> chosen = true);
    }

    /**
     * Shown where a graphics card draws the window. Without one (JavaFX's software pipeline: a virtual
     * machine, remote X, Xvfb) each frame of the bars copies and uploads the whole window: measured 1.8
     * CPU-s per minute of music at 15 frames a second, twice what everything else costs while playing,
     * so the bars wait until the user asks for them, as GNOME turns its animations off there. The
     * software pipeline is the one without 3D. Call once the JavaFX toolkit runs.
     */
    public static boolean shownByDefault() {
        return Platform.isSupported(ConditionalFeature.SCENE3D);
    }

    public BooleanProperty shownProperty() { return shown; }

    /** The user's choice, or null while the default holds (the session then saves none). */
    public Boolean choice() {
        return chosen ? shown.get() : null;
    }

    /** Takes a saved choice; null keeps the default. */
    public void restore(Boolean choice) {
        if (choice == null) return;
        shown.set(choice);
        chosen = true;
    }
}
