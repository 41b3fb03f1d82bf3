package dev.bufferdeck.audio.decode.vorbis;

/**
 * The inverse MDCT of one block size and its window slope: stb_vorbis' {@code inverse_mdct}
 * (Sean Barrett, public domain; after "Fast MDCT Implementation using FFT" by Jeff Roberts),
 * ported step for step with indexes in place of its pointers. The tables are read-only once built,
 * so one instance serves every decoder of a stream.
 */
final class VorbisImdct {
    final int n;
    private final float[] a;
    private final float[] b;
    private final float[] c;
    private final int[] bitReverse;
    /** The rising half of this block size's window: n/2 values. */
    final float[] window;

    VorbisImdct(int n) {
        this.n = n;
        int n2 = n >> 1, n4 = n >> 2, n8 = n >> 3;
        a = new float[n2];
        b = new float[n2];
        c = new float[n4];
        for (int k = 0, k2 = 0; k < n4; k++, k2 += 2) {
            a[k2] = (float) Math.cos(4 * k * Math.PI / n);
            a[k2 + 1] = (float) -Math.sin(4 * k * Math.PI / n);
            b[k2] = (float) Math.cos((k2 + 1) * Math.PI / n / 2) * 0.5f;
            b[k2 + 1] = (float) Math.sin((k2 + 1) * Math.PI / n / 2) * 0.5f;
        }
        for (int k = 0, k2 = 0; k < n8; k++, k2 += 2) {
            c[k2] = (float) Math.cos(2 * (k2 + 1) * Math.PI / n);
            c[k2 + 1] = (float) -Math.sin(2 * (k2 + 1) * Math.PI / n);
        }
        int ld = log2(n);
        bitReverse = new int[n8];
        for (int i = 0; i < n8; i++) bitReverse[i] = (Integer.reverse(i) >>> (32 - ld + 3)) << 2;
        window = new float[n2];
        for (int i = 0; i < n2; i++) {
            float s = (float) Math.sin((i + 0.5) / n2 * 0.5 * Math.PI);
            window[i] = (float) Math.sin(0.5 * Math.PI * (s * s));
        }
    }

    private static int log2(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    /** Transforms the n/2 coefficients at the start of {@code buffer} into n samples there; {@code buf2} is n/2 scratch. */
    void inverse(float[] buffer, float[] buf2) {
        int n2 = n >> 1, n4 = n >> 2, n8 = n >> 3;
        float[] A = a;
        float[] u = buffer, v = buf2;

        // step 1: merged with the first rotation
        int d = n2 - 2, aa = 0, e = 0;
        while (e != n2) {
            v[d + 1] = u[e] * A[aa] - u[e + 2] * A[aa + 1];
            v[d] = u[e] * A[aa + 1] + u[e + 2] * A[aa];
            d -= 2;
            aa += 2;
            e += 4;
        }
        e = n2 - 3;
        while (d >= 0) {
            v[d + 1] = -u[e + 2] * A[aa] - -u[e] * A[aa + 1];
            v[d] = -u[e + 2] * A[aa + 1] + -u[e] * A[aa];
            d -= 2;
            aa += 2;
            e -= 4;
        }

        // step 2
        {
            int ai = n2 - 8;
            int e0 = n4, e1 = 0, d0 = n4, d1 = 0;
            while (ai >= 0) {
                float v41_21 = v[e0 + 1] - v[e1 + 1];
                float v40_20 = v[e0] - v[e1];
                u[d0 + 1] = v[e0 + 1] + v[e1 + 1];
                u[d0] = v[e0] + v[e1];
                u[d1 + 1] = v41_21 * A[ai + 4] - v40_20 * A[ai + 5];
                u[d1] = v40_20 * A[ai + 4] + v41_21 * A[ai + 5];

                v41_21 = v[e0 + 3] - v[e1 + 3];
                v40_20 = v[e0 + 2] - v[e1 + 2];
                u[d0 + 3] = v[e0 + 3] + v[e1 + 3];
                u[d0 + 2] = v[e0 + 2] + v[e1 + 2];
                u[d1 + 3] = v41_21 * A[ai] - v40_20 * A[ai + 1];
                u[d1 + 2] = v40_20 * A[ai] + v41_21 * A[ai + 1];

                ai -= 8;
                d0 += 4;
                d1 += 4;
                e0 += 4;
                e1 += 4;
            }
        }

        // step 3
        int ld = log2(n);
        iter0(n >> 4, u, n2 - 1, -(n >> 3), A);
        iter0(n >> 4, u, n2 - 1 - n4, -(n >> 3), A);
        rLoop(n >> 5, u, n2 - 1, -(n >> 4), A, 16);
        rLoop(n >> 5, u, n2 - 1 - n8, -(n >> 4), A, 16);
        rLoop(n >> 5, u, n2 - 1 - n8 * 2, -(n >> 4), A, 16);
        rLoop(n >> 5, u, n2 - 1 - n8 * 3, -(n >> 4), A, 16);
        int l = 2;
        for (; l < (ld - 3) >> 1; ++l) {
            int k0 = n >> (l + 2), k0_2 = k0 >> 1;
            int lim = 1 << (l + 1);
            for (int i = 0; i < lim; ++i) rLoop(n >> (l + 4), u, n2 - 1 - k0 * i, -k0_2, A, 1 << (l + 3));
        }
        for (; l < ld - 6; ++l) {
            int k0 = n >> (l + 2), k1 = 1 << (l + 3), k0_2 = k0 >> 1;
            int rlim = n >> (l + 6);
            int lim = 1 << (l + 1);
            int a0 = 0;
            int iOff = n2 - 1;
            for (int r = rlim; r > 0; --r) {
                sLoop(lim, u, iOff, -k0_2, A, a0, k1, k0);
                a0 += k1 * 4;
                iOff -= 8;
            }
        }
        ld654(n >> 5, u, n2 - 1, A, n);

        // step 4: bit reversal
        {
            int br = 0;
            int d0 = n4 - 4, d1 = n2 - 4;
            int[] rev = bitReverse;
            while (d0 >= 0) {
                int k4 = rev[br];
                v[d1 + 3] = u[k4];
                v[d1 + 2] = u[k4 + 1];
                v[d0 + 3] = u[k4 + 2];
                v[d0 + 2] = u[k4 + 3];
                k4 = rev[br + 1];
                v[d1 + 1] = u[k4];
                v[d1] = u[k4 + 1];
                v[d0 + 1] = u[k4 + 2];
                v[d0] = u[k4 + 3];
                d0 -= 4;
                d1 -= 4;
                br += 2;
            }
        }

        // step 5
        {
            float[] C = c;
            int ci = 0, di = 0, ei = n2 - 4;
            while (di < ei) {
                float a02 = v[di] - v[ei + 2];
                float a11 = v[di + 1] + v[ei + 3];
                float b0 = C[ci + 1] * a02 + C[ci] * a11;
                float b1 = C[ci + 1] * a11 - C[ci] * a02;
                float b2 = v[di] + v[ei + 2];
                float b3 = v[di + 1] - v[ei + 3];
                v[di] = b2 + b0;
                v[di + 1] = b3 + b1;
                v[ei + 2] = b2 - b0;
                v[ei + 3] = b1 - b3;

                a02 = v[di + 2] - v[ei];
                a11 = v[di + 3] + v[ei + 1];
                b0 = C[ci + 3] * a02 + C[ci + 2] * a11;
                b1 = C[ci + 3] * a11 - C[ci + 2] * a02;
                b2 = v[di + 2] + v[ei];
                b3 = v[di + 3] - v[ei + 1];
                v[di + 2] = b2 + b0;
                v[di + 3] = b3 + b1;
                v[ei] = b2 - b0;
                v[ei + 1] = b1 - b3;

                ci += 4;
                di += 4;
                ei -= 4;
            }
        }

        // step 6: the last rotation, unfolded into the whole block
        {
            float[] B = b;
            int bi = n2 - 8, ei = n2 - 8;
            int d0 = 0, d1 = n2 - 4, d2 = n2, d3 = n - 4;
            while (ei >= 0) {
                float p3 = v[ei + 6] * B[bi + 7] - v[ei + 7] * B[bi + 6];
                float p2 = -v[ei + 6] * B[bi + 6] - v[ei + 7] * B[bi + 7];
                u[d0] = p3;
                u[d1 + 3] = -p3;
                u[d2] = p2;
                u[d3 + 3] = p2;

                float p1 = v[ei + 4] * B[bi + 5] - v[ei + 5] * B[bi + 4];
                float p0 = -v[ei + 4] * B[bi + 4] - v[ei + 5] * B[bi + 5];
                u[d0 + 1] = p1;
                u[d1 + 2] = -p1;
                u[d2 + 1] = p0;
                u[d3 + 2] = p0;

                p3 = v[ei + 2] * B[bi + 3] - v[ei + 3] * B[bi + 2];
                p2 = -v[ei + 2] * B[bi + 2] - v[ei + 3] * B[bi + 3];
                u[d0 + 2] = p3;
                u[d1 + 1] = -p3;
                u[d2 + 2] = p2;
                u[d3 + 1] = p2;

                p1 = v[ei] * B[bi + 1] - v[ei + 1] * B[bi];
                p0 = -v[ei] * B[bi] - v[ei + 1] * B[bi + 1];
                u[d0 + 3] = p1;
                u[d1] = -p1;
                u[d2 + 3] = p0;
                u[d3] = p0;

                bi -= 8;
                ei -= 8;
                d0 += 4;
                d2 += 4;
                d1 -= 4;
                d3 -= 4;
            }
        }
    }

    private static void iter0(int n, float[] e, int iOff, int kOff, float[] A) {
        int ee0 = iOff, ee2 = ee0 + kOff, a = 0;
        for (int i = n >> 2; i > 0; --i) {
            float k00_20 = e[ee0] - e[ee2];
            float k01_21 = e[ee0 - 1] - e[ee2 - 1];
            e[ee0] += e[ee2];
            e[ee0 - 1] += e[ee2 - 1];
            e[ee2] = k00_20 * A[a] - k01_21 * A[a + 1];
            e[ee2 - 1] = k01_21 * A[a] + k00_20 * A[a + 1];
            a += 8;

            k00_20 = e[ee0 - 2] - e[ee2 - 2];
            k01_21 = e[ee0 - 3] - e[ee2 - 3];
            e[ee0 - 2] += e[ee2 - 2];
            e[ee0 - 3] += e[ee2 - 3];
            e[ee2 - 2] = k00_20 * A[a] - k01_21 * A[a + 1];
            e[ee2 - 3] = k01_21 * A[a] + k00_20 * A[a + 1];
            a += 8;

            k00_20 = e[ee0 - 4] - e[ee2 - 4];
            k01_21 = e[ee0 - 5] - e[ee2 - 5];
            e[ee0 - 4] += e[ee2 - 4];
            e[ee0 - 5] += e[ee2 - 5];
            e[ee2 - 4] = k00_20 * A[a] - k01_21 * A[a + 1];
            e[ee2 - 5] = k01_21 * A[a] + k00_20 * A[a + 1];
            a += 8;

            k00_20 = e[ee0 - 6] - e[ee2 - 6];
            k01_21 = e[ee0 - 7] - e[ee2 - 7];
            e[ee0 - 6] += e[ee2 - 6];
            e[ee0 - 7] += e[ee2 - 7];
            e[ee2 - 6] = k00_20 * A[a] - k01_21 * A[a + 1];
            e[ee2 - 7] = k01_21 * A[a] + k00_20 * A[a + 1];
            a += 8;
            ee0 -= 8;
            ee2 -= 8;
        }
    }

    private static void rLoop(int lim, float[] e, int d0, int kOff, float[] A, int k1) {
        int e0 = d0, e2 = e0 + kOff, a = 0;
        for (int i = lim >> 2; i > 0; --i) {
            float k00_20 = e[e0] - e[e2];
            float k01_21 = e[e0 - 1] - e[e2 - 1];
            e[e0] += e[e2];
            e[e0 - 1] += e[e2 - 1];
            e[e2] = k00_20 * A[a] - k01_21 * A[a + 1];
            e[e2 - 1] = k01_21 * A[a] + k00_20 * A[a + 1];
            a += k1;

            k00_20 = e[e0 - 2] - e[e2 - 2];
            k01_21 = e[e0 - 3] - e[e2 - 3];
            e[e0 - 2] += e[e2 - 2];
            e[e0 - 3] += e[e2 - 3];
            e[e2 - 2] = k00_20 * A[a] - k01_21 * A[a + 1];
            e[e2 - 3] = k01_21 * A[a] + k00_20 * A[a + 1];
            a += k1;

            k00_20 = e[e0 - 4] - e[e2 - 4];
            k01_21 = e[e0 - 5] - e[e2 - 5];
            e[e0 - 4] += e[e2 - 4];
            e[e0 - 5] += e[e2 - 5];
            e[e2 - 4] = k00_20 * A[a] - k01_21 * A[a + 1];
            e[e2 - 5] = k01_21 * A[a] + k00_20 * A[a + 1];
            a += k1;

            k00_20 = e[e0 - 6] - e[e2 - 6];
            k01_21 = e[e0 - 7] - e[e2 - 7];
            e[e0 - 6] += e[e2 - 6];
            e[e0 - 7] += e[e2 - 7];
            e[e2 - 6] = k00_20 * A[a] - k01_21 * A[a + 1];
            e[e2 - 7] = k01_21 * A[a] + k00_20 * A[a + 1];
            a += k1;
            e0 -= 8;
            e2 -= 8;
        }
    }

    private static void sLoop(int n, float[] e, int iOff, int kOff, float[] A, int aBase, int aOff, int k0) {
        float a0 = A[aBase], a1 = A[aBase + 1];
        float a2 = A[aBase + aOff], a3 = A[aBase + aOff + 1];
        float a4 = A[aBase + aOff * 2], a5 = A[aBase + aOff * 2 + 1];
        float a6 = A[aBase + aOff * 3], a7 = A[aBase + aOff * 3 + 1];
        int ee0 = iOff, ee2 = ee0 + kOff;
        for (int i = n; i > 0; --i) {
            float k00 = e[ee0] - e[ee2];
            float k11 = e[ee0 - 1] - e[ee2 - 1];
            e[ee0] = e[ee0] + e[ee2];
            e[ee0 - 1] = e[ee0 - 1] + e[ee2 - 1];
            e[ee2] = k00 * a0 - k11 * a1;
            e[ee2 - 1] = k11 * a0 + k00 * a1;

            k00 = e[ee0 - 2] - e[ee2 - 2];
            k11 = e[ee0 - 3] - e[ee2 - 3];
            e[ee0 - 2] = e[ee0 - 2] + e[ee2 - 2];
            e[ee0 - 3] = e[ee0 - 3] + e[ee2 - 3];
            e[ee2 - 2] = k00 * a2 - k11 * a3;
            e[ee2 - 3] = k11 * a2 + k00 * a3;

            k00 = e[ee0 - 4] - e[ee2 - 4];
            k11 = e[ee0 - 5] - e[ee2 - 5];
            e[ee0 - 4] = e[ee0 - 4] + e[ee2 - 4];
            e[ee0 - 5] = e[ee0 - 5] + e[ee2 - 5];
            e[ee2 - 4] = k00 * a4 - k11 * a5;
            e[ee2 - 5] = k11 * a4 + k00 * a5;

            k00 = e[ee0 - 6] - e[ee2 - 6];
            k11 = e[ee0 - 7] - e[ee2 - 7];
            e[ee0 - 6] = e[ee0 - 6] + e[ee2 - 6];
            e[ee0 - 7] = e[ee0 - 7] + e[ee2 - 7];
            e[ee2 - 6] = k00 * a6 - k11 * a7;
            e[ee2 - 7] = k11 * a6 + k00 * a7;

            ee0 -= k0;
            ee2 -= k0;
        }
    }

    private static void iter54(float[] e, int z) {
        float k00 = e[z] - e[z - 4];
        float y0 = e[z] + e[z - 4];
        float y2 = e[z - 2] + e[z - 6];
        float k22 = e[z - 2] - e[z - 6];
        e[z] = y0 + y2;
        e[z - 2] = y0 - y2;
        float k33 = e[z - 3] - e[z - 7];
        e[z - 4] = k00 + k33;
        e[z - 6] = k00 - k33;
        float k11 = e[z - 1] - e[z - 5];
        float y1 = e[z - 1] + e[z - 5];
        float y3 = e[z - 3] + e[z - 7];
        e[z - 1] = y1 + y3;
        e[z - 3] = y1 - y3;
        e[z - 5] = k11 - k22;
        e[z - 7] = k11 + k22;
    }

    private static void ld654(int n, float[] e, int iOff, float[] A, int baseN) {
        int aOff = baseN >> 3;
        float a2 = A[aOff];
        int z = iOff;
        int base = z - 16 * n;
        while (z > base) {
            float k00 = e[z] - e[z - 8];
            float k11 = e[z - 1] - e[z - 9];
            float l00 = e[z - 2] - e[z - 10];
            float l11 = e[z - 3] - e[z - 11];
            e[z] = e[z] + e[z - 8];
            e[z - 1] = e[z - 1] + e[z - 9];
            e[z - 2] = e[z - 2] + e[z - 10];
            e[z - 3] = e[z - 3] + e[z - 11];
            e[z - 8] = k00;
            e[z - 9] = k11;
            e[z - 10] = (l00 + l11) * a2;
            e[z - 11] = (l11 - l00) * a2;

            k00 = e[z - 4] - e[z - 12];
            k11 = e[z - 5] - e[z - 13];
            l00 = e[z - 6] - e[z - 14];
            l11 = e[z - 7] - e[z - 15];
            e[z - 4] = e[z - 4] + e[z - 12];
            e[z - 5] = e[z - 5] + e[z - 13];
            e[z - 6] = e[z - 6] + e[z - 14];
            e[z - 7] = e[z - 7] + e[z - 15];
            e[z - 12] = k11;
            e[z - 13] = -k00;
            e[z - 14] = (l11 - l00) * a2;
            e[z - 15] = (l00 + l11) * -a2;

            iter54(e, z);
            iter54(e, z - 8);
            z -= 16;
        }
    }
}
