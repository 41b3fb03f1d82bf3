package dev.bufferdeck.audio;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

class PcmTapTest {
    private static final AudioFormat MONO16 = new AudioFormat(8_000f, 16, 1, true, false);

    @Test
    void keepsTheLatestFramesOldestFirst() {
        PcmTap tap = new PcmTap(MONO16, 4);
        byte[] chunk = {1, 0, 2, 0, 3, 0};
        tap.offer(chunk, 0, 6);
        tap.offer(new byte[] {4, 0, 5, 0}, 0, 4);
        byte[] dest = new byte[8];
        assertEquals(8, tap.latest(dest));
        assertArrayEquals(new byte[] {2, 0, 3, 0, 4, 0, 5, 0}, dest);
        byte[] two = new byte[4];
        assertEquals(4, tap.latest(two));
        assertArrayEquals(new byte[] {4, 0, 5, 0}, two);
        assertEquals(5, tap.framesOffered());
    }

    @Test
    void givesNothingBeforeAnythingWasPlayedAndMonoInRange() {
        PcmTap tap = new PcmTap(MONO16, 8);
        assertEquals(0, tap.latest(new byte[16]));
        tap.offer(new byte[] {0, (byte) 0x80, (byte) 0xFF, 0x7F}, 0, 4);
        float[] mono = new float[8];
        assertEquals(2, tap.latestMono(mono));
        assertEquals(-1.0f, mono[0]);
        assertEquals(32767 / 32768f, mono[1], 1e-6);
    }

    @Test
    void aReaderNeverSeesATornSnapshotWhileTheWriterRuns() throws Exception {
        PcmTap tap = new PcmTap(MONO16, 64);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            byte[] chunk = new byte[32];
            for (int v = 0; !stop.get(); v++) {
                Arrays.fill(chunk, (byte) v);   // every chunk is one value: 16 frames
                tap.offer(chunk, 0, chunk.length);
            }
        });
        writer.start();
        AtomicReference<String> torn = new AtomicReference<>();
        byte[] dest = new byte[32];
        long deadline = System.currentTimeMillis() + 300;
        while (System.currentTimeMillis() < deadline && torn.get() == null) {
            int n = tap.latest(dest);
            // a valid snapshot is the tail of the stream: byte values never go down then up again
            for (int i = 1; i < n; i++) {
                int step = (dest[i] - dest[i - 1]) & 0xFF;
                if (step > 1) torn.set(Arrays.toString(Arrays.copyOf(dest, n)));
            }
        }
        stop.set(true);
        writer.join();
        assertNull(torn.get(), "torn snapshot");
    }
}
