package dev.bufferdeck.audio.shaping;

/**
 * A peaking-EQ biquad from the RBJ Audio EQ Cookbook, in double precision, direct form I with its own
 * history per channel.
 */
final class Biquad {
    private final double b0, b1, b2, a1, a2;
    private final double[] x1, x2, y1, y2;

    /** Peaking filter at {@code frequency} Hz with {@code gainDb} and quality {@code q}, for {@code rate} Hz. */
    static Biquad peaking(double frequency, double gainDb, double q, double rate, int channels) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = 2 * Math.PI * frequency / rate;
        double alpha = Math.sin(w0) / (2 * q);
        double cos = Math.cos(w0);
        double a0 = 1 + alpha / a;
        return new Biquad((1 + alpha * a) / a0, -2 * cos / a0, (1 - alpha * a) / a0,
                -2 * cos / a0, (1 - alpha / a) / a0, channels);
    }

    private Biquad(double b0, double b1, double b2, double a1, double a2, int channels) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
        x1 = new double[channels];
        x2 = new double[channels];
        y1 = new double[channels];
        y2 = new double[channels];
    }

    /** Filters {@code x[from..to)} of {@code channel} in place. */
    void process(int channel, double[] x, int from, int to) {
        double x1 = this.x1[channel], x2 = this.x2[channel], y1 = this.y1[channel], y2 = this.y2[channel];
        for (int i = from; i < to; i++) {
            double in = x[i];
            double y = step(in, x1, x2, y1, y2);
            x2 = x1;
            x1 = in;
            y2 = y1;
            y1 = y;
            x[i] = y;
        }
        this.x1[channel] = x1;
        this.x2[channel] = x2;
        this.y1[channel] = y1;
        this.y2[channel] = y2;
    }

    /**
     * Filters two channels' blocks {@code [from..to)} in place in one loop: their recursions are
     * independent, so the processor overlaps them instead of waiting on one channel's previous output.
     */
    void process(int ca, double[] a, int cb, double[] b, int from, int to) {
        double ax1 = x1[ca], ax2 = x2[ca], ay1 = y1[ca], ay2 = y2[ca];
        double bx1 = x1[cb], bx2 = x2[cb], by1 = y1[cb], by2 = y2[cb];
        for (int i = from; i < to; i++) {
            double ain = a[i], bin = b[i];
            double ay = step(ain, ax1, ax2, ay1, ay2);
            double by = step(bin, bx1, bx2, by1, by2);
            ax2 = ax1;
            ax1 = ain;
            ay2 = ay1;
            ay1 = ay;
            bx2 = bx1;
            bx1 = bin;
            by2 = by1;
            by1 = by;
            a[i] = ay;
            b[i] = by;
        }
        x1[ca] = ax1;
        x2[ca] = ax2;
        y1[ca] = ay1;
        y2[ca] = ay2;
        x1[cb] = bx1;
        x2[cb] = bx2;
        y1[cb] = by1;
        y2[cb] = by2;
    }

    /**
     * One output sample (direct form I). The feedback terms come last, so the next sample waits on one
     * multiply and one subtraction after y[n−1] rather than on the whole sum.
     */
    private double step(double in, double x1, double x2, double y1, double y2) {
        return (b0 * in + b1 * x1 + b2 * x2 - a2 * y2) - a1 * y1;
    }

    /** |H| at {@code frequency} Hz for sample rate {@code rate}. */
    double magnitude(double frequency, double rate) {
        double w = 2 * Math.PI * frequency / rate;
        double cr = b0 + b1 * Math.cos(w) + b2 * Math.cos(2 * w);
        double ci = -b1 * Math.sin(w) - b2 * Math.sin(2 * w);
        double dr = 1 + a1 * Math.cos(w) + a2 * Math.cos(2 * w);
        double di = -a1 * Math.sin(w) - a2 * Math.sin(2 * w);
        return Math.sqrt((cr * cr + ci * ci) / (dr * dr + di * di));
    }

    /** Takes over another filter's history, so a change of coefficients does not restart from silence. */
    void continueFrom(Biquad other) {
        System.arraycopy(other.x1, 0, x1, 0, x1.length);
        System.arraycopy(other.x2, 0, x2, 0, x2.length);
        System.arraycopy(other.y1, 0, y1, 0, y1.length);
        System.arraycopy(other.y2, 0, y2, 0, y2.length);
    }
}
