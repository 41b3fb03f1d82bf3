package dev.bufferdeck.ui.theme;

import java.util.Objects;

/** A look: one stylesheet of looked-up colours that every view's own stylesheet uses. */
public enum Theme {
    LIGHT("light.css"), DARK("dark.css");

    private final String file;

    Theme(String file) {
        this.file = file;
    }

    public String stylesheet() {
        return Objects.requireNonNull(Theme.class.getResource(file)).toExternalForm();
    }

    /** Gives a scene that has no theme the light one (a themed view shown on its own). */
    static void ensureOn(javafx.scene.Scene scene) {
        for (Theme t : values()) if (scene.getStylesheets().contains(t.stylesheet())) return;
        scene.getStylesheets().add(0, LIGHT.stylesheet());
    }
}
