package dev.bufferdeck.ui.theme;

import dev.bufferdeck.desktop.DesktopColorScheme;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

/** The theme of every window: the user's choice, or the desktop's preference when they follow it. */
public final class ThemeSwitcher {
    private final ObjectProperty<ThemeChoice> choice = new SimpleObjectProperty<>(ThemeChoice.DESKTOP);
    private final ObjectProperty<DesktopColorScheme.Preference> desktop = new SimpleObjectProperty<>(DesktopColorScheme.Preference.NONE);
    private final ObjectBinding<Theme> theme = Bindings.createObjectBinding(() -> switch (choice.get()) {
        case LIGHT -> Theme.LIGHT;
        case DARK -> Theme.DARK;
        case DESKTOP -> desktop.get() == DesktopColorScheme.Preference.DARK ? Theme.DARK : Theme.LIGHT;
    }, choice, desktop);

    public ObjectProperty<ThemeChoice> choiceProperty() { return choice; }
    public ObjectProperty<DesktopColorScheme.Preference> desktopProperty() { return desktop; }
    public ObjectBinding<Theme> themeProperty() { return theme; }

    /** Gives the scene the current theme's stylesheet first (the views' own come after), and keeps it current. */
    public void attach(Scene scene) {
        apply(scene, theme.get());
        theme.addListener((o, old, now) -> apply(scene, now));
    }

    private static void apply(Scene scene, Theme theme) {
        for (Theme t : Theme.values()) scene.getStylesheets().remove(t.stylesheet());
        scene.getStylesheets().add(0, theme.stylesheet());
    }
}
