package dev.bufferdeck.audio.loudness;

/**
 * BS.1770-4's K-weighting for one channel: the high-shelf "pre-filter" then the RLB high-pass, as two
 * biquads in double precision. The coefficients are derived for any sample rate from the analogue
 * prototypes (the constants libebur128 uses), so 48 kHz gives the table in the recommendation.
 */
final class KWeighting {
    private final double sb0, sb1, sb2, sa1, sa2;
    private final double ha1, ha2;
    private double s1, s2, h1, h2;

    KWeighting(double rate) {
        double f0 = 1681.974450955533;
        double gainDb = 3.999843853973347;
        double q = 0.7071752369554196;
        double k = Math.tan(Math.PI * f0 / rate);
        double vh = Math.pow(10, gainDb / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        sb0 = (vh + vb * k / q + k * k) / a0;
        sb1 = 2 * (k * k - vh) / a0;
        sb2 = (vh - vb * k / q + k * k) / a0;
        sa1 = 2 * (k * k - 1) / a0;
        sa2 = (1 - k / q + k * k) / a0;

        f0 = 38.13547087602444;
        q = 0.5003270373238773;
        k = Math.tan(Math.PI * f0 / rate);
        double h0 = 1 + k / q + k * k;
        ha1 = 2 * (k * k - 1) / h0;
        ha2 = (1 - k / q + k * k) / h0;
    }

    /**
     * Filters {@code x[from..to)} and returns the sum of the squares of the output
     * (transposed direct form II; the high-pass numerator is 1, −2, 1, unnormalised as in the recommendation).
     */
    double sumOfSquares(double[] x, int from, int to) {
        double sum = 0;
        double s1 = this.s1, s2 = this.s2, h1 = this.h1, h2 = this.h2;
        for (int i = from; i < to; i++) {
            double in = x[i];
            double shelf = sb0 * in + s1;
            s1 = sb1 * in - sa1 * shelf + s2;
            s2 = sb2 * in - sa2 * shelf;
            double out = shelf + h1;
            h1 = -2 * shelf - ha1 * out + h2;
            h2 = shelf - ha2 * out;
            sum += out * out;
        }
        this.s1 = s1;
        this.s2 = s2;
        this.h1 = h1;
        this.h2 = h2;
        return sum;
    }

    /**
     * {@link #sumOfSquares} of two channels in one loop, the same arithmetic: their recursions are
     * independent, so the processor overlaps them instead of waiting on one channel's previous output.
     * The sums go to {@code sums[0]} and {@code sums[1]}.
     */
    static void sumsOfSquares(KWeighting fa, double[] a, KWeighting fb, double[] b, int from, int to, double[] sums) {
        double sb0 = fa.sb0, sb1 = fa.sb1, sb2 = fa.sb2, sa1 = fa.sa1, sa2 = fa.sa2, ha1 = fa.ha1, ha2 = fa.ha2;
        double sumA = 0, sumB = 0;
        double as1 = fa.s1, as2 = fa.s2, ah1 = fa.h1, ah2 = fa.h2;
        double bs1 = fb.s1, bs2 = fb.s2, bh1 = fb.h1, bh2 = fb.h2;
        for (int i = from; i < to; i++) {
            double ain = a[i], bin = b[i];
            double aShelf = sb0 * ain + as1, bShelf = sb0 * bin + bs1;
            as1 = sb1 * ain - sa1 * aShelf + as2;
            bs1 = sb1 * bin - sa1 * bShelf + bs2;
            as2 = sb2 * ain - sa2 * aShelf;
            bs2 = sb2 * bin - sa2 * bShelf;
            double aOut = aShelf + ah1, bOut = bShelf + bh1;
            ah1 = -2 * aShelf - ha1 * aOut + ah2;
            bh1 = -2 * bShelf - ha1 * bOut + bh2;
            ah2 = aShelf - ha2 * aOut;
            bh2 = bShelf - ha2 * bOut;
            sumA += aOut * aOut;
            sumB += bOut * bOut;
        }
        fa.s1 = as1;
        fa.s2 = as2;
        fa.h1 = ah1;
        fa.h2 = ah2;
        fb.s1 = bs1;
        fb.s2 = bs2;
        fb.h1 = bh1;
        fb.h2 = bh2;
        sums[0] = sumA;
        sums[1] = sumB;
    }
}
