package dev.bufferdeck.audio.spectrum;

/**
 * Hann-windowed FFT of the latest mono samples into log-spaced bands. Not thread-safe: one
 * analysis thread owns an instance (it reuses its arrays so a frame costs no allocation).
 *
 * <p>The samples are real, so they are packed two to a complex value and transformed with a complex
 * FFT of half the size, then split into the spectrum of the real signal; the twiddle factors are
 * computed once. About a quarter of the work of a full-size complex FFT.
 */
public final class SpectrumAnalyzer {
    private final int size;
    private final int half;
    private final int bands;
    private final double lowHz;
    private final float[] window;
    private final double windowSum;
    /** The packed samples, then their half-size FFT. */
    private final double[] re;
    private final double[] im;
    /** Squared magnitude of bin k of the real signal's spectrum, k < size / 2. */
    private final double[] power;
    /** cos and sin of 2&pi;k / size, k < size / 2: the split's twiddles, every second one the half-size FFT's. */
    private final double[] cos;
    private final double[] sin;
    /** The band edges and bin ranges for {@link #edgesRate}: computed again only when the rate changes. */
    private double edgesRate = -1;
    private double[] edges;
    private final int[] binFrom;
    private final int[] binTo;

    /** @param size FFT length, a power of two (2048 suits 44.1 kHz) */
    public SpectrumAnalyzer(int size, int bands, double lowHz) {
        if (Integer.bitCount(size) != 1 || size < 16) throw new IllegalArgumentException("size must be a power of two >= 16");
        this.size = size;
        this.half = size / 2;
        this.bands = bands;
        this.lowHz = lowHz;
        this.window = new float[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (size - 1)));
            sum += window[i];
        }
        this.windowSum = sum;
        this.binFrom = new int[bands];
        this.binTo = new int[bands];
        this.re = new double[half];
        this.im = new double[half];
        this.power = new double[half];
        this.cos = new double[half];
        this.sin = new double[half];
        for (int k = 0; k < half; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / size);
            sin[k] = Math.sin(2 * Math.PI * k / size);
        }
    }

    public int size() { return size; }

    /**
     * @param samples mono samples in -1..1, oldest first; the last {@code size} are used (fewer are
     *                zero-padded at the front)
     */
    public Spectrum analyze(float[] samples, int count, double sampleRate) {
        int start = Math.max(0, count - size);
        int pad = size - (count - start);
        double sumSquares = 0;
        float peak = 0;
        for (int i = 0; i < size; i++) {
            float v = i < pad ? 0 : samples[start + i - pad];
            sumSquares += v * v;
            peak = Math.max(peak, Math.abs(v));
            double windowed = v * window[i];
            if ((i & 1) == 0) re[i >> 1] = windowed; else im[i >> 1] = windowed;
        }
        realSpectrum();
        bandsFor(sampleRate);
        float[] levels = new float[bands];
        for (int b = 0; b < bands; b++) {
            // the loudest bin of the band, compared squared: one square root per band instead of one per bin
            double best = 0;
            for (int k = binFrom[b], to = binTo[b]; k < to; k++) best = Math.max(best, power[k]);
            levels[b] = toDb(Math.sqrt(best) * 2 / windowSum);
        }
        int counted = count - start;
        float rms = counted == 0 ? Spectrum.FLOOR_DB : toDb(Math.sqrt(sumSquares / Math.max(1, counted)));
        return new Spectrum(levels, edges, rms, toDb(peak));
    }

    /**
     * {@link #power} of the real signal whose even samples are in {@link #re} and odd ones in
     * {@link #im}: Z = FFT(z) of half the size, then X[k] = E[k] + W^k O[k] with
     * E = (Z[k] + conj Z[half-k]) / 2, O = (Z[k] - conj Z[half-k]) / 2i and W = e^(-2&pi;i/size).
     */
    private void realSpectrum() {
        fft(re, im, cos, sin, 2);
        power[0] = (re[0] + im[0]) * (re[0] + im[0]);
        for (int k = 1; k < half; k++) {
            int j = half - k;
            double zr = re[k], zi = im[k], cr = re[j], ci = -im[j];
            double er = (zr + cr) / 2, ei = (zi + ci) / 2;
            double oRe = (zi - ci) / 2, oIm = -(zr - cr) / 2;
            double xr = er + oRe * cos[k] + oIm * sin[k];
            double xi = ei + oIm * cos[k] - oRe * sin[k];
            power[k] = xr * xr + xi * xi;
        }
    }

    /** Log-spaced band edges from {@code lowHz} to Nyquist, and the FFT bins each band covers. */
    private void bandsFor(double sampleRate) {
        if (sampleRate == edgesRate) return;
        double nyquist = sampleRate / 2;
        double[] e = new double[bands + 1];
        double ratio = Math.pow(nyquist / lowHz, 1.0 / bands);
        for (int b = 0; b <= bands; b++) e[b] = lowHz * Math.pow(ratio, b);
        double binHz = sampleRate / size;
        for (int b = 0; b < bands; b++) {
            int from = (int) Math.floor(e[b] / binHz);
            int to = Math.max(from + 1, (int) Math.ceil(e[b + 1] / binHz));
            binFrom[b] = Math.max(1, from);
            binTo[b] = Math.max(binFrom[b], Math.min(to, size / 2));
        }
        edges = e;
        edgesRate = sampleRate;
    }

    private static float toDb(double amplitude) {
        if (amplitude <= 0) return Spectrum.FLOOR_DB;
        return (float) Math.max(Spectrum.FLOOR_DB, 20 * Math.log10(amplitude));
    }

    /**
     * In-place iterative radix-2 FFT of {@code re.length} points (a power of two); {@code cos[k * stride]}
     * and {@code sin[k * stride]} hold cos and sin of 2&pi;k / n for k &lt; n / 2.
     */
    static void fft(double[] re, double[] im, double[] cos, double[] sin, int stride) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int length = 2; length <= n; length <<= 1) {
            int halfLength = length / 2;
            int step = n / length * stride;
            for (int i = 0; i < n; i += length) {
                for (int k = 0; k < halfLength; k++) {
                    int a = i + k, b = a + halfLength;
                    double wRe = cos[k * step], wIm = -sin[k * step];
                    double tRe = re[b] * wRe - im[b] * wIm;
                    double tIm = re[b] * wIm + im[b] * wRe;
                    re[b] = re[a] - tRe; im[b] = im[a] - tIm;
                    re[a] += tRe; im[a] += tIm;
                }
            }
        }
    }
}
