package dev.bufferdeck.bench;

import java.util.Arrays;

/**
 * The loudness meter's work as it was at commit 3d0c0a2, for 16-bit little-endian stereo at 44.1 kHz:
 * per channel, K-weighting in its own loop and the true peak interpolating every piece of 256 samples
 * whose largest sample times Σ|h| exceeds the peak, one tap at a time over shifted reads. Kept so
 * {@link LoudnessBench} can report today's scan against the scan as it was (decode, then meter, on
 * one thread), measured in the same run under the same load. It keeps the sums of squares and the
 * peak, enough to check it did the same work; the gating is left out (it is negligible).
 */
final class LoudnessBaseline {
    private static final int CHUNK_FRAMES = 4096;
    private static final int TAPS = 49;
    private static final int FACTOR = 4;
    private static final int PER_PHASE = (TAPS + FACTOR - 1) / FACTOR;
    private static final int HISTORY = PER_PHASE - 1;
    private static final int PIECE = 256;
    private static final double[][] PHASES = new double[FACTOR][PER_PHASE];
    private static final double BOUND;

    static {
        for (int j = 0; j < TAPS; j++) {
            double m = j - (TAPS - 1) / 2.0;
            double sinc = Math.abs(m) < 1e-9 ? 1 : Math.sin(m * Math.PI / FACTOR) / (m * Math.PI / FACTOR);
            PHASES[j % FACTOR][j / FACTOR] = sinc * 0.5 * (1 - Math.cos(2 * Math.PI * j / (TAPS - 1)));
        }
        double largest = 1;
        for (double[] phase : PHASES) largest = Math.max(largest, Arrays.stream(phase).map(Math::abs).sum());
        BOUND = largest;
    }

    private final double[][] planar = new double[2][CHUNK_FRAMES];
    private final double[][] filterState = new double[2][4];
    private final double[][] last = new double[2][HISTORY];
    private final double[] peak = new double[2];
    private double[] work = new double[0];
    private double[] sums = new double[0];
    private double energy;
    private final double sb0, sb1, sb2, sa1, sa2, ha1, ha2;

    LoudnessBaseline() {
        double rate = 44_100;
        double k = Math.tan(Math.PI * 1681.974450955533 / rate), q = 0.7071752369554196;
        double vh = Math.pow(10, 3.999843853973347 / 20), vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        sb0 = (vh + vb * k / q + k * k) / a0;
        sb1 = 2 * (k * k - vh) / a0;
        sb2 = (vh - vb * k / q + k * k) / a0;
        sa1 = 2 * (k * k - 1) / a0;
        sa2 = (1 - k / q + k * k) / a0;
        k = Math.tan(Math.PI * 38.13547087602444 / rate);
        q = 0.5003270373238773;
        double h0 = 1 + k / q + k * k;
        ha1 = 2 * (k * k - 1) / h0;
        ha2 = (1 - k / q + k * k) / h0;
    }

    void add(byte[] pcm, int off, int len) {
        int frames = len / 4;
        for (int done = 0; done < frames; ) {
            int n = Math.min(CHUNK_FRAMES, frames - done);
            for (int f = 0, at = off + done * 4; f < n; f++) {
                for (int c = 0; c < 2; c++, at += 2) planar[c][f] = (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8)) / 32768.0;
            }
            for (int c = 0; c < 2; c++) truePeak(c, planar[c], n);
            for (int c = 0; c < 2; c++) energy += sumOfSquares(filterState[c], planar[c], n);
            done += n;
        }
    }

    double energy() { return energy; }

    double peak() { return Math.max(peak[0], peak[1]); }

    private double sumOfSquares(double[] state, double[] x, int n) {
        double sum = 0;
        double s1 = state[0], s2 = state[1], h1 = state[2], h2 = state[3];
        for (int i = 0; i < n; i++) {
            double in = x[i];
            double shelf = sb0 * in + s1;
            s1 = sb1 * in - sa1 * shelf + s2;
            s2 = sb2 * in - sa2 * shelf;
            double out = shelf + h1;
            h1 = -2 * shelf - ha1 * out + h2;
            h2 = shelf - ha2 * out;
            sum += out * out;
        }
        state[0] = s1;
        state[1] = s2;
        state[2] = h1;
        state[3] = h2;
        return sum;
    }

    private void truePeak(int c, double[] x, int n) {
        if (work.length < HISTORY + n) {
            work = new double[HISTORY + n];
            sums = new double[n];
        }
        System.arraycopy(last[c], 0, work, 0, HISTORY);
        System.arraycopy(x, 0, work, HISTORY, n);
        for (int from = 0; from < n; from += PIECE) {
            int to = Math.min(n, from + PIECE);
            double pieceMax = 0;
            for (int i = from; i < to + HISTORY; i++) pieceMax = Math.max(pieceMax, Math.abs(work[i]));
            if (pieceMax > peak[c]) peak[c] = pieceMax;
            if (pieceMax * BOUND > peak[c]) interpolate(c, from, to);
        }
        System.arraycopy(work, n, last[c], 0, HISTORY);
    }

    private void interpolate(int c, int from, int to) {
        double p = peak[c];
        for (int ph = 1; ph < FACTOR; ph++) {
            double[] phase = PHASES[ph];
            Arrays.fill(sums, from, to, 0);
            for (int k = 0; k < phase.length; k++) {
                double h = phase[k];
                int shift = HISTORY - k;
                for (int i = from; i < to; i++) sums[i] += h * work[i + shift];
            }
            for (int i = from; i < to; i++) p = Math.max(p, Math.abs(sums[i]));
        }
        peak[c] = p;
    }
}
