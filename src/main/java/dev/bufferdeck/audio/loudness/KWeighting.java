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
}
