package dev.bufferdeck.audio.decode;

import net.sourceforge.jaad.aac.AACException;
import net.sourceforge.jaad.aac.SampleRate;
import net.sourceforge.jaad.aac.syntax.BitStream;
import net.sourceforge.jaad.aac.syntax.ICSInfo;
import net.sourceforge.jaad.aac.syntax.ICStream;
import net.sourceforge.jaad.aac.tools.TNS;

/**
 * Temporal Noise Shaping (ISO/IEC 14496-3, 4.6.9) for one channel stream of JAAD, whose own
 * {@link TNS#process} is an empty stub. JAAD reads the TNS side information into private fields,
 * so this reads it again itself ({@link #decode}, called at the same place in the bitstream) and
 * filters the spectrum when JAAD asks ({@link #process}). {@link AacCodec} puts one into every
 * channel stream a decoder creates.
 *
 * <p>The filter is the all-pole filter of the standard over each filter's band range, in the
 * order and direction the bitstream gives; the LTP path (JAAD's {@code decode == true}) gets the
 * inverse, all-zero filter, as in ffmpeg's {@code apply_ltp}.
 */
final class AacTemporalNoiseShaping extends TNS {
    private static final int MAX_ORDER = 20;
    private static final int MAX_WINDOWS = 8;
    private static final int MAX_FILTERS = 4;

    private final int[] filters = new int[MAX_WINDOWS];
    private final int[][] length = new int[MAX_WINDOWS][MAX_FILTERS];
    private final int[][] order = new int[MAX_WINDOWS][MAX_FILTERS];
    private final boolean[][] downward = new boolean[MAX_WINDOWS][MAX_FILTERS];
    /** Each filter's LPC coefficients a[1..order] (a[0] = 1 is implied), from its reflection coefficients. */
    private final float[][][] lpc = new float[MAX_WINDOWS][MAX_FILTERS][MAX_ORDER];
    private final float[] reflection = new float[MAX_ORDER];
    private final float[] step = new float[MAX_ORDER];

    @Override
    public void decode(BitStream in, ICSInfo info) {
        boolean shortWindows = info.isEightShortFrame();
        int filterBits = shortWindows ? 1 : 2;
        int lengthBits = shortWindows ? 4 : 6;
        int orderBits = shortWindows ? 3 : 5;
        for (int w = 0; w < info.getWindowCount(); w++) {
            filters[w] = in.readBits(filterBits);
            if (filters[w] == 0) continue;
            int resolution = in.readBit() + 3;
            for (int f = 0; f < filters[w]; f++) {
                length[w][f] = in.readBits(lengthBits);
                int n = in.readBits(orderBits);
                if (n > MAX_ORDER) throw new AACException("TNS filter order out of range: " + n);
                order[w][f] = n;
                if (n == 0) continue;
                downward[w][f] = in.readBool();
                int compress = in.readBit();
                int bits = resolution - compress;
                for (int i = 0; i < n; i++) reflection[i] = coefficient(in.readBits(bits), bits, resolution);
                toLpc(reflection, n, lpc[w][f]);
            }
        }
    }

    /** The dequantised reflection coefficient of a transmitted index (4.6.9.3). */
    private static float coefficient(int index, int bits, int resolution) {
        int value = index >= 1 << (bits - 1) ? index - (1 << bits) : index; // sign-extended
        double iqfac = ((1 << (resolution - 1)) - (value >= 0 ? 0.5 : -0.5)) / (Math.PI / 2);
        return (float) Math.sin(value / iqfac);
    }

    /** Reflection coefficients to the direct-form LPC coefficients a[1..n] (step-up recursion). */
    private void toLpc(float[] k, int n, float[] a) {
        for (int m = 1; m <= n; m++) {
            for (int i = 1; i < m; i++) step[i - 1] = a[i - 1] + k[m - 1] * a[m - i - 1];
            System.arraycopy(step, 0, a, 0, m - 1);
            a[m - 1] = k[m - 1];
        }
    }

    @Override
    public void process(ICStream ics, float[] spec, SampleRate sf, boolean decode) {
        ICSInfo info = ics.getInfo();
        boolean shortWindows = info.isEightShortFrame();
        int maxBand = Math.min(sf.getNominal().getMaximalTNS_SFB(shortWindows), info.getMaxSFB());
        int[] offsets = info.getSWBOffsets();
        int windowLength = spec.length / MAX_WINDOWS;
        for (int w = 0; w < info.getWindowCount(); w++) {
            int bottom = info.getSWBCount();
            for (int f = 0; f < filters[w]; f++) {
                int top = bottom;
                bottom = Math.max(0, top - length[w][f]);
                int n = order[w][f];
                if (n == 0) continue;
                int start = offsets[Math.min(bottom, maxBand)];
                int end = offsets[Math.min(top, maxBand)];
                int size = end - start;
                if (size <= 0) continue;
                int inc = downward[w][f] ? -1 : 1;
                int first = w * windowLength + (downward[w][f] ? end - 1 : start);
                if (decode) allZero(spec, first, size, inc, lpc[w][f], n);
                else allPole(spec, first, size, inc, lpc[w][f], n);
            }
        }
    }

    /** y[i] = x[i] - sum a[j] y[i - j], in place, along the band in the filter's direction. */
    static void allPole(float[] x, int first, int size, int inc, float[] a, int n) {
        for (int m = 0, at = first; m < size; m++, at += inc) {
            float y = x[at];
            for (int j = 1, back = at - inc; j <= Math.min(m, n); j++, back -= inc) y -= a[j - 1] * x[back];
            x[at] = y;
        }
    }

    /** y[i] = x[i] + sum a[j] x[i - j]: the inverse of {@link #allPole}, applied from the far end so x stays unread-over. */
    static void allZero(float[] x, int first, int size, int inc, float[] a, int n) {
        for (int m = size - 1, at = first + m * inc; m >= 0; m--, at -= inc) {
            float y = x[at];
            for (int j = 1, back = at - inc; j <= Math.min(m, n); j++, back -= inc) y += a[j - 1] * x[back];
            x[at] = y;
        }
    }
}
