package dev.bufferdeck.audio.shaping;

import java.util.ArrayList;
import java.util.List;

/**
 * The biquads of one {@link EqualizerSettings} at one sample rate, and the output gain: the pre-amp
 * less the automatic headroom, which is the peak of the combined response above 0 dB, so boosts do
 * not clip.
 */
final class FilterBank {
    /** Peaking filters one octave wide. */
    static final double Q = Math.sqrt(2);
    private static final double HIGHEST_CENTRE = 0.45;
    private static final int GRID_POINTS = 400;
    private static final int BLOCK = 256;

    private final Biquad[] filters;
    private final double outputGain;
    private final double headroomDb;

    FilterBank(EqualizerSettings settings, double rate, int channels, FilterBank previous) {
        List<Biquad> list = new ArrayList<>();
        for (int band = 0; band < EqualizerSettings.CENTRES_HZ.length; band++) {
            double centre = EqualizerSettings.CENTRES_HZ[band];
            if (settings.gainDb(band) == 0 || centre > HIGHEST_CENTRE * rate) continue;
            list.add(Biquad.peaking(centre, settings.gainDb(band), Q, rate, channels));
        }
        filters = list.toArray(new Biquad[0]);
        if (previous != null && previous.filters.length == filters.length) {
            for (int i = 0; i < filters.length; i++) filters[i].continueFrom(previous.filters[i]);
        }
        double peakDb = settings.preampDb() + peakResponseDb(rate);
        headroomDb = Math.max(0, peakDb);
        outputGain = Math.pow(10, (settings.preampDb() - headroomDb) / 20);
    }

    /**
     * Filters {@code x[c][0..n)} of every channel in place: {@value #BLOCK} frames at a time, band
     * after band over the block (so the block stays in the level-1 cache), two channels at a time.
     */
    void process(double[][] x, int n) {
        int channels = x.length;
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            for (Biquad f : filters) {
                int c = 0;
                for (; c + 1 < channels; c += 2) f.process(c, x[c], c + 1, x[c + 1], from, to);
                if (c < channels) f.process(c, x[c], from, to);
            }
        }
        if (outputGain != 1) {
            for (double[] channel : x) {
                for (int i = 0; i < n; i++) channel[i] *= outputGain;
            }
        }
    }

    /** How far the output is turned down so the highest boost reaches 0 dB. */
    double headroomDb() { return headroomDb; }

    /** The filters' combined response in dB at {@code frequency}, before the output gain. */
    double responseDb(double frequency, double rate) {
        double db = 0;
        for (Biquad f : filters) db += 20 * Math.log10(f.magnitude(frequency, rate));
        return db;
    }

    private double peakResponseDb(double rate) {
        double low = Math.log(10), high = Math.log(0.499 * rate);
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= GRID_POINTS; i++) {
            peak = Math.max(peak, responseDb(Math.exp(low + (high - low) * i / GRID_POINTS), rate));
        }
        for (double centre : EqualizerSettings.CENTRES_HZ) {
            if (centre < 0.499 * rate) peak = Math.max(peak, responseDb(centre, rate));
        }
        return peak;
    }
}
