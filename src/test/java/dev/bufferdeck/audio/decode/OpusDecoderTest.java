package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class OpusDecoderTest {

    /** The references were decoded by ffmpeg with libopus (ffmpeg's own Opus decoder differs by a sample here). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"opus-48k-mono, 14400, 1", "opus-48k-stereo, 9600, 2"})
    void decodesToTheDeclaredLengthAndMatchesFfmpeg(String name, long frames, int channels) throws Exception {
        short[] reference = TestBuffers.s16(TestBuffers.resource(name + ".ffmpeg.s16le"));
        assertEquals(frames * channels, reference.length, "ffmpeg's decode");
        try (PcmDecoder d = Decoders.open(TestBuffers.resourceBuffer(name + ".opus"))) {
            assertEquals(48000, d.format().getSampleRate());
            assertEquals(channels, d.format().getChannels());
            assertEquals(frames, d.totalFrames());
            short[] decoded = TestBuffers.s16(TestBuffers.readAll(d));
            assertEquals(reference.length, decoded.length);
            double[] best = LossyCompare.bestAlignment(reference, 0, decoded, channels, 48);
            assertEquals(0, best[0], name + ": aligned with ffmpeg's decode");
            assertTrue(best[1] >= 50, name + ": SNR against ffmpeg " + best[1] + " dB");
        }
    }

    @Test
    void seeksLandWithinOneMillisecondOfTheTarget() throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer("opus-seek-48k-6s.opus");
        short[] whole;
        long total;
        try (PcmDecoder d = Decoders.open(buffer)) {
            whole = TestBuffers.s16(TestBuffers.readAll(d));
            total = d.totalFrames();
            assertEquals(6 * 48000, total);
            assertEquals(total, whole.length);
        }
        try (PcmDecoder d = Decoders.open(buffer)) {
            for (long target : new long[] {total / 2, 1, 0, total * 3 / 4, 12_345, total - 2000, total - 1, 9600, 9601, 100_000}) {
                d.seekToFrame(target);
                assertEquals(target, d.framePosition());
                short[] got = TestBuffers.s16(TestBuffers.read(d, 2000));
                assertEquals(Math.min(2000, total - target), got.length, "frames after seeking to " + target);
                if (got.length < 500) continue; // too few samples for a meaningful SNR
                double[] best = LossyCompare.bestAlignment(whole, (int) target, got, 1, 48);
                assertEquals(0, best[0], 0, "offset in frames after seeking to " + target);
                // SILK (12 kbps here) converges slowly after a restart: 200 ms of pre-roll gives 20-45 dB
                // against a continuous decode depending on the spot (1 s would give 30+); the alignment is exact.
                assertTrue(best[1] >= 15, "SNR " + best[1] + " dB after seeking to " + target);
            }
            d.seekToFrame(total);
            assertEquals(-1, d.read(new byte[64], 0, 64));
        }
    }

    @Test
    void aSeekReadsOnlyPagesNearItsTarget() throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer("opus-seek-48k-6s.opus");
        try (OpusOggDecoder d = (OpusOggDecoder) Decoders.open(buffer)) {
            long before = d.bytesRead();
            d.seekToFrame(d.totalFrames() * 9 / 10);
            TestBuffers.read(d, 100);
            long read = d.bytesRead() - before;
            assertTrue(read < buffer.size() / 4, "a seek to 90% read " + read + " of " + buffer.size() + " bytes");
        }
    }
}
