package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class VorbisDecoderTest {

    /**
     * ffmpeg 5.1.9-0+deb12u1 stops 128 frames short of the last granule position of these oggenc files;
     * we decode the declared length, as libvorbis' vorbisfile does, and match ffmpeg everywhere else.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"vorbis-44k-mono, 17640, 44100, 1", "vorbis-32k-stereo, 9600, 32000, 2"})
    void decodesToTheDeclaredLengthAndMatchesFfmpeg(String name, long frames, int rate, int channels) throws Exception {
        short[] reference = TestBuffers.s16(TestBuffers.resource(name + ".ffmpeg.s16le"));
        try (PcmDecoder d = Decoders.open(TestBuffers.resourceBuffer(name + ".ogg"))) {
            assertEquals(rate, d.format().getSampleRate());
            assertEquals(channels, d.format().getChannels());
            assertEquals(frames, d.totalFrames());
            short[] decoded = TestBuffers.s16(TestBuffers.readAll(d));
            assertEquals(frames * channels, decoded.length);
            assertEquals(frames - 128, reference.length / channels, "ffmpeg's decode");
            double[] best = LossyCompare.bestAlignment(decoded, 0, reference, channels, rate / 1000);
            assertEquals(0, best[0], name + ": ffmpeg's decode aligns with ours");
            assertTrue(best[1] >= 50, name + ": SNR against ffmpeg " + best[1] + " dB");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vorbis-seek-22k-6s.ogg", "vorbis-seek-22k-6s-ffmpeg.ogg"})
    void seeksLandWithinOneMillisecondOfTheTarget(String name) throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer(name);
        short[] whole;
        long total;
        try (PcmDecoder d = Decoders.open(buffer)) {
            whole = TestBuffers.s16(TestBuffers.readAll(d));
            total = d.totalFrames();
            assertEquals(6 * 22050, total);
            assertEquals(total, whole.length);
        }
        try (PcmDecoder d = Decoders.open(buffer)) {
            for (long target : new long[] {total / 2, 1, 0, total * 3 / 4, 12_345, total - 2000, total - 1, 8191, 8193, 40_000}) {
                d.seekToFrame(target);
                assertEquals(target, d.framePosition());
                short[] got = TestBuffers.s16(TestBuffers.read(d, 1500));
                assertEquals(Math.min(1500, total - target), got.length, "frames after seeking to " + target);
                double[] best = LossyCompare.bestAlignment(whole, (int) target, got, 1, 22);
                assertEquals(0, best[0], 0, "offset in frames after seeking to " + target);
                assertTrue(best[1] >= 60, "SNR " + best[1] + " dB after seeking to " + target);
            }
            d.seekToFrame(total);
            assertEquals(-1, d.read(new byte[64], 0, 64));
        }
    }

    @Test
    void aSeekReadsOnlyPagesNearItsTarget() throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer("vorbis-seek-22k-6s-ffmpeg.ogg");
        try (VorbisDecoder d = (VorbisDecoder) Decoders.open(buffer)) {
            long before = d.bytesRead();
            d.seekToFrame(d.totalFrames() * 9 / 10);
            TestBuffers.read(d, 100);
            long read = d.bytesRead() - before;
            assertTrue(read < buffer.size() / 4, "a seek to 90% read " + read + " of " + buffer.size() + " bytes");
        }
    }
}
