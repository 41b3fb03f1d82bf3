package dev.bufferdeck.audio.spectrum;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectrumAnalyzerTest {
    private static final double RATE = 44_100;

    private static float[] sine(double hz, double amplitude, int n) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        return s;
    }

    @Test
    void aSinePeaksInTheBandHoldingItsFrequencyAtItsLevel() {
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(4096, 32, 20);
        for (double hz : new double[] {100, 1000, 5000, 15000}) {
            Spectrum s = analyzer.analyze(sine(hz, 0.5, 8192), 8192, RATE);
            int loudest = 0;
            for (int b = 1; b < s.bandsDb().length; b++) if (s.bandsDb()[b] > s.bandsDb()[loudest]) loudest = b;
            assertEquals(s.bandOf(hz), loudest, "loudest band for " + hz + " Hz");
            assertEquals(-6.0, s.bandsDb()[loudest], 1.5, "a 0.5 amplitude sine reads about -6 dBFS");
            assertEquals(-9.0, s.rmsDb(), 0.2, "RMS of a 0.5 sine is 0.354 = -9 dBFS");
            assertEquals(-6.0, s.peakDb(), 0.1);
            int far = loudest > 16 ? 2 : s.bandsDb().length - 2;
            assertTrue(s.bandsDb()[far] < s.bandsDb()[loudest] - 40, "energy stays near " + hz + " Hz");
        }
    }

    @Test
    void silenceAndTooFewSamplesSitAtTheFloor() {
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(2048, 16, 20);
        Spectrum silent = analyzer.analyze(new float[2048], 2048, RATE);
        for (float db : silent.bandsDb()) assertEquals(Spectrum.FLOOR_DB, db);
        assertEquals(Spectrum.FLOOR_DB, silent.rmsDb());
        Spectrum empty = analyzer.analyze(new float[0], 0, RATE);
        assertEquals(Spectrum.FLOOR_DB, empty.peakDb());
    }

    /** The half-size FFT and its split give what a plain DFT of the windowed samples gives, band by band. */
    @Test
    void bandsMatchAPlainDftOfTheWindowedSamples() {
        int size = 512, bands = 24;
        float[] noise = new float[size];
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < size; i++) noise[i] = (float) (random.nextGaussian() * 0.2 + 0.3 * Math.sin(i * 0.3));
        Spectrum s = new SpectrumAnalyzer(size, bands, 40).analyze(noise, size, RATE);

        double[] window = new double[size];
        double windowSum = 0;
        for (int i = 0; i < size; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (size - 1)));
            windowSum += window[i];
        }
        double binHz = RATE / size;
        for (int b = 0; b < bands; b++) {
            int from = (int) Math.floor(s.bandEdgesHz()[b] / binHz);
            int to = Math.max(from + 1, (int) Math.ceil(s.bandEdgesHz()[b + 1] / binHz));
            double best = 0;
            for (int k = Math.max(1, from); k < Math.min(to, size / 2); k++) {
                double re = 0, im = 0;
                for (int n = 0; n < size; n++) {
                    double v = noise[n] * window[n];
                    re += v * Math.cos(2 * Math.PI * k * n / size);
                    im -= v * Math.sin(2 * Math.PI * k * n / size);
                }
                best = Math.max(best, Math.hypot(re, im) * 2 / windowSum);
            }
            double expected = Math.max(Spectrum.FLOOR_DB, 20 * Math.log10(best));
            assertEquals(expected, s.bandsDb()[b], 0.001, "band " + b);
        }
    }
}
