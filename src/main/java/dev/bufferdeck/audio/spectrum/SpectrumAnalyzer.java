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
    private final double[] re;
    private final double[] im;

    /** @param size FFT length, a power of two (2048 suits 44.1 kHz) */
    public SpectrumAnalyzer(int size, int bands, double lowHz) {
        if (Integer.bitCount(size) != 1 || size < 16) throw new IllegalArgumentException("size must be a power of two >= 16");
        this.size = size;
        this.bands = bands;
        this.lowHz = lowHz;
        this.window = new float[size];
        for (int i = 0; i < size; i++) window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (size - 1)));
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
        double windowSum = 0;
        for (int i = 0; i < size; i++) {
            float v = i < pad ? 0 : samples[start + i - pad];
            sumSquares += v * v;
            peak = Math.max(peak, Math.abs(v));
            re[i] = v * window[i];
            im[i] = 0;
            windowSum += window[i];
        }
        fft(re, im);
        double nyquist = sampleRate / 2;
        double[] edges = new double[bands + 1];
        double ratio = Math.pow(nyquist / lowHz, 1.0 / bands);
        for (int b = 0; b <= bands; b++) edges[b] = lowHz * Math.pow(ratio, b);
        float[] levels = new float[bands];
        double binHz = sampleRate / size;
        for (int b = 0; b < bands; b++) {
            int from = (int) Math.floor(edges[b] / binHz);
            int to = Math.max(from + 1, (int) Math.ceil(edges[b + 1] / binHz));
            double best = 0;
            for (int k = Math.max(1, from); k < Math.min(to, size / 2); k++) {
                double magnitude = Math.hypot(re[k], im[k]) * 2 / windowSum;
                best = Math.max(best, magnitude);
            }
            levels[b] = toDb(best);
        }
        int counted = count - start;
        float rms = counted == 0 ? Spectrum.FLOOR_DB : toDb(Math.sqrt(sumSquares / Math.max(1, counted)));
        return new Spectrum(levels, edges, rms, toDb(peak));
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
