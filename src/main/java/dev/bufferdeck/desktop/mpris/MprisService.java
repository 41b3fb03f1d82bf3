package dev.bufferdeck.desktop.mpris;

import dev.bufferdeck.desktop.DBusSession;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * BufferDeck on the session bus as {@code org.mpris.MediaPlayer2.bufferdeck}: media keys, desktop
 * "now playing" panels and {@code playerctl} see and drive the window through {@link MediaControls}.
 * Everything (connecting, reading tags, writing the cover, sending signals) runs on one thread of
 * its own; without a session bus it does nothing and says nothing.
 */
public final class MprisService implements AutoCloseable {
    public static final String BUS_NAME = "org.mpris.MediaPlayer2.bufferdeck";
    static final String PATH = "/org/mpris/MediaPlayer2";

    private final MediaControls controls;
    private final CoverFile cover;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bufferdeck-mpris");
        t.setDaemon(true);
        return t;
    });
    private DBusConnection connection;
    private String busName;
    private NowPlaying now = NowPlaying.NOTHING;
    private TrackFacts facts;
    private Optional<String> artUrl = Optional.empty();
    private volatile Map<String, Variant<?>> player = MprisProperties.player(NowPlaying.NOTHING, null, Optional.empty());

    private MprisService(MediaControls controls, Path runtimeDir) {
        this.controls = controls;
        this.cover = new CoverFile(runtimeDir);
    }

    /** Connects in the background when the environment names a session bus; returns at once. */
    public static MprisService start(MediaControls controls, Map<String, String> environment) {
        String dir = environment.get("XDG_RUNTIME_DIR");
        Path runtime = dir != null && !dir.isBlank() && Files.isDirectory(Path.of(dir)) ? Path.of(dir) : null;
        MprisService service = new MprisService(controls, runtime);
        String bus = environment.get("DBUS_SESSION_BUS_ADDRESS");
        if (bus != null && !bus.isBlank()) service.thread.execute(() -> service.connect(bus));
        return service;
    }

    private void connect(String address) {
        try {
            DBusConnection c = DBusSession.connect(address);
            c.exportObject(PATH, new Exported());
            busName = BUS_NAME;
            try {
                c.requestBusName(busName);
            } catch (DBusException taken) {
                busName = BUS_NAME + ".instance" + ProcessHandle.current().pid();  // a --new-window instance
                c.requestBusName(busName);
            }
            connection = c;
        } catch (DBusException | RuntimeException e) {
            System.err.println("BufferDeck: media keys and desktop controls are off (D-Bus: " + e.getMessage() + ")");
        }
    }

    /** Whether the service holds its name on a bus (tests). */
    public boolean isConnected() {
        try {
            return thread.submit(() -> connection != null).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    /** The player changed; the desktop hears what differs. Any thread; dropped once closed. */
    public void update(NowPlaying playing) {
        Objects.requireNonNull(playing);
        onOwnThread(() -> apply(playing));
    }

    /** The position jumped to {@code millis} (a seek). Any thread; dropped once closed. */
    public void seeked(long millis) {
        onOwnThread(() -> send(() -> new MediaPlayer2Player.Seeked(PATH, millis * 1000)));
    }

    /** News that comes after {@link #close} (the player still changing while the app quits) has no one to go to; a second close has nothing to do. */
    private void onOwnThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closed) {
            // closed: the bus has been left
        }
    }

    private void apply(NowPlaying playing) {
        boolean newTrack = playing.track() == null ? facts != null : facts == null || facts.bufferId() != playing.track().id();
        if (newTrack) {
            facts = playing.track() == null ? null : TrackFacts.of(playing.track());
            artUrl = facts == null ? Optional.empty() : facts.cover().flatMap(c -> cover.show(facts.bufferId(), c));
            if (facts == null || facts.cover().isEmpty()) cover.remove();
        }
        now = playing;
        Map<String, Variant<?>> before = player;
        Map<String, Variant<?>> after = MprisProperties.player(playing, facts, artUrl);
        player = after;
        Map<String, Variant<?>> changed = new HashMap<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) changed.put(k, v);
        });
        if (!changed.isEmpty()) {
            send(() -> new Properties.PropertiesChanged(PATH, MprisProperties.PLAYER, changed, List.of()));
        }
    }

    private interface SignalMaker {
        DBusSignal make() throws DBusException;
    }

    private void send(SignalMaker signal) {
        if (connection == null) return;
        try {
            connection.sendMessage(signal.make());
        } catch (DBusException | RuntimeException e) {
            System.err.println("BufferDeck: could not tell the desktop: " + e.getMessage());
        }
    }

    /** Leaves the bus and removes the cover file; waits at most a second. Closing again does nothing. */
    @Override
    public void close() {
        onOwnThread(() -> {
            cover.remove();
            if (connection != null) {
                try {
                    connection.releaseBusName(busName);
                    connection.close();
                } catch (Exception ignored) {
                    // leaving anyway
                }
                connection = null;
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The object on the bus; its calls arrive on dbus-java's threads. */
    private final class Exported implements MediaPlayer2, MediaPlayer2Player, Properties {
        @Override public String getObjectPath() { return PATH; }

        @Override public void Raise() { controls.raise(); }
        @Override public void Quit() { controls.quit(); }
        @Override public void Next() { controls.next(); }
        @Override public void Previous() { controls.previous(); }
        @Override public void Pause() { controls.pause(); }
        @Override public void PlayPause() { controls.playPause(); }
        @Override public void Stop() { controls.stop(); }
        @Override public void Play() { controls.play(); }

        @Override
        public void Seek(long offset) {
            if (canSeek()) controls.seekTo(Math.max(0, controls.positionMillis() + offset / 1000));
        }

        @Override
        public void SetPosition(DBusPath trackId, long position) {
            NowPlaying n = now;
            if (!canSeek() || n.track() == null || position < 0) return;
            if (!MprisProperties.trackId(n.track().id()).equals(trackId.getPath())) return;  // a stale request
            if (n.lengthMillis() >= 0 && position / 1000 > n.lengthMillis()) return;
            controls.seekTo(position / 1000);
        }

        @Override
        public void OpenUri(String uri) {
            String s = uri.toLowerCase(Locale.ROOT);
            if (!s.startsWith("file:") && !s.startsWith("http://") && !s.startsWith("https://")) {
                throw new DBusExecutionException("BufferDeck opens file, http and https URIs, not " + uri);
            }
            controls.open(TrackFacts.source(uri));
        }

        private boolean canSeek() {
            Variant<?> v = player.get("CanSeek");
            return v != null && Boolean.TRUE.equals(v.getValue());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <A> A Get(String iface, String name) {
            Variant<?> v = GetAll(iface).get(name);
            if (v == null) throw new DBusExecutionException("no property " + iface + "." + name);
            return (A) v;  // the typed variant: a bare Map or List would lose its D-Bus signature
        }

        @Override
        public Map<String, Variant<?>> GetAll(String iface) {
            if (MprisProperties.ROOT.equals(iface)) return MprisProperties.root();
            if (MprisProperties.PLAYER.equals(iface)) {
                Map<String, Variant<?>> all = new HashMap<>(player);
                all.put("Position", new Variant<>(controls.positionMillis() * 1000));
                return all;
            }
            throw new DBusExecutionException("no interface " + iface);
        }

        @Override
        public <A> void Set(String iface, String name, A value) {
            Object v = value instanceof Variant<?> variant ? variant.getValue() : value;
            if (MprisProperties.PLAYER.equals(iface) && name.equals("Volume") && v instanceof Number n) {
                controls.setVolume(Math.max(0, Math.min(1, n.doubleValue())));
                return;
            }
            throw new DBusExecutionException(iface + "." + name + " cannot be set");
        }
    }
}
