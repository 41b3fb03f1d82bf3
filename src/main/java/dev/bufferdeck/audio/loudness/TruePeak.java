package dev.bufferdeck.audio.loudness;

import java.util.Arrays;

/**
 * The true peak of one channel as BS.1770-4 Annex 2 describes it: the highest absolute value of the
 * signal upsampled 4× (2× from 96 kHz, none from 192 kHz) by a 49-tap Hann-windowed sinc, the
 * interpolator libebur128 uses.
 * <p>
 * Most of the signal cannot raise the peak found so far, so pieces of {@value #PIECE} samples are
 * first bounded and only those that might are interpolated; the result is the same as interpolating
 * everything. Every value between samples is a sum of taps h<sub>k</sub>·x<sub>k</sub>, so it is at
 * most Σ|h<sub>k</sub>| times the largest |x| under the taps, and also at most |Σh<sub>k</sub>|·|x<sub>a</sub>|
 * + Σ|h<sub>k</sub>|·|k−a| times the largest step between neighbouring samples (x<sub>a</sub> is the sample
 * nearest the value): the second bound is tight for the smooth signals music mostly is.
 */
final class TruePeak {
    private static final int TAPS = 49;
    private static final int PIECE = 256;
    /** Covers the rounding of a computed sum, so a bound that merely equals the peak still interpolates. */
    private static final double ROUNDING_MARGIN = 1 + 1e-9;

    private final int factor;
    private final int history;
    private final double[][] phases;
    /** The taps the interpolated phases use: past these their coefficients are all zero (the 49 taps do not fill the last row). */
    private final int taps;
    private final double gainBound;
    private final double levelBound;
    private final double stepBound;
    private double[] work = new double[0];
    /** One tap's samples for a whole piece, copied so the multiply-add loop reads both arrays at the same index. */
    private final double[] shifted = new double[PIECE];
    private final double[][] sums;
    private final double[] last;
    private double peak;

    TruePeak(double rate) {
        factor = rate < 96_000 ? 4 : rate < 192_000 ? 2 : 1;
        int perPhase = (TAPS + factor - 1) / factor;
        history = perPhase - 1;
        phases = new double[factor][perPhase];
        for (int j = 0; j < TAPS; j++) {
            double m = j - (TAPS - 1) / 2.0;
            double sinc = Math.abs(m) < 1e-9 ? 1 : Math.sin(m * Math.PI / factor) / (m * Math.PI / factor);
            double hann = 0.5 * (1 - Math.cos(2 * Math.PI * j / (TAPS - 1)));
            phases[j % factor][j / factor] = sinc * hann;
        }
        int used = 0;
        for (int ph = 1; ph < factor; ph++) {
            for (int k = 0; k < perPhase; k++) if (phases[ph][k] != 0) used = Math.max(used, k + 1);
        }
        taps = used;
        double gain = 1, level = 1, step = 0;
        for (double[] phase : phases) {
            double sum = 0, absolute = 0, spread = Double.MAX_VALUE;
            for (double h : phase) {
                sum += h;
                absolute += Math.abs(h);
            }
            for (int a = 0; a < perPhase; a++) {
                double s = 0;
                for (int k = 0; k < perPhase; k++) s += Math.abs(phase[k]) * Math.abs(k - a);
                spread = Math.min(spread, s);
            }
            gain = Math.max(gain, absolute);
            level = Math.max(level, Math.abs(sum));
            step = Math.max(step, spread);
        }
        gainBound = gain * ROUNDING_MARGIN;
        levelBound = level * ROUNDING_MARGIN;
        stepBound = step * ROUNDING_MARGIN;
        sums = new double[factor][PIECE];
        last = new double[history];
    }

    /** Takes {@code x[0..n)}, the next samples of this channel. */
    void add(double[] x, int n) {
        if (work.length < history + n) work = new double[history + n];
        System.arraycopy(last, 0, work, 0, history);
        System.arraycopy(x, 0, work, history, n);
        for (int from = 0; from < n; from += PIECE) {
            int to = Math.min(n, from + PIECE);
            double largest = 0, steepest = 0, previous = work[from];
            for (int i = from; i < to + history; i++) {
                double v = work[i], size = Math.abs(v), step = Math.abs(v - previous);
                if (size > largest) largest = size;
                if (step > steepest) steepest = step;
                previous = v;
            }
            if (largest > peak) peak = largest;
            double bound = Math.min(largest * gainBound, largest * levelBound + steepest * stepBound);
            if (factor > 1 && bound > peak) interpolate(from, to);
        }
        keepHistory(x, n);
    }

    /** The highest absolute value seen (1 = full scale). */
    double peak() { return peak; }

    /**
     * The values between the samples of {@code x[from..to)}: phase 0 is the samples themselves (its
     * other taps fall on zeros of the sinc), so only the others are computed, one tap at a time over
     * the piece, loops the JIT turns into vector instructions.
     */
    private void interpolate(int from, int to) {
        int n = to - from;
        for (int ph = 1; ph < factor; ph++) Arrays.fill(sums[ph], 0, n, 0);
        for (int k = 0; k < taps; k++) {
            System.arraycopy(work, from + history - k, shifted, 0, n);
            for (int ph = 1; ph < factor; ph++) {
                double h = phases[ph][k];
                double[] sum = sums[ph];
                for (int i = 0; i < n; i++) sum[i] += h * shifted[i];
            }
        }
        double p = peak;
        for (int ph = 1; ph < factor; ph++) {
            double[] sum = sums[ph];
            for (int i = 0; i < n; i++) {
                double a = Math.abs(sum[i]);
                if (a > p) p = a;
            }
        }
        peak = p;
    }

    private void keepHistory(double[] x, int n) {
        if (n >= history) {
            System.arraycopy(x, n - history, last, 0, history);
        } else {
            System.arraycopy(last, n, last, 0, history - n);
            System.arraycopy(x, 0, last, history - n, n);
        }
    }
}
