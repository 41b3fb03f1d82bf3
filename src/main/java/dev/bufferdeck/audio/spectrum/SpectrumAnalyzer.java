package dev.bufferdeck.audio.spectrum;

/**
 * Hann-windowed FFT of the latest mono samples into log-spaced bands. Not thread-safe: one
 * analysis thread owns an instance (it reuses its arrays so a frame costs no allocation).
 */
public final class SpectrumAnalyzer {
    private final int size;
    private final int bands;
    private final double lowHz;
    private final float[] window;
    private final double windowSum;
    private final double[] re;
    private final double[] im;
    /** The band edges and bin ranges for {@link #edgesRate}: computed again only when the rate changes. */
    private double edgesRate = -1;
    private double[] edges;
    private final int[] binFrom;
    private final int[] binTo;

    /** @param size FFT length, a power of two (2048 suits 44.1 kHz) */
    public SpectrumAnalyzer(int size, int bands, double lowHz) {
        if (Integer.bitCount(size) != 1 || size < 16) throw new IllegalArgumentException("size must be a power of two >= 16");
        this.size = size;
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
        this.re = new double[size];
        this.im = new double[size];
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
            re[i] = v * window[i];
            im[i] = 0;
        }
        fft(re, im);
        bandsFor(sampleRate);
        float[] levels = new float[bands];
        for (int b = 0; b < bands; b++) {
            // the loudest bin of the band, compared squared: one square root per band instead of one per bin
            double best = 0;
            for (int k = binFrom[b], to = binTo[b]; k < to; k++) best = Math.max(best, re[k] * re[k] + im[k] * im[k]);
            levels[b] = toDb(Math.sqrt(best) * 2 / windowSum);
        }
        int counted = count - start;
        float rms = counted == 0 ? Spectrum.FLOOR_DB : toDb(Math.sqrt(sumSquares / Math.max(1, counted)));
        return new Spectrum(levels, edges, rms, toDb(peak));
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

    /** In-place iterative radix-2 FFT. */
    static void fft(double[] re, double[] im) {
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
            double angle = -2 * Math.PI / length;
            double wRe = Math.cos(angle), wIm = Math.sin(angle);
            for (int i = 0; i < n; i += length) {
                double curRe = 1, curIm = 0;
                for (int k = 0; k < length / 2; k++) {
                    int a = i + k, b = i + k + length / 2;
                    double tRe = re[b] * curRe - im[b] * curIm;
                    double tIm = re[b] * curIm + im[b] * curRe;
                    re[b] = re[a] - tRe; im[b] = im[a] - tIm;
                    re[a] += tRe; im[a] += tIm;
                    double nextRe = curRe * wRe - curIm * wIm;
                    curIm = curRe * wIm + curIm * wRe;
                    curRe = nextRe;
                }
            }
        }
    }
}
