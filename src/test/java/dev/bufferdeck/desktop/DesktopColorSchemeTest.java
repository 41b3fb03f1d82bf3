package dev.bufferdeck.desktop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.bufferdeck.desktop.DesktopColorScheme.Preference.DARK;
import static dev.bufferdeck.desktop.DesktopColorScheme.Preference.LIGHT;
import static dev.bufferdeck.desktop.DesktopColorScheme.Preference.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DesktopColorSchemeTest {
    @TempDir Path config;

    @Test
    void theGtkThemeNameDecidesWithoutAPortal() throws IOException {
        assertEquals(DARK, DesktopColorScheme.detect(Map.of("GTK_THEME", "Adwaita:dark")));
        assertEquals(DARK, DesktopColorScheme.detect(Map.of("GTK_THEME", "Yaru-dark")));
        assertEquals(LIGHT, DesktopColorScheme.detect(Map.of("GTK_THEME", "Adwaita")));
        assertEquals(NONE, DesktopColorScheme.detect(Map.of("XDG_CONFIG_HOME", config.toString())));

        Files.createDirectories(config.resolve("gtk-3.0"));
        Files.writeString(config.resolve("gtk-3.0/settings.ini"), "[Settings]\ngtk-theme-name=Arc-Dark-solid\n");
        assertEquals(DARK, DesktopColorScheme.detect(Map.of("XDG_CONFIG_HOME", config.toString())), "Arc-Dark-solid");
        Files.writeString(config.resolve("gtk-3.0/settings.ini"), "[Settings]\ngtk-theme-name=Adwaita-dark\n");
        assertEquals(DARK, DesktopColorScheme.detect(Map.of("XDG_CONFIG_HOME", config.toString())));
        Files.writeString(config.resolve("gtk-3.0/settings.ini"), "[Settings]\ngtk-theme-name=Adwaita\ngtk-application-prefer-dark-theme=1\n");
        assertEquals(DARK, DesktopColorScheme.detect(Map.of("XDG_CONFIG_HOME", config.toString())));
    }

    @Test
    void thePortalsValuesMeanNoPreferenceDarkAndLight() {
        assertEquals(NONE, DesktopColorScheme.fromPortal(0));
        assertEquals(DARK, DesktopColorScheme.fromPortal(1));
        assertEquals(LIGHT, DesktopColorScheme.fromPortal(2));
    }

    @Test
    void aBusWithoutAPortalFallsBackQuietly() {
        assertEquals(DARK, DesktopColorScheme.detect(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", "GTK_THEME", "Adwaita:dark")));
    }
}
