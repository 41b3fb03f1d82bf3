package dev.bufferdeck.audio.loudness;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BS.1770-4's own calibration, the two gates, and the true peak, against values worked out here. */
class LoudnessMeterTest {

    @Test
    void aFullScale1kHzSineInOneChannelReadsMinus3Point01() {
        for (double rate : new double[] {48_000, 44_100}) {
            LoudnessMeter meter = new LoudnessMeter(rate, 2);
            feed(meter, rate, 10, 1.0, 0);
            assertEquals(-3.01, meter.integratedLufs(), 0.1, "at " + rate + " Hz");
        }
    }

    @Test
    void minus20DbfsReadsMinus23Point01() {
        LoudnessMeter meter = new LoudnessMeter(48_000, 2);
        feed(meter, 48_000, 10, Math.pow(10, -20 / 20.0), 0);
        assertEquals(-23.01, meter.integratedLufs(), 0.1);
    }

    @Test
    void sixteenBitBytesReadTheSameAsSamples() {
        AudioFormat cd = new AudioFormat(44_100, 16, 2, true, false);
        int frames = 44_100 * 5;
        byte[] pcm = new byte[frames * 4];
        double a = Math.pow(10, -20 / 20.0);
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(32767 * a * Math.sin(2 * Math.PI * 1000 * i / 44_100.0));
            pcm[i * 4] = (byte) s;
            pcm[i * 4 + 1] = (byte) (s >> 8);
        }
        LoudnessMeter meter = new LoudnessMeter(cd);
        meter.add(pcm, 0, pcm.length);
        assertEquals(-23.01, meter.integratedLufs(), 0.1);
    }

    @Test
    void silenceIsDroppedByTheAbsoluteGate() {
        LoudnessMeter meter = new LoudnessMeter(48_000, 2);
        double a = Math.pow(10, -20 / 20.0);
        feed(meter, 48_000, 6, a, 0);
        feed(meter, 48_000, 6, 0, 6);
        feed(meter, 48_000, 6, a, 12);
        double[] steps = steps(60, -23.01, 60, Double.NEGATIVE_INFINITY, 60, -23.01);
        double expected = gated(steps);
        assertEquals(expected, meter.integratedLufs(), 0.1);
        assertTrue(expected - ungated(steps) > 1.5, "the gate makes a difference here: " + expected + " vs " + ungated(steps));
    }

    @Test
    void aQuietPartMoreThan10LuBelowIsDroppedByTheRelativeGateAndACloserOneIsKept() {
        double loud = Math.pow(10, -20 / 20.0);
        LoudnessMeter far = new LoudnessMeter(48_000, 2);
        feed(far, 48_000, 10, loud, 0);
        feed(far, 48_000, 10, Math.pow(10, -45 / 20.0), 10);  // −48 LUFS: above −70, 25 LU below
        double[] farSteps = steps(100, -23.01, 100, -48.01);
        assertEquals(gated(farSteps), far.integratedLufs(), 0.1);
        assertTrue(gated(farSteps) - ungated(farSteps) > 2.5);

        LoudnessMeter near = new LoudnessMeter(48_000, 2);
        feed(near, 48_000, 10, loud, 0);
        feed(near, 48_000, 10, Math.pow(10, -26 / 20.0), 10); // −29 LUFS: within 10 LU, kept
        assertEquals(ungated(steps(100, -23.01, 100, -29.01)), near.integratedLufs(), 0.1);
    }

    /** The loudness of each 100 ms step, given as (count, LUFS) pairs. */
    private static double[] steps(double... countAndLufs) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (int i = 0; i < countAndLufs.length; i += 2) {
            for (int n = 0; n < countAndLufs[i]; n++) out.add(countAndLufs[i + 1]);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Energies of the 400 ms blocks, one per 100 ms, each the mean of its four steps' energies. */
    private static double[] blocks(double[] stepLufs) {
        double[] blocks = new double[stepLufs.length - 3];
        for (int j = 0; j < blocks.length; j++) {
            for (int k = 0; k < 4; k++) blocks[j] += Math.pow(10, stepLufs[j + k] / 10) / 4;
        }
        return blocks;
    }

    private static double ungated(double[] stepLufs) {
        return 10 * Math.log10(java.util.Arrays.stream(blocks(stepLufs)).average().orElseThrow());
    }

    /** BS.1770-4 section 2.8 worked out directly: −70 LUFS, then 10 LU below the mean of what passed. */
    private static double gated(double[] stepLufs) {
        double[] blocks = blocks(stepLufs);
        double absolute = Math.pow(10, -70 / 10.0);
        double mean = java.util.Arrays.stream(blocks).filter(e -> e > absolute).average().orElseThrow();
        double relative = mean / 10;
        return 10 * Math.log10(java.util.Arrays.stream(blocks).filter(e -> e > absolute && e > relative).average().orElseThrow());
    }

    @Test
    void shorterThanOneBlockOrSilentHasNoLoudness() {
        LoudnessMeter shortOne = new LoudnessMeter(48_000, 1);
        feed(shortOne, 48_000, 0.3, 0.5, 0);
        assertEquals(Double.NEGATIVE_INFINITY, shortOne.integratedLufs());
        LoudnessMeter silent = new LoudnessMeter(48_000, 1);
        feed(silent, 48_000, 2, 0, 0);
        assertEquals(Double.NEGATIVE_INFINITY, silent.integratedLufs());
        assertEquals(Double.NEGATIVE_INFINITY, silent.truePeakDbtp());
    }

    @Test
    void theTruePeakFindsTheCrestBetweenSamples() {
        // A quarter-rate sine at 45°: every sample is at ±0.707 of the crest, the crests fall between samples.
        double rate = 44_100, amplitude = 0.5;
        int frames = 44_100;
        double[][] x = new double[1][frames];
        for (int i = 0; i < frames; i++) x[0][i] = amplitude * Math.sin(Math.PI / 2 * i + Math.PI / 4);
        LoudnessMeter meter = new LoudnessMeter(rate, 1);
        meter.add(x, frames);
        double samplePeakDb = 20 * Math.log10(amplitude * Math.sqrt(0.5));
        assertEquals(20 * Math.log10(amplitude), meter.truePeakDbtp(), 0.2);
        assertTrue(meter.truePeakDbtp() > samplePeakDb + 2.5, "true peak " + meter.truePeakDbtp() + " vs sample peak " + samplePeakDb);
    }

    /** {@code seconds} of a 1 kHz sine of {@code amplitude} in the left channel only, starting at {@code startSeconds}. */
    private static void feed(LoudnessMeter meter, double rate, double seconds, double amplitude, double startSeconds) {
        int frames = (int) Math.round(seconds * rate);
        long first = Math.round(startSeconds * rate);
        double[][] x = new double[2][frames];
        for (int i = 0; i < frames; i++) x[0][i] = amplitude * Math.sin(2 * Math.PI * 1000 * (first + i) / rate);
        meter.add(meter.channels() == 1 ? new double[][] {x[0]} : x, frames);
    }
}
