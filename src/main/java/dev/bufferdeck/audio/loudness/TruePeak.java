package dev.bufferdeck.audio.loudness;

import java.util.Arrays;

/**
 * The true peak of one channel as BS.1770-4 Annex 2 describes it: the highest absolute value of the
 * signal upsampled 4× (2× from 96 kHz, none from 192 kHz) by a 49-tap Hann-windowed sinc, the
 * interpolator libebur128 uses. A block whose samples cannot reach the peak found so far (its largest
 * sample times the filter's largest gain) is not interpolated at all, which makes the meter cheap on
 * music once its loud part has been seen (pieces of {@value #PIECE} samples are checked); the result
 * is the same.
 */
final class TruePeak {
    private static final int TAPS = 49;

    private final int factor;
    private final int history;
    private final double[][] phases;
    private final double bound;
    private static final int PIECE = 256;
    private double[] work = new double[0];
    private double[] sums = new double[0];
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
        double largest = 1;
        for (double[] phase : phases) {
            double sum = 0;
            for (double h : phase) sum += Math.abs(h);
            largest = Math.max(largest, sum);
        }
        bound = largest;
        last = new double[history];
    }

    /** Takes {@code x[0..n)}, the next samples of this channel. */
    void add(double[] x, int n) {
        if (work.length < history + n) {
            work = new double[history + n];
            sums = new double[n];
        }
        System.arraycopy(last, 0, work, 0, history);
        System.arraycopy(x, 0, work, history, n);
        for (int from = 0; from < n; from += PIECE) {
            int to = Math.min(n, from + PIECE);
            double pieceMax = 0;
            for (int i = from; i < to + history; i++) pieceMax = Math.max(pieceMax, Math.abs(work[i]));
            if (pieceMax > peak) peak = pieceMax;
            if (factor > 1 && pieceMax * bound > peak) interpolate(from, to);
        }
        keepHistory(x, n);
    }

    /** The highest absolute value seen (1 = full scale). */
    double peak() { return peak; }

    /**
     * The values between the samples of {@code x[from..to)}: phase 0 is the samples themselves (its
     * other taps fall on zeros of the sinc), so only the others are computed, one tap at a time over
     * the piece, a loop the JIT turns into vector instructions.
     */
    private void interpolate(int from, int to) {
        double p = peak;
        for (int ph = 1; ph < factor; ph++) {
            double[] phase = phases[ph];
            Arrays.fill(sums, from, to, 0);
            for (int k = 0; k < phase.length; k++) {
                double h = phase[k];
                int shift = history - k;
                for (int i = from; i < to; i++) sums[i] += h * work[i + shift];
            }
            for (int i = from; i < to; i++) p = Math.max(p, Math.abs(sums[i]));
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
