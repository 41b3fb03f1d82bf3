package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Playing an Ogg buffer again from the start hands out its first frames, kept by SHA-256, without
 * decoding first; the output stays exactly a continuous decode's, also across the kept frames' end
 * and after seeks.
 */
class FirstFramesCacheTest {

    @ParameterizedTest
    @ValueSource(strings = {"vorbis-seek-22k-6s-ffmpeg.ogg", "opus-seek-48k-6s.opus"})
    void theSecondPlayStartsFromTheKeptFramesAndDecodesTheSameBytes(String name) throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer(name);
        FirstFramesCache.clear();
        byte[] fresh;
        long headerBytes;
        long freshFirstRead;
        try (OggAudioDecoder d = (OggAudioDecoder) Decoders.open(buffer)) {
            headerBytes = d.bytesRead();
            TestBuffers.read(d, 1000);
            freshFirstRead = d.bytesRead() - headerBytes;
            d.seekToFrame(0);
            fresh = TestBuffers.readAll(d);
        }
        assertTrue(freshFirstRead > 0, "a first decode reads audio pages");
        assertEquals(1, FirstFramesCache.size());

        try (OggAudioDecoder d = (OggAudioDecoder) Decoders.open(buffer)) {
            long before = d.bytesRead();
            byte[] first = TestBuffers.read(d, 1000);
            assertEquals(before, d.bytesRead(), "the first frames came from the cache: no audio page read");
            byte[] rest = TestBuffers.readAll(d);
            byte[] again = new byte[first.length + rest.length];
            System.arraycopy(first, 0, again, 0, first.length);
            System.arraycopy(rest, 0, again, first.length, rest.length);
            assertArrayEquals(fresh, again, "kept frames, then the decode on from them");
        }
        int frameBytes;
        byte[] fromSeek;
        try (PcmDecoder d = Decoders.open(buffer)) {
            frameBytes = d.format().getFrameSize();
            d.seekToFrame(1500);
            fromSeek = TestBuffers.read(d, 6000);
        }
        for (int i = 0; i < fromSeek.length; i++) {
            assertEquals(fresh[1500 * frameBytes + i], fromSeek[i], "byte " + i + " after a seek into the kept frames");
        }
    }
}
