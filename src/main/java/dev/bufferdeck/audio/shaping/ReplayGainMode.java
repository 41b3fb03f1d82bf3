package dev.bufferdeck.audio.shaping;

import java.util.Locale;

/** Which tagged gain is applied: none, the track's, the album's, or the album's when the track before shares its album. */
public enum ReplayGainMode {
    OFF, TRACK, ALBUM, AUTO;

    public static ReplayGainMode parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--replaygain must be off, track, album or auto, not \"" + text + "\"");
        }
    }
}
