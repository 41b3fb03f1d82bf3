package dev.bufferdeck.ui.theme;

import javafx.scene.Scene;
import javafx.scene.paint.Color;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A look: one stylesheet of looked-up colours that every view's own stylesheet uses. */
public enum Theme {
    LIGHT("light.css"), DARK("dark.css");

    private static final Pattern DECLARATION = Pattern.compile("(-bd-[\\w-]+)\\s*:\\s*(#[0-9a-fA-F]{3,8})\\s*;");

    private final String file;
    private volatile Map<String, Color> colors;

    Theme(String file) {
        this.file = file;
    }

    public String stylesheet() {
        return Objects.requireNonNull(Theme.class.getResource(file)).toExternalForm();
    }

    /**
     * The value the stylesheet gives the looked-up colour {@code name} ({@code -bd-hex-text}, …):
     * what a canvas paints with before CSS reaches it.
     */
    public Color color(String name) {
        Color c = colors().get(name);
        if (c == null) throw new IllegalArgumentException(file + " has no colour " + name);
        return c;
    }

    private Map<String, Color> colors() {
        Map<String, Color> read = colors;
        if (read == null) {
            read = new HashMap<>();
            try (InputStream in = Objects.requireNonNull(Theme.class.getResourceAsStream(file))) {
                Matcher m = DECLARATION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) read.put(m.group(1), Color.web(m.group(2)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            colors = read;
        }
        return read;
    }

    /** Gives a scene that has no theme the light one (a themed view shown on its own); a {@link ThemeSwitcher} replaces it. */
    public static void ensureOn(Scene scene) {
        for (Theme t : values()) if (scene.getStylesheets().contains(t.stylesheet())) return;
        scene.getStylesheets().add(0, LIGHT.stylesheet());
    }
}
