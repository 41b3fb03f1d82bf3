package dev.bufferdeck.desktop;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Connections to the session bus, made the one way: dbus-java's INFO chatter ("Using transport …") kept off stderr. */
public final class DBusSession {
    /** Held so the configured logger is not collected (and its level lost). */
    private static final Logger DBUS_LOG = Logger.getLogger("org.freedesktop.dbus");

    private DBusSession() {}

    public static DBusConnection connect(String address) throws DBusException {
        DBUS_LOG.setLevel(Level.WARNING);
        return DBusConnectionBuilder.forAddress(address).build();
    }
}
