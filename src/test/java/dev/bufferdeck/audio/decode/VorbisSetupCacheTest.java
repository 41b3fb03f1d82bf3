package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Vorbis setup kept per buffer (SHA-256) for the next decoder: a decoder that starts from it
 * decodes and seeks exactly as one that parsed the headers and built the tables itself, also with
 * two of them on two threads at once.
 */
class VorbisSetupCacheTest {

    private static byte[] decodeAll(MediaBuffer buffer) throws Exception {
        try (PcmDecoder d = Decoders.open(buffer)) {
            return TestBuffers.readAll(d);
        }
    }

    private static byte[] afterSeek(MediaBuffer buffer, long frame) throws Exception {
        try (PcmDecoder d = Decoders.open(buffer)) {
            d.seekToFrame(frame);
            return TestBuffers.read(d, 4000);
        }
    }

    @Test
    void aDecoderFromTheKeptSetupDecodesAndSeeksBitForBitLikeAFreshOne() throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer("vorbis-seek-22k-6s-ffmpeg.ogg");
        String key = buffer.sha256() + "@0";
        VorbisSetups.clear();
        byte[] fresh = decodeAll(buffer);
        VorbisSetups.clear();
        byte[] freshSeek = afterSeek(buffer, 70_000);
        VorbisSetups.Setup kept = VorbisSetups.get(key);
        assertNotNull(kept, "the first open kept the setup under the buffer's SHA-256");
        assertNotNull(kept.setup(), "floor 1 stream: our decoder's read-only setup is shared");

        assertArrayEquals(fresh, decodeAll(buffer), "a decoder from the kept setup");
        assertArrayEquals(freshSeek, afterSeek(buffer, 70_000), "and after a seek (a restart from the copied tables)");
        assertSame(kept, VorbisSetups.get(key));

        MediaBuffer sameBytes = TestBuffers.resourceBuffer("vorbis-seek-22k-6s-ffmpeg.ogg");
        assertEquals(buffer.sha256(), sameBytes.sha256());
        CompletableFuture<byte[]> a = CompletableFuture.supplyAsync(() -> decodeQuietly(buffer));
        CompletableFuture<byte[]> b = CompletableFuture.supplyAsync(() -> decodeQuietly(sameBytes));
        assertArrayEquals(fresh, a.get(), "thread one");
        assertArrayEquals(fresh, b.get(), "thread two, another buffer of the same bytes");
    }

    @Test
    void theCacheKeepsAtMostItsCapacity() throws Exception {
        VorbisSetups.clear();
        byte[] ogg = TestBuffers.resource("vorbis-44k-mono.ogg");
        for (int i = 0; i <= VorbisSetups.CAPACITY + 3; i++) {
            byte[] variant = ogg.clone();
            variant[variant.length - 1] ^= (byte) (i + 1); // other bytes, another SHA-256 (the last page's CRC breaks, not its header)
            try (PcmDecoder d = Decoders.open(TestBuffers.of(variant, "v" + i + ".ogg"))) {
                assertNotNull(d.format());
            }
        }
        assertEquals(VorbisSetups.CAPACITY, VorbisSetups.size());
    }

    private static byte[] decodeQuietly(MediaBuffer buffer) {
        try {
            byte[] all = null;
            for (int i = 0; i < 3; i++) all = decodeAll(buffer);
            return all;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
