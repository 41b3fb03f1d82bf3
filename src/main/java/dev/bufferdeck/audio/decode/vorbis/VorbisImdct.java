package dev.bufferdeck.audio.decode.vorbis;

/**
 * The inverse MDCT of one block size, and its window slope. The usual fast algorithm: the n/2
 * coefficients are rotated into n/4 complex values, transformed by an n/4-point complex FFT
 * (radix 2, decimation in time, the first three levels in one pass; real and imaginary parts in
 * separate arrays), rotated back, and the middle half so found is mirrored into the whole block.
 * The butterfly loops stay scalar: the JIT (C2 of Java 17) vectorises no loop that reads one array
 * at two offsets apart by a variable distance. The tables are read-only once built, so one
 * instance serves every decoder of a stream; the caller gives the scratch.
 */
final class VorbisImdct {
    final int n;
    private final int n2;
    private final int n4;
    private final int n8;
    private final float[] cos;
    private final float[] sin;
    /** {@link #cos} and {@link #sin} in bit-reversed order: where the rotation before the FFT finds its input. */
    private final float[] cosReversed;
    private final float[] sinReversed;
    private final int[] bitReverse;
    /** Per FFT stage of length 2^s: the twiddles e^(2πi·j/2^s) for j below 2^(s-1). */
    private final float[][] twiddleRe;
    private final float[][] twiddleIm;
    /** The rising half of this block size's window: n/2 values; and the falling half, the same reversed. */
    final float[] window;
    final float[] windowFalling;

    VorbisImdct(int n) {
        this.n = n;
        n2 = n >> 1;
        n4 = n >> 2;
        n8 = n >> 3;
        cos = new float[n4];
        sin = new float[n4];
        for (int i = 0; i < n4; i++) {
            double alpha = 2 * Math.PI * (i + 0.125 + n4) / n;
            cos[i] = (float) -Math.cos(alpha);
            sin[i] = (float) -Math.sin(alpha);
        }
        int bits = Integer.numberOfTrailingZeros(n4);
        bitReverse = new int[n4];
        for (int i = 0; i < n4; i++) bitReverse[i] = Integer.reverse(i) >>> (32 - bits);
        cosReversed = new float[n4];
        sinReversed = new float[n4];
        for (int i = 0; i < n4; i++) {
            cosReversed[i] = cos[bitReverse[i]];
            sinReversed[i] = sin[bitReverse[i]];
        }
        twiddleRe = new float[bits + 1][];
        twiddleIm = new float[bits + 1][];
        for (int s = 1; s <= bits; s++) {
            int half = 1 << (s - 1);
            twiddleRe[s] = new float[half];
            twiddleIm[s] = new float[half];
            for (int j = 0; j < half; j++) {
                double angle = Math.PI * j / half;
                twiddleRe[s][j] = (float) Math.cos(angle);
                twiddleIm[s][j] = (float) Math.sin(angle);
            }
        }
        window = new float[n2];
        for (int i = 0; i < n2; i++) {
            float s = (float) Math.sin((i + 0.5) / n2 * 0.5 * Math.PI);
            window[i] = (float) Math.sin(0.5 * Math.PI * (s * s));
        }
        windowFalling = new float[n2];
        for (int i = 0; i < n2; i++) windowFalling[i] = window[n2 - 1 - i];
    }

    /**
     * Transforms the n/2 coefficients at the start of {@code buffer} into the n samples of the
     * block there; {@code re} and {@code im} are scratch of at least n/4 values each.
     */
    void inverse(float[] buffer, float[] re, float[] im) {
        // Each rotation is a loop of its own whose arrays are all read at one index, which the JIT
        // vectorises; the loops that reorder (bit reversal, interleaving, mirroring) stay scalar.
        int[] rev = bitReverse;
        for (int k = 0; k < n4; k++) {
            int j = rev[k];
            re[j] = buffer[n2 - 1 - 2 * k];
            im[j] = buffer[2 * k];
        }
        float[] c = cosReversed, s = sinReversed;
        for (int j = 0; j < n4; j++) {
            float x = re[j], y = im[j];
            re[j] = x * c[j] - y * s[j];
            im[j] = x * s[j] + y * c[j];
        }
        fft(re, im);
        c = cos;
        s = sin;
        for (int k = 0; k < n4; k++) {
            float x = re[k], y = im[k];
            re[k] = y * s[k] - x * c[k];
            im[k] = y * c[k] + x * s[k];
        }
        for (int k = 0; k < n8; k++) {
            int p = n8 - k - 1, q = n8 + k;
            float r0 = re[p], i1 = im[p], r1 = re[q], i0 = im[q];
            // the middle half, and its mirror images: [0, n/4) is [n/4, n/2) reversed and negated, [3n/4, n) is [n/2, 3n/4) reversed
            buffer[n4 + 2 * p] = r0;
            buffer[n4 - 1 - 2 * p] = -r0;
            buffer[n4 + 2 * p + 1] = i0;
            buffer[n4 - 2 - 2 * p] = -i0;
            buffer[n4 + 2 * q] = r1;
            buffer[n + n4 - 1 - 2 * q] = r1;
            buffer[n4 + 2 * q + 1] = i1;
            buffer[n + n4 - 2 - 2 * q] = i1;
        }
    }

    /**
     * In place, unnormalised, e^(+2πi·jk/N), from bit-reversed order to natural order: the first
     * three levels in one pass of 8-point transforms held in locals (short loops of their own cost
     * more than their arithmetic), then a pass per level.
     */
    private void fft(float[] re, float[] im) {
        int size = n4;
        float w0r = twiddleRe[3][0], w0i = twiddleIm[3][0], w1r = twiddleRe[3][1], w1i = twiddleIm[3][1];
        float w2r = twiddleRe[3][2], w2i = twiddleIm[3][2], w3r = twiddleRe[3][3], w3i = twiddleIm[3][3];
        for (int i = 0; i < size; i += 8) {
            // two 4-point transforms, of [i, i + 4) and [i + 4, i + 8)
            float r0 = re[i], i0 = im[i], r1 = re[i + 1], i1 = im[i + 1];
            float r2 = re[i + 2], i2 = im[i + 2], r3 = re[i + 3], i3 = im[i + 3];
            float p0r = r0 + r1, p0i = i0 + i1, p1r = r0 - r1, p1i = i0 - i1;
            float p2r = r2 + r3, p2i = i2 + i3, p3r = r2 - r3, p3i = i2 - i3;
            float a0r = p0r + p2r, a0i = p0i + p2i, a2r = p0r - p2r, a2i = p0i - p2i;
            float a1r = p1r - p3i, a1i = p1i + p3r, a3r = p1r + p3i, a3i = p1i - p3r;
            r0 = re[i + 4];
            i0 = im[i + 4];
            r1 = re[i + 5];
            i1 = im[i + 5];
            r2 = re[i + 6];
            i2 = im[i + 6];
            r3 = re[i + 7];
            i3 = im[i + 7];
            p0r = r0 + r1;
            p0i = i0 + i1;
            p1r = r0 - r1;
            p1i = i0 - i1;
            p2r = r2 + r3;
            p2i = i2 + i3;
            p3r = r2 - r3;
            p3i = i2 - i3;
            float b0r = p0r + p2r, b0i = p0i + p2i, b2r = p0r - p2r, b2i = p0i - p2i;
            float b1r = p1r - p3i, b1i = p1i + p3r, b3r = p1r + p3i, b3i = p1i - p3r;
            // the third level: b_j times the twiddle e^(2πi·j/8) (j = 0 exactly 1, as the table has it)
            float x0r = b0r * w0r - b0i * w0i, x0i = b0r * w0i + b0i * w0r;
            float x1r = b1r * w1r - b1i * w1i, x1i = b1r * w1i + b1i * w1r;
            float x2r = b2r * w2r - b2i * w2i, x2i = b2r * w2i + b2i * w2r;
            float x3r = b3r * w3r - b3i * w3i, x3i = b3r * w3i + b3i * w3r;
            re[i] = a0r + x0r;
            im[i] = a0i + x0i;
            re[i + 4] = a0r - x0r;
            im[i + 4] = a0i - x0i;
            re[i + 1] = a1r + x1r;
            im[i + 1] = a1i + x1i;
            re[i + 5] = a1r - x1r;
            im[i + 5] = a1i - x1i;
            re[i + 2] = a2r + x2r;
            im[i + 2] = a2i + x2i;
            re[i + 6] = a2r - x2r;
            im[i + 6] = a2i - x2i;
            re[i + 3] = a3r + x3r;
            im[i + 3] = a3i + x3i;
            re[i + 7] = a3r - x3r;
            im[i + 7] = a3i - x3i;
        }
        for (int stage = 4, len = 16; len <= size; stage++, len <<= 1) {
            int half = len >> 1;
            float[] wr = twiddleRe[stage], wi = twiddleIm[stage];
            for (int start = 0; start < size; start += len) butterflies(re, im, wr, wi, start, start + half, half);
        }
    }

    private static void butterflies(float[] re, float[] im, float[] wr, float[] wi, int a, int b, int half) {
        for (int j = 0; j < half; j++) {
            float br = re[b + j], bi = im[b + j];
            float xr = br * wr[j] - bi * wi[j];
            float xi = br * wi[j] + bi * wr[j];
            float ar = re[a + j], ai = im[a + j];
            re[b + j] = ar - xr;
            im[b + j] = ai - xi;
            re[a + j] = ar + xr;
            im[a + j] = ai + xi;
        }
    }
}
