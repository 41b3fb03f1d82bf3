package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Seeks in typical 44.1 kHz stereo files (MPEG-1 VBR with its bigger bit reservoir, FLAC without a
 * seek table written back, Vorbis and Opus at common rates), encoded by ffmpeg into memory at test
 * time. Skipped, saying so, when ffmpeg is not installed (the checked-in fixtures cover the rest).
 */
class EncoderSeekTest {
    private static final String SIGNAL = "aevalsrc=0.3*sin(2*PI*(220+40*sin(t))*t)+0.02*random(0)"
            + "|0.3*sin(2*PI*(330+50*sin(0.7*t))*t)+0.02*random(1):s=%d:d=20";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "mp3 V2, 44100, -c:a libmp3lame -q:a 2 -f mp3, 40",
            "flac, 44100, -c:a flac -f flac, 999",
            "vorbis q5, 44100, -c:a libvorbis -q:a 5 -f ogg, 40",
            "opus 128k, 48000, -c:a libopus -b:a 128k -f ogg, 25",
    })
    void seeksMatchADecodeFromTheStart(String name, int rate, String encoder, double minSnr) throws Exception {
        byte[] bytes = ffmpeg(String.format(java.util.Locale.ROOT, SIGNAL, rate), encoder);
        MediaBuffer buffer = TestBuffers.of(bytes, name);
        boolean lossless = minSnr > 900;
        if (lossless) {
            assertLosslessSeeks(buffer);
            return;
        }
        short[] whole;
        long total;
        try (PcmDecoder d = Decoders.open(buffer)) {
            whole = TestBuffers.s16(TestBuffers.readAll(d));
            total = d.totalFrames();
            assertEquals(total * 2, whole.length);
        }
        try (PcmDecoder d = Decoders.open(buffer)) {
            for (long target : new long[] {total / 2, 3, total / 7, total - 5000, total * 5 / 6, 0, 44_100 * 3 + 17}) {
                d.seekToFrame(target);
                assertEquals(target, d.framePosition());
                short[] got = TestBuffers.s16(TestBuffers.read(d, 4000));
                double[] best = LossyCompare.bestAlignment(whole, (int) target, got, 2, rate / 1000);
                assertEquals(0, best[0], name + ": offset after seeking to " + target);
                assertTrue(best[1] >= minSnr, name + ": SNR " + best[1] + " dB after seeking to " + target);
            }
        }
    }

    /** ffmpeg writes 24-bit FLAC from this source, without the total length (it cannot seek back in a pipe). */
    private static void assertLosslessSeeks(MediaBuffer buffer) throws Exception {
        byte[] whole;
        long total;
        int frameBytes;
        try (PcmDecoder d = Decoders.open(buffer)) {
            whole = TestBuffers.readAll(d);
            total = d.totalFrames();
            frameBytes = d.format().getFrameSize();
            assertEquals(total * frameBytes, whole.length);
            assertEquals(20 * 44_100, total);
        }
        try (PcmDecoder d = Decoders.open(buffer)) {
            for (long target : new long[] {total / 2, 3, total / 7, total - 5000, total * 5 / 6, 0, 44_100 * 3 + 17}) {
                d.seekToFrame(target);
                byte[] got = TestBuffers.read(d, 4000);
                int from = (int) target * frameBytes;
                assertArrayEquals(Arrays.copyOfRange(whole, from, from + got.length), got, "at " + target);
            }
        }
    }

    private static byte[] ffmpeg(String source, String encoder) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i", source));
        cmd.addAll(Arrays.asList(encoder.trim().split(" +")));
        cmd.add("pipe:1");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "ffmpeg is not installed: " + e.getMessage());
            throw e;
        }
        p.getOutputStream().close();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        int status = p.waitFor();
        assumeTrue(status == 0 && out.length > 0, "ffmpeg could not encode with: " + encoder);
        return out;
    }
}
