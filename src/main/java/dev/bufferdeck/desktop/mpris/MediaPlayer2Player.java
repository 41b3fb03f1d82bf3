package dev.bufferdeck.desktop.mpris;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/** {@code org.mpris.MediaPlayer2.Player}: transport. Method names are the D-Bus ones. */
@DBusInterfaceName("org.mpris.MediaPlayer2.Player")
public interface MediaPlayer2Player extends DBusInterface {
    void Next();
    void Previous();
    void Pause();
    void PlayPause();
    void Stop();
    void Play();
    /** By {@code offset} microseconds. */
    void Seek(long offset);
    /** To {@code position} microseconds, if {@code trackId} is still the current track. */
    void SetPosition(DBusPath trackId, long position);
    void OpenUri(String uri);

    /** The position jumped (a seek, or a track restarted); in microseconds. */
    class Seeked extends DBusSignal {
        private final long position;

        public Seeked(String path, long position) throws DBusException {
            super(path, position);
            this.position = position;
        }

        public long getPosition() { return position; }
    }
}
