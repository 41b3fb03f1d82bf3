package dev.bufferdeck.audio.shaping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A 10-band graphic equalizer setting: gains in dB (−12…+12) at the ISO octave centres, and a pre-amp
 * in dB. Flat (all zero) leaves the sound bit-exact.
 */
public record EqualizerSettings(double[] gainsDb, double preampDb) {
    public static final double[] CENTRES_HZ = {31, 62, 125, 250, 500, 1000, 2000, 4000, 8000, 16000};
    public static final double MAX_GAIN_DB = 12;
    public static final EqualizerSettings FLAT = new EqualizerSettings(new double[10], 0);

    private static final Map<String, double[]> PRESETS = Map.of(
            "flat", new double[10],
            "rock", new double[] {5, 4, 3, 1, -1, -1, 1, 3, 4, 5},
            "pop", new double[] {-1, 1, 3, 4, 4, 2, 0, -1, -1, -1},
            "classical", new double[] {0, 0, 0, 0, 0, 0, -2, -3, -3, -5},
            "bass", new double[] {8, 7, 5, 3, 1, 0, 0, 0, 0, 0},
            "treble", new double[] {0, 0, 0, 0, 0, 1, 3, 5, 7, 8},
            "vocal", new double[] {-3, -3, -1, 1, 4, 4, 3, 1, 0, -2},
            "loudness", new double[] {6, 4, 1, 0, -1, 0, 0, 1, 4, 6});

    public EqualizerSettings {
        if (gainsDb.length != CENTRES_HZ.length) {
            throw new IllegalArgumentException("the equalizer has " + CENTRES_HZ.length + " bands, not " + gainsDb.length);
        }
        gainsDb = gainsDb.clone();
        for (double g : gainsDb) {
            if (!(Math.abs(g) <= MAX_GAIN_DB)) throw new IllegalArgumentException("band gain " + g + " dB is outside ±12 dB");
        }
        if (!(Math.abs(preampDb) <= MAX_GAIN_DB)) throw new IllegalArgumentException("pre-amp " + preampDb + " dB is outside ±12 dB");
    }

    @Override
    public double[] gainsDb() { return gainsDb.clone(); }

    public double gainDb(int band) { return gainsDb[band]; }

    public boolean isFlat() {
        return preampDb == 0 && Arrays.stream(gainsDb).allMatch(g -> g == 0);
    }

    public static List<String> presetNames() {
        return List.of("flat", "rock", "pop", "classical", "bass", "treble", "vocal", "loudness");
    }

    /** A built-in preset by name (any case). */
    public static EqualizerSettings preset(String name) {
        double[] gains = PRESETS.get(name.toLowerCase(Locale.ROOT));
        if (gains == null) {
            throw new IllegalArgumentException("no equalizer preset \"" + name + "\"; presets: " + String.join(", ", presetNames()));
        }
        return new EqualizerSettings(gains, 0);
    }

    /** Ten comma-separated gains in dB, e.g. "0,0,3,3,0,0,0,0,-2,-2". */
    public static EqualizerSettings parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != CENTRES_HZ.length) {
            throw new IllegalArgumentException("--eq needs " + CENTRES_HZ.length + " comma-separated gains in dB, got \"" + text + "\"");
        }
        double[] gains = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                gains[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--eq gain \"" + parts[i].strip() + "\" is not a number");
            }
        }
        return new EqualizerSettings(gains, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EqualizerSettings e && Arrays.equals(gainsDb, e.gainsDb) && preampDb == e.preampDb;
    }

    @Override
    public int hashCode() { return Arrays.hashCode(gainsDb) * 31 + Double.hashCode(preampDb); }

    @Override
    public String toString() { return "EQ " + Arrays.toString(gainsDb) + " pre-amp " + preampDb + " dB"; }
}
