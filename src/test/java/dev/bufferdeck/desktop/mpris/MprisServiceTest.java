package dev.bufferdeck.desktop.mpris;

import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The MPRIS object on a real, private dbus-daemon, driven and read by a D-Bus client. */
class MprisServiceTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 1, 2, 3, 4};

    @TempDir Path runtimeDir;
    private Process daemon;
    private String address;
    private MprisService service;
    private DBusConnection client;
    private final RecordingControls controls = new RecordingControls();
    private final MediaRepository repository = new MediaRepository(new FormatSniffer());

    @BeforeEach
    void startBus() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dbus-daemon")), "dbus-daemon is not installed");
        daemon = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        address = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        assertNotNull(address, "dbus-daemon printed no address");
    }

    @AfterEach
    void stopBus() throws Exception {
        if (service != null) service.close();
        if (client != null) client.close();
        if (daemon != null) {
            daemon.destroy();
            daemon.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void connect() throws Exception {
        service = MprisService.start(controls, Map.of("DBUS_SESSION_BUS_ADDRESS", address, "XDG_RUNTIME_DIR", runtimeDir.toString()));
        assertTrue(service.isConnected());
        client = DBusConnectionBuilder.forAddress(address).build();
    }

    private <T extends org.freedesktop.dbus.interfaces.DBusInterface> T remote(Class<T> type) throws Exception {
        return client.getRemoteObject(MprisService.BUS_NAME, MprisService.PATH, type);
    }

    private MediaBuffer tagged(String title, String artist) throws Exception {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        frames.write(frame("TIT2", text(title)));
        frames.write(frame("TPE1", text(artist)));
        frames.write(frame("TALB", text("Album")));
        ByteArrayOutputStream apic = new ByteArrayOutputStream();
        apic.write(0);
        apic.write("image/png\0".getBytes(StandardCharsets.ISO_8859_1));
        apic.write(3);
        apic.write(0);
        apic.write(PNG);
        frames.write(frame("APIC", apic.toByteArray()));
        byte[] body = frames.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[]{'I', 'D', '3', 3, 0, 0,
                (byte) (body.length >> 21 & 0x7f), (byte) (body.length >> 14 & 0x7f), (byte) (body.length >> 7 & 0x7f), (byte) (body.length & 0x7f)});
        file.write(body);
        file.write(new byte[256]);
        return repository.add(file.toByteArray(), title + ".mp3", new Origin.File(Path.of("/music/" + title + ".mp3")), "mp3").buffer();
    }

    private static byte[] text(String s) {
        byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] d = new byte[t.length + 1];
        System.arraycopy(t, 0, d, 1, t.length);
        return d;
    }

    private static byte[] frame(String id, byte[] data) {
        byte[] f = new byte[10 + data.length];
        System.arraycopy(id.getBytes(StandardCharsets.US_ASCII), 0, f, 0, 4);
        f[4] = (byte) (data.length >> 24);
        f[5] = (byte) (data.length >> 16);
        f[6] = (byte) (data.length >> 8);
        f[7] = (byte) data.length;
        System.arraycopy(data, 0, f, 10, data.length);
        return f;
    }

    /** The Metadata property as a client reads it (dbus-java hands out the values unwrapped). */
    private static Map<String, Object> metadata(Properties props) {
        Map<String, Object> m = props.Get(MprisProperties.PLAYER, "Metadata");
        return m;
    }

    /** The Metadata once the service has taken the update for {@code title} (updates are applied on its thread). */
    private static Map<String, Object> metadataOf(Properties props, String title) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Map<String, Object> m = metadata(props);
            if (title.equals(m.get("xesam:title"))) return m;
            Thread.sleep(50);
        }
        throw new AssertionError("the metadata never showed " + title);
    }

    private static NowPlaying playing(MediaBuffer b, String title) {
        return new NowPlaying(NowPlaying.Status.PLAYING, b, title, 180_000, 0.5, true, false, "None", false);
    }

    @Test
    void methodsReachTheWindowAndPropertiesDescribeIt() throws Exception {
        connect();
        MediaBuffer song = tagged("Song", "Artist");
        service.update(playing(song, "Song"));
        controls.position = 42_000;

        MediaPlayer2Player player = remote(MediaPlayer2Player.class);
        player.PlayPause();
        player.Next();
        player.Seek(5_000_000);
        player.SetPosition(new DBusPath(MprisProperties.trackId(song.id())), 7_000_000);
        player.SetPosition(new DBusPath(MprisProperties.trackId(song.id() + 1)), 9_000_000);  // not the current track: ignored
        remote(MediaPlayer2.class).Raise();
        assertEquals(List.of("playPause", "next", "seekTo 47000", "seekTo 7000", "raise"), controls.calls);

        Properties props = remote(Properties.class);
        Map<String, Object> metadata = metadataOf(props, "Song");
        assertEquals("Playing", props.Get(MprisProperties.PLAYER, "PlaybackStatus"));
        assertEquals(42_000_000L, (Long) props.Get(MprisProperties.PLAYER, "Position"));
        assertEquals(true, props.Get(MprisProperties.PLAYER, "CanGoNext"));
        assertEquals("BufferDeck", props.Get(MprisProperties.ROOT, "Identity"));
        assertEquals(List.of("Artist"), metadata.get("xesam:artist"));
        assertEquals("Album", metadata.get("xesam:album"));
        assertEquals(180_000_000L, metadata.get("mpris:length"));
        assertEquals(MprisProperties.trackId(song.id()), ((DBusPath) metadata.get("mpris:trackid")).getPath());

        props.Set(MprisProperties.PLAYER, "Volume", 0.25);
        assertEquals("setVolume 0.25", controls.calls.get(controls.calls.size() - 1));
    }

    @Test
    void changesAndSeeksAreSignalled() throws Exception {
        connect();
        LinkedBlockingQueue<Properties.PropertiesChanged> changes = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<MediaPlayer2Player.Seeked> seeks = new LinkedBlockingQueue<>();
        client.addSigHandler(Properties.PropertiesChanged.class, changes::add);
        client.addSigHandler(MediaPlayer2Player.Seeked.class, seeks::add);

        MediaBuffer song = tagged("Song", "Artist");
        service.update(playing(song, "Song"));
        Properties.PropertiesChanged first = changes.poll(5, TimeUnit.SECONDS);
        assertNotNull(first);
        assertEquals(MprisProperties.PLAYER, first.getInterfaceName());
        assertEquals("Playing", first.getPropertiesChanged().get("PlaybackStatus").getValue());

        service.update(new NowPlaying(NowPlaying.Status.PAUSED, song, "Song", 180_000, 0.5, true, false, "None", false));
        Properties.PropertiesChanged paused = changes.poll(5, TimeUnit.SECONDS);
        assertNotNull(paused);
        assertEquals(Map.of("PlaybackStatus", "Paused"), Map.of("PlaybackStatus", paused.getPropertiesChanged().get("PlaybackStatus").getValue()));
        assertEquals(1, paused.getPropertiesChanged().size(), "only what changed: " + paused.getPropertiesChanged().keySet());

        service.seeked(12_345);
        MediaPlayer2Player.Seeked seeked = seeks.poll(5, TimeUnit.SECONDS);
        assertNotNull(seeked);
        assertEquals(12_345_000L, seeked.getPosition());
    }

    @Test
    void theCoverIsAnOwnerOnlyFileInTheRuntimeDirGoneOnTrackChangeAndExit() throws Exception {
        connect();
        MediaBuffer first = tagged("One", "A");
        service.update(playing(first, "One"));
        Properties props = remote(Properties.class);
        Map<String, Object> metadata = metadataOf(props, "One");
        Path art = Path.of(URI.create((String) metadata.get("mpris:artUrl")));
        assertEquals(runtimeDir, art.getParent());
        assertArrayEquals(PNG, Files.readAllBytes(art));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(art));

        MediaBuffer second = tagged("Two", "B");
        service.update(playing(second, "Two"));
        Map<String, Object> next = metadataOf(props, "Two");
        Path art2 = Path.of(URI.create((String) next.get("mpris:artUrl")));
        assertFalse(Files.exists(art), "the first track's cover is removed on track change");
        assertTrue(Files.exists(art2));

        service.close();
        service = null;
        assertFalse(Files.exists(art2), "the cover is removed on exit");
        try (var left = Files.list(runtimeDir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void withoutARuntimeDirThereIsNoArtUrl() throws Exception {
        service = MprisService.start(controls, Map.of("DBUS_SESSION_BUS_ADDRESS", address));
        assertTrue(service.isConnected());
        client = DBusConnectionBuilder.forAddress(address).build();
        service.update(playing(tagged("One", "A"), "One"));
        Map<String, Object> metadata = metadataOf(remote(Properties.class), "One");
        assertEquals("One", metadata.get("xesam:title"));
        assertFalse(metadata.containsKey("mpris:artUrl"));
    }

    @Test
    void withoutASessionBusItStaysQuietAndAcceptsUpdates() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            service = MprisService.start(controls, Map.of());
            service.update(playing(tagged("One", "A"), "One"));
            service.seeked(1000);
            assertFalse(service.isConnected());
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void newsAfterCloseIsDropped() throws Exception {
        service = MprisService.start(controls, Map.of("DBUS_SESSION_BUS_ADDRESS", address));
        assertTrue(service.isConnected());
        service.close();
        service.update(playing(tagged("One", "A"), "One"));
        service.seeked(1000);
        assertFalse(service.isConnected());
    }

    private static final class RecordingControls implements MediaControls {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile long position;

        @Override public void play() { calls.add("play"); }
        @Override public void pause() { calls.add("pause"); }
        @Override public void playPause() { calls.add("playPause"); }
        @Override public void stop() { calls.add("stop"); }
        @Override public void next() { calls.add("next"); }
        @Override public void previous() { calls.add("previous"); }
        @Override public void seekTo(long millis) { calls.add("seekTo " + millis); }
        @Override public void setVolume(double volume) { calls.add("setVolume " + volume); }
        @Override public void open(String source) { calls.add("open " + source); }
        @Override public void raise() { calls.add("raise"); }
        @Override public void quit() { calls.add("quit"); }
        @Override public long positionMillis() { return position; }
    }
}
