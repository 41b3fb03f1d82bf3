package dev.bufferdeck.audio.loudness;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces {@link TruePeak} leaves out cannot change its answer: it equals interpolating every sample. */
class TruePeakTest {
    private static final int TAPS = 49;
    private static final int FACTOR = 4;

    @Test
    void skippingPiecesGivesExactlyThePeakOfInterpolatingEverything() {
        Random random = new Random(3);
        double quarter = Math.PI / 2;
        IntToDoubleFunction[] signals = {
            // a quarter-rate sine sampled 45° off its crests, louder after a quieter start: its peak lies between samples
            i -> (i < 30_000 ? 0.3 : 0.6) * Math.sin(quarter * i + Math.PI / 4),
            // a loud start, then a long quieter tail with one late inter-sample crest a little higher
            i -> i == 70_000 || i == 70_001 ? 0.72 : (i < 5_000 ? 0.7 : 0.2) * Math.sin(2 * Math.PI * 440 * i / 44_100.0),
            // noise whose level rises and falls
            i -> (0.2 + 0.7 * Math.abs(Math.sin(i / 9_000.0))) * (random.nextDouble() - 0.5),
            // music-like: a low tone with a slow envelope and a little noise
            i -> 0.3 * Math.sin(2 * Math.PI * 440 * i / 44_100.0) * (1 + 0.5 * Math.sin(2 * Math.PI * i / 132_300.0)) + 0.05 * (random.nextDouble() - 0.5),
        };
        for (int s = 0; s < signals.length; s++) {
            double[] x = new double[100_000];
            for (int i = 0; i < x.length; i++) x[i] = signals[s].applyAsDouble(i);
            TruePeak meter = new TruePeak(44_100);
            for (int from = 0; from < x.length; ) {
                int n = Math.min(x.length - from, 1 + random.nextInt(5_000));
                double[] chunk = new double[n];
                System.arraycopy(x, from, chunk, 0, n);
                meter.add(chunk, n);
                from += n;
            }
            double everything = interpolatedPeak(x);
            assertEquals(everything, meter.peak(), 0, "signal " + s);
            if (s == 0) assertTrue(everything > 0.59, "the first signal's peak lies between samples: " + everything);
        }
    }

    /** The largest |value| of {@code x} upsampled 4× by BS.1770-4's 49-tap Hann-windowed sinc, every sample interpolated. */
    private static double interpolatedPeak(double[] x) {
        double[][] phases = new double[FACTOR][(TAPS + FACTOR - 1) / FACTOR];
        for (int j = 0; j < TAPS; j++) {
            double m = j - (TAPS - 1) / 2.0;
            double sinc = m == 0 ? 1 : Math.sin(m * Math.PI / FACTOR) / (m * Math.PI / FACTOR);
            phases[j % FACTOR][j / FACTOR] = sinc * 0.5 * (1 - Math.cos(2 * Math.PI * j / (TAPS - 1)));
        }
        double peak = 0;
        for (int i = 0; i < x.length; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
            for (int p = 1; p < FACTOR; p++) {
                double sum = 0;
                for (int k = 0; k < phases[p].length; k++) sum += phases[p][k] * (i - k >= 0 ? x[i - k] : 0);
                peak = Math.max(peak, Math.abs(sum));
            }
        }
        return peak;
    }
}
