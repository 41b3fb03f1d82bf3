package dev.bufferdeck.format.tags;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ReplayGain 2.0 values tagged in a file, NaN where it has none. Gains are in dB relative to the
 * ReplayGain 2.0 reference (−18 LUFS); peaks are sample amplitudes (1 = full scale). Read from
 * {@code REPLAYGAIN_*} of any tag format, or from Opus's {@code R128_*_GAIN} (Q7.8 dB relative to −23
 * LUFS, so 5 dB is added).
 */
public record ReplayGainTags(double trackGainDb, double trackPeak, double albumGainDb, double albumPeak) {
    public static final ReplayGainTags NONE = new ReplayGainTags(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    /** ReplayGain 2.0's reference (−18 LUFS) less EBU R128's (−23 LUFS). */
    static final double R128_TO_REPLAYGAIN_DB = 5;
    private static final Pattern NUMBER = Pattern.compile("^\\s*([+-]?(?:\\d+(?:[.,]\\d*)?|[.,]\\d+))");

    public static ReplayGainTags of(Tags tags) {
        Map<String, String> lower = new HashMap<>();
        tags.freeform().forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        return new ReplayGainTags(
                gain(lower, "replaygain_track_gain", "r128_track_gain"), number(lower.get("replaygain_track_peak")),
                gain(lower, "replaygain_album_gain", "r128_album_gain"), number(lower.get("replaygain_album_peak")));
    }

    public boolean hasTrackGain() { return !Double.isNaN(trackGainDb); }
    public boolean hasAlbumGain() { return !Double.isNaN(albumGainDb); }

    private static double gain(Map<String, String> values, String replayGainKey, String r128Key) {
        double db = number(values.get(replayGainKey));
        if (!Double.isNaN(db)) return db;
        String q78 = values.get(r128Key);
        if (q78 == null) return Double.NaN;
        try {
            return Integer.parseInt(q78.strip()) / 256.0 + R128_TO_REPLAYGAIN_DB;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The leading number of a value such as "-6.20 dB" or "0.988708", NaN when there is none. */
    private static double number(String value) {
        if (value == null) return Double.NaN;
        Matcher m = NUMBER.matcher(value);
        if (!m.find()) return Double.NaN;
        try {
            return Double.parseDouble(m.group(1).replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
