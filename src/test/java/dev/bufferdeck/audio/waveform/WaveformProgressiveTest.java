package dev.bufferdeck.audio.waveform;

import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WaveformProgressiveTest {
    private static final int COLUMNS = 2000;

    @Test
    void aCoarsePictureComesEarlyAndLiesWithinTheFullEnvelope() throws Exception {
        MediaBuffer buffer = WaveformBuilderTest.rampWav(3_000_017);
        // the full decoding may not report any progress until the first picture is out: a builder that
        // waited for the full decoding before its first picture would stall here and fail on the timeout
        CountDownLatch firstPictureOut = new CountDownLatch(1);
        AtomicBoolean decodingHeldUp = new AtomicBoolean();
        AtomicReference<Double> progress = new AtomicReference<>(0.0);
        List<Double> progressAtPicture = new ArrayList<>();
        List<Waveform> pictures = new ArrayList<>();
        Waveform full = WaveformBuilder.buildProgressively(buffer, COLUMNS, 2, w -> {
            pictures.add(w);
            progressAtPicture.add(progress.get());
            firstPictureOut.countDown();
        }, p -> {
            try {
                if (!decodingHeldUp.get() && !firstPictureOut.await(10, TimeUnit.SECONDS)) decodingHeldUp.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            progress.accumulateAndGet(p, Math::max);
        }, () -> false);

        assertFalse(decodingHeldUp.get(), "the first picture waited for the full decoding");
        assertTrue(!pictures.isEmpty(), "no picture before the full waveform");
        Waveform first = pictures.get(0);
        assertEquals(WaveformBuilder.FIRST_PICTURE_COLUMNS, first.columns());
        assertEquals(0.0, progressAtPicture.get(0), "the first picture came after some of the full decoding");
        assertWithinEnvelope(first, full);
        assertTrue(first.max()[first.columns() - 1] > 0.9f, "the coarse picture shows the ramp's end");
    }

    @Test
    void theRefinedWaveformIsTheOneBuiltInOnePass() throws Exception {
        MediaBuffer buffer = WaveformBuilderTest.rampWav(1_000_003);
        Waveform single = WaveformBuilder.build(buffer, 777, 1, p -> { }, () -> false);
        Waveform progressive = WaveformBuilder.buildProgressively(buffer, 777, 2, w -> { }, p -> { }, () -> false);
        assertArrayEquals(single.min(), progressive.min());
        assertArrayEquals(single.max(), progressive.max());
        assertEquals(single.totalFrames(), progressive.totalFrames());
    }

    @Test
    void mp3CoarsePictureLiesWithinTheFullEnvelopeAndTheRefinedOneMatchesOnePass() throws Exception {
        // 60 s of 440 Hz whose loudness rises linearly, 192 kb/s MP3 from ffmpeg (libmp3lame)
        MediaBuffer mp3 = ffmpegMp3("aevalsrc=0.9*sin(2*PI*440*t)*t/60:s=44100:d=60");
        List<Waveform> pictures = new ArrayList<>();
        Waveform progressive = WaveformBuilder.buildProgressively(mp3, COLUMNS, 2, pictures::add, p -> { }, () -> false);
        Waveform single = WaveformBuilder.build(mp3, COLUMNS, 1, p -> { }, () -> false);
        assertWithinEnvelope(pictures.get(0), single);
        assertEquals(single.totalFrames(), progressive.totalFrames());
        // the second part starts at an exact seek; the decoder primes the bit reservoir, so the samples
        // match the one-pass decoding bit for bit
        assertArrayEquals(single.min(), progressive.min());
        assertArrayEquals(single.max(), progressive.max());
    }

    /** Every coarse column's peaks lie within the full columns that cover the same frames. */
    private static void assertWithinEnvelope(Waveform coarse, Waveform full) {
        long total = full.totalFrames();
        int k = coarse.columns();
        for (int j = 0; j < k; j++) {
            int from = (int) (total * j / k * full.columns() / total);
            int to = (int) ((total * (j + 1) / k - 1) * full.columns() / total);
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            for (int c = from; c <= to; c++) {
                lo = Math.min(lo, full.min()[c]);
                hi = Math.max(hi, full.max()[c]);
            }
            assertTrue(coarse.max()[j] <= hi && coarse.min()[j] >= lo,
                    "coarse column " + j + " [" + coarse.min()[j] + ", " + coarse.max()[j] + "] outside [" + lo + ", " + hi + "]");
            assertTrue(coarse.max()[j] >= coarse.min()[j], "coarse column " + j + " is empty");
        }
    }

    private static MediaBuffer ffmpegMp3(String source) throws Exception {
        List<String> cmd = List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i", source, "-ac", "2",
                "-c:a", "libmp3lame", "-b:a", "192k", "-f", "mp3", "pipe:1");
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
        assumeTrue(p.waitFor() == 0 && out.length > 0, "ffmpeg could not encode MP3");
        return new MediaRepository(new FormatSniffer()).add(out, "rise.mp3", new Origin.BuiltIn("test"), "").buffer();
    }
}
