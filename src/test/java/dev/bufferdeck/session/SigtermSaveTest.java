package dev.bufferdeck.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real app in a JVM of its own (headless Monocle, memory sink), ended with {@code kill -TERM}
 * as a logout or shutdown ends it: what it was doing at that moment is in the session file.
 */
class SigtermSaveTest {
    @TempDir
    Path dir;

    @Test
    void sigtermSavesTheSessionWithThePositionReachedAtThatMoment() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path track = dir.resolve("long tone.wav");
        Files.write(track, tone(60));
        SessionStore store = new SessionStore(config);
        Process app = start(config, track);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // the first save comes by itself, shortly after the track was queued and started
            while (!store.load().session().playlistOrigins().contains(track.toAbsolutePath().toString())) {
                assertTrue(app.isAlive(), "the app is running");
                assertTrue(System.nanoTime() < deadline, "the app saved its session within 60 s");
                Thread.sleep(200);
            }
            long firstPosition = store.load().session().positionMillis();
            // nothing in the session changes by itself now but the position, which only the hook saves
            Thread.sleep(6_000);
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(app.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(app.waitFor(30, TimeUnit.SECONDS), "the app ends on SIGTERM");
            SessionStore.Loaded loaded = store.load();
            assertEquals(List.of(), loaded.warnings());
            Session s = loaded.session();
            assertEquals(List.of(track.toAbsolutePath().toString()), s.playlistOrigins());
            assertEquals(0, s.currentIndex());
            assertTrue(s.positionMillis() > firstPosition,
                    "the hook saved where playback was at SIGTERM (" + s.positionMillis() + " ms), not the earlier save ("
                            + firstPosition + " ms)");
            try (Stream<Path> files = Files.list(config)) {
                assertEquals(List.of(config.resolve(SessionStore.FILE_NAME)), files.toList(), "no half-written sibling left");
            }
        } finally {
            app.destroyForcibly();
            app.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process start(Path config, Path track) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", classPath,
                "-Dbufferdeck.config.dir=" + config, "-Dbufferdeck.output=memory",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "dev.bufferdeck.Main", track.toString()));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** 16-bit stereo 44.1 kHz sine at 440 Hz. */
    private static byte[] tone(int seconds) {
        int frames = 44_100 * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames * 4).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(44_100).putInt(44_100 * 4)
                .putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(frames * 4);
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(Math.sin(2 * Math.PI * 440 * i / 44_100.0) * 8000);
            b.putShort(s).putShort(s);
        }
        return b.array();
    }
}
