package dev.bufferdeck.audio.loudness;

import java.util.Locale;

/**
 * What a scan of a whole track found: EBU R128 / ITU-R BS.1770-4 integrated loudness in LUFS
 * ({@link Double#NEGATIVE_INFINITY} when no 400 ms block passes the gates, e.g. silence or a track
 * shorter than one block) and the true peak in dBTP (4× oversampled; −∞ for digital silence).
 */
public record Loudness(double integratedLufs, double truePeakDbtp) {
    /** The ReplayGain 2.0 reference level: a track at −18 LUFS needs no gain. */
    public static final double REPLAY_GAIN_REFERENCE_LUFS = -18;

    /** The gain in dB that brings this track to the ReplayGain 2.0 reference; NaN when the loudness is unknown. */
    public double replayGainDb() {
        return Double.isInfinite(integratedLufs) ? Double.NaN : REPLAY_GAIN_REFERENCE_LUFS - integratedLufs;
    }

    /** The true peak as a linear sample value (1 = full scale). */
    public double truePeakLinear() {
        return Math.pow(10, truePeakDbtp / 20);
    }

    /** "−14.2 LUFS · true peak −0.3 dBTP". */
    public String describe() {
        return lufsText() + " · true peak " + (Double.isInfinite(truePeakDbtp) ? "−∞" : format(truePeakDbtp)) + " dBTP";
    }

    private String lufsText() {
        return Double.isInfinite(integratedLufs) ? "below the gate" : format(integratedLufs) + " LUFS";
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v).replace('-', '−');
    }
}
