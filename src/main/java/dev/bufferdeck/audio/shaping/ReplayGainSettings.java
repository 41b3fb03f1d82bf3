package dev.bufferdeck.audio.shaping;

/** ReplayGain mode and pre-amp (−15…+15 dB, added to the tagged gain). */
public record ReplayGainSettings(ReplayGainMode mode, double preampDb) {
    public static final double MAX_PREAMP_DB = 15;
    public static final ReplayGainSettings OFF = new ReplayGainSettings(ReplayGainMode.OFF, 0);

    public ReplayGainSettings {
        if (mode == null) throw new IllegalArgumentException("no ReplayGain mode");
        if (!(Math.abs(preampDb) <= MAX_PREAMP_DB)) {
            throw new IllegalArgumentException("ReplayGain pre-amp " + preampDb + " dB is outside ±15 dB");
        }
    }
}
