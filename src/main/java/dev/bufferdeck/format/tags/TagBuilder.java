package dev.bufferdeck.format.tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects tag values; the first non-blank value for a field wins, so readers go in order of preference. */
final class TagBuilder {
    private String title = "";
    private String artist = "";
    private String albumArtist = "";
    private String album = "";
    private String year = "";
    private String track = "";
    private String trackTotal = "";
    private final List<CoverArt> pictures = new ArrayList<>();
    private final List<String> formats = new ArrayList<>();
    private final Map<String, String> freeform = new LinkedHashMap<>();

    void title(String v) { if (title.isEmpty()) title = clean(v); }
    void artist(String v) { if (artist.isEmpty()) artist = clean(v); }
    void albumArtist(String v) { if (albumArtist.isEmpty()) albumArtist = clean(v); }
    void album(String v) { if (album.isEmpty()) album = clean(v); }
    void track(String v) { if (track.isEmpty()) track = clean(v); }
    void trackTotal(String v) { if (trackTotal.isEmpty()) trackTotal = clean(v); }

    /** A date like "2019", "2019-05-01" or "2019-05-01T12:00" keeps its year. */
    void year(String v) {
        if (!year.isEmpty()) return;
        String s = clean(v);
        year = s.length() >= 4 && s.substring(0, 4).chars().allMatch(Character::isDigit) ? s.substring(0, 4) : s;
    }

    void freeform(String name, String value) {
        String v = clean(value);
        if (!name.isBlank() && !v.isEmpty()) freeform.putIfAbsent(name.strip(), v);
    }

    /** ReplayGain and R128 values of any tag format, kept in the freeform map under lower-case names. */
    void loudnessField(String name, String value) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith("replaygain_") || key.startsWith("r128_")) freeform(key, value);
    }

    void picture(CoverArt picture) { pictures.add(picture); }

    void format(String name) { if (!formats.contains(name)) formats.add(name); }

    boolean hasFormat(String prefix) {
        return formats.stream().anyMatch(f -> f.startsWith(prefix));
    }

    Tags build() {
        String t = track;
        if (!t.isEmpty() && !t.contains("/") && !trackTotal.isEmpty()) t = t + "/" + trackTotal;
        return new Tags(title, artist.isEmpty() ? albumArtist : artist, album, year, t, pictures, formats, freeform);
    }

    /** Trims, and drops what follows a NUL (padding, or further values of a multi-value field). */
    private static String clean(String v) {
        if (v == null) return "";
        int nul = v.indexOf('\0');
        return (nul >= 0 ? v.substring(0, nul) : v).strip();
    }
}
