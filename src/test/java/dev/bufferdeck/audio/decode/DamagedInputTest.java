package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Truncated and damaged files of every format: each either decodes (what is there) or fails with
 * {@link UnsupportedMediaException} or an {@link IOException} whose message names the file; never
 * another exception, never a hang, never a thread left behind.
 */
class DamagedInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"mp3-vbr-32k-stereo.mp3", "mp3-seek-16k-6s.mp3", "flac-48k-stereo-24bit.flac", "flac-seek-8k-5s.flac",
            "vorbis-32k-stereo.ogg", "vorbis-seek-22k-6s-ffmpeg.ogg", "opus-48k-stereo.opus", "opus-seek-48k-6s.opus",
            "flac-16k-mono-16bit.wav", "aac-lc-32k-stereo.m4a", "aac-seek-22k-6s.m4a", "aac-lc-22k-mono-id3.aac"})
    void damagedCopiesFailCleanlyOrDecode(String name) {
        byte[] good = TestBuffers.resource(name);
        Set<String> threadsBefore = threadNames();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (double cut : new double[] {0.001, 0.01, 0.05, 0.3, 0.5, 0.9, 0.999}) {
                exercise(Arrays.copyOf(good, (int) (good.length * cut)), name + " cut to " + cut);
            }
            Random random = new Random(name.hashCode());
            for (int round = 0; round < 12; round++) {
                byte[] bad = good.clone();
                int from = round < 4 ? 0 : random.nextInt(bad.length);
                int span = round < 4 ? 64 : 1 + random.nextInt(400);
                for (int i = from; i < Math.min(bad.length, from + span); i++) bad[i] = (byte) random.nextInt(256);
                exercise(bad, name + " scrambled at " + from + "+" + span);
            }
        });
        Set<String> leftBehind = new java.util.TreeSet<>(threadNames());
        leftBehind.removeAll(threadsBefore);
        assertEquals(Set.of(), leftBehind, "threads started by decoding and left behind");
    }

    private static void exercise(byte[] bytes, String what) {
        try (PcmDecoder d = Decoders.open(TestBuffers.of(bytes, "damaged"))) {
            TestBuffers.readAll(d);
            d.seekToFrame(d.totalFrames() / 2);
            TestBuffers.read(d, 5000);
            d.seekToFrame(0);
            TestBuffers.read(d, 5000);
        } catch (UnsupportedMediaException e) {
            assertReadable(e, what);
        } catch (IOException e) {
            assertReadable(e, what);
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    private static void assertReadable(Exception e, String what) {
        assertNotNull(e.getMessage(), what);
        assertTrue(e.getMessage().startsWith("damaged"), what + ": message does not name the file: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), what + ": message spans lines: " + e.getMessage());
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> !n.startsWith("junit-timeout")).collect(Collectors.toSet());
    }
}
