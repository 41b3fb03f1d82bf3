package dev.bufferdeck.audio.shaping;

import java.util.Locale;

/**
 * The ReplayGain on the track playing now: the gain in dB actually applied (pre-amp and peak cap
 * included), which one it is ("track" or "album"), and whether it came from the scanned loudness
 * rather than tags. {@link #NONE} when nothing applies; {@link #SCANNING} while an untagged track's
 * loudness is still being measured.
 */
public record AppliedGain(double gainDb, String kind, boolean scanned) {
    public static final AppliedGain NONE = new AppliedGain(0, "", false);
    public static final AppliedGain SCANNING = new AppliedGain(0, "scanning", true);

    /** "RG −6.2 dB track", "RG +1.0 dB track (scanned)", "RG measuring…", or "" when none applies. */
    public String describe() {
        if (this == SCANNING || kind.equals("scanning")) return "RG measuring loudness…";
        if (kind.isEmpty()) return "";
        String db = String.format(Locale.ROOT, "%+.1f", gainDb).replace('-', '−');
        return "RG " + db + " dB " + kind + (scanned ? " (scanned)" : "");
    }
}
