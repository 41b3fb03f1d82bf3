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
}
