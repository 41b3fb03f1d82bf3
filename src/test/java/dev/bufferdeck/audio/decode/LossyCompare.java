package dev.bufferdeck.audio.decode;

/** Signal-to-noise comparisons of lossy decodes, with a search for the best alignment. */
final class LossyCompare {
    private LossyCompare() {}

    /** SNR in dB of {@code actual} against {@code reference} over their common length. */
    static double snr(short[] reference, short[] actual) {
        return snr(reference, 0, actual, 0, Math.min(reference.length, actual.length));
    }

    static double snr(short[] reference, int refOff, short[] actual, int actOff, int length) {
        double signal = 0, noise = 0;
        for (int i = 0; i < length; i++) {
            double r = reference[refOff + i];
            double d = r - actual[actOff + i];
            signal += r * r;
            noise += d * d;
        }
        if (noise == 0) return Double.POSITIVE_INFINITY;
        return 10 * Math.log10(signal / noise);
    }

    /**
     * The shift in frames within ±{@code maxShift} at which {@code window} best matches
     * {@code reference} starting at frame {@code at}; returns {shift, snr}.
     */
    static double[] bestAlignment(short[] reference, int at, short[] window, int channels, int maxShift) {
        double bestSnr = Double.NEGATIVE_INFINITY;
        int best = 0;
        for (int shift = -maxShift; shift <= maxShift; shift++) {
            int start = (at + shift) * channels;
            if (start < 0) continue;
            int length = Math.min(window.length, reference.length - start);
            if (length <= 0) continue;
            double s = snr(reference, start, window, 0, length);
            if (s > bestSnr) {
                bestSnr = s;
                best = shift;
            }
        }
        return new double[] {best, bestSnr};
    }
}
