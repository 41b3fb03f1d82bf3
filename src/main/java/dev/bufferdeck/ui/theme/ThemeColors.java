package dev.bufferdeck.ui.theme;

import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Colours the theme stylesheet names ({@code -bd-wave-played}, …) for code that paints on a canvas.
 * Each is read through a zero-size child region whose background is that looked-up colour, so the
 * canvas follows the stylesheet like any control; a theme change calls {@link #onChange}. A scene
 * without a theme gets the light one (a view shown alone); until CSS is applied a colour is its
 * fallback, the light theme's value.
 */
public final class ThemeColors {
    private final Map<String, Region> probes = new HashMap<>();
    private final Map<String, Color> fallbacks = new HashMap<>();
    private final List<Region> nodes = new ArrayList<>();
    private Runnable onChange = () -> { };

    /** Adds the looked-up colour {@code name}; its probe must then be among the host's children. */
    public ThemeColors color(String name, Color fallback) {
        Region probe = new Region();
        probe.setManaged(false);
        probe.setMouseTransparent(true);
        probe.setStyle("-fx-background-color: " + name + ";");
        probe.backgroundProperty().addListener(o -> onChange.run());
        probe.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) Theme.ensureOn(scene);
        });
        probes.put(name, probe);
        fallbacks.put(name, fallback);
        nodes.add(probe);
        return this;
    }

    /** Adds the looked-up colour {@code name}, falling back to its value in the light theme. */
    public ThemeColors color(String name) {
        return color(name, Theme.LIGHT.color(name));
    }

    /** The probes, to add to the painting view's children. */
    public List<Region> probes() { return List.copyOf(nodes); }

    public void onChange(Runnable r) { this.onChange = r; }

    public Color get(String name) {
        Region probe = probes.get(name);
        if (probe == null) throw new IllegalArgumentException("no theme colour " + name);
        Background b = probe.getBackground();
        if (b != null && !b.getFills().isEmpty()) {
            Paint p = b.getFills().get(0).getFill();
            if (p instanceof Color c) return c;
        }
        return fallbacks.get(name);
    }
}
