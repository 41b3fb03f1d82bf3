package dev.bufferdeck.desktop;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the desktop asks for dark or light: the freedesktop portal's {@code color-scheme}
 * (GNOME, KDE, …), else the GTK theme's name ({@code GTK_THEME}, then gtk-3.0/settings.ini).
 */
public final class DesktopColorScheme {
    public enum Preference { DARK, LIGHT, NONE }

    private DesktopColorScheme() {}

    /** Reads the preference; off the FX thread, it may ask D-Bus and read a file. Never throws. */
    public static Preference detect(Map<String, String> environment) {
        return portal(environment).orElseGet(() -> gtk(environment));
    }

    @DBusInterfaceName("org.freedesktop.portal.Settings")
    interface PortalSettings extends DBusInterface {
        Variant<?> Read(String namespace, String key);
    }

    static Optional<Preference> portal(Map<String, String> environment) {
        String bus = environment.get("DBUS_SESSION_BUS_ADDRESS");
        if (bus == null || bus.isBlank()) return Optional.empty();
        try (DBusConnection c = DBusSession.connect(bus)) {
            PortalSettings settings = c.getRemoteObject("org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                    PortalSettings.class);
            Object value = settings.Read("org.freedesktop.appearance", "color-scheme");
            while (value instanceof Variant<?> v) value = v.getValue();  // Read wraps the value in a second variant
            if (value instanceof UInt32 u) return Optional.of(fromPortal(u.intValue()));
            if (value instanceof Number n) return Optional.of(fromPortal(n.intValue()));
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();  // no portal on this desktop: the GTK theme decides
        }
    }

    /** The portal's values: 0 no preference, 1 prefer dark, 2 prefer light. */
    static Preference fromPortal(int value) {
        return switch (value) {
            case 1 -> Preference.DARK;
            case 2 -> Preference.LIGHT;
            default -> Preference.NONE;
        };
    }

    static Preference gtk(Map<String, String> environment) {
        String theme = environment.get("GTK_THEME");
        if (theme != null && !theme.isBlank()) return fromThemeName(theme);
        String config = environment.get("XDG_CONFIG_HOME");
        String home = environment.get("HOME");
        Path dir = config != null && !config.isBlank() ? Path.of(config) : home != null ? Path.of(home, ".config") : null;
        if (dir == null) return Preference.NONE;
        try {
            String settings = Files.readString(dir.resolve("gtk-3.0/settings.ini"));
            if (settings.matches("(?s).*gtk-application-prefer-dark-theme\\s*=\\s*(1|true).*")) return Preference.DARK;
            for (String line : settings.split("\n")) {
                String l = line.strip();
                if (l.startsWith("gtk-theme-name")) return fromThemeName(l.substring(l.indexOf('=') + 1));
            }
        } catch (IOException | RuntimeException e) {
            // no settings file: no preference
        }
        return Preference.NONE;
    }

    /** "Adwaita:dark", "Adwaita-dark", "Yaru-dark" are dark; any other name is light. */
    static Preference fromThemeName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.isEmpty()) return Preference.NONE;
        return n.endsWith(":dark") || n.endsWith("-dark") || n.contains("-dark-") ? Preference.DARK : Preference.LIGHT;
    }
}
