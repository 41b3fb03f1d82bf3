package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * JAAD advances one static noise generator (perceptual noise substitution) for every decoder in
 * the process. Every unit of both files here uses noise substitution, so a decoder that shared it
 * would hear noise drawn for the other.
 */
class AacConcurrencyTest {
    private static final String A = "aac-seek-22k-6s.m4a";
    private static final String B = "aac-lc-32k-stereo.m4a";

    @Test
    void twoFilesDecodedOnTwoThreadsMatchTheirSingleThreadedDecodes() throws Exception {
        byte[] aliceAlone = decode(A);
        byte[] bobAlone = decode(B);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                Future<byte[]> a = pool.submit((Callable<byte[]>) () -> decode(A));
                Future<byte[]> b = pool.submit((Callable<byte[]>) () -> decode(B));
                assertArrayEquals(aliceAlone, a.get(60, TimeUnit.SECONDS), A + " decoded beside " + B);
                assertArrayEquals(bobAlone, b.get(60, TimeUnit.SECONDS), B + " decoded beside " + A);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same race made certain: two decoders taking turns frame by frame on one thread. */
    @Test
    void decodersTakingTurnsFrameByFrameDoNotChangeEachOther() throws Exception {
        byte[] aliceAlone = decode(A);
        byte[] bobAlone = decode(B);
        ByteArrayOutputStream alice = new ByteArrayOutputStream(), bob = new ByteArrayOutputStream();
        try (PcmDecoder a = Decoders.open(TestBuffers.resourceBuffer(A));
             PcmDecoder b = Decoders.open(TestBuffers.resourceBuffer(B))) {
            byte[] chunk = new byte[1024];
            boolean more = true;
            while (more) {
                more = false;
                int n = a.read(chunk, 0, chunk.length);
                if (n > 0) { alice.write(chunk, 0, n); more = true; }
                n = b.read(chunk, 0, chunk.length);
                if (n > 0) { bob.write(chunk, 0, n); more = true; }
            }
        }
        assertArrayEquals(aliceAlone, alice.toByteArray(), A);
        assertArrayEquals(bobAlone, bob.toByteArray(), B);
    }

    private static byte[] decode(String name) throws Exception {
        try (PcmDecoder d = Decoders.open(TestBuffers.resourceBuffer(name))) {
            return TestBuffers.readAll(d);
        }
    }
}
