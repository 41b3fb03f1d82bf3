package dev.bufferdeck.format.tags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tags read from a buffer. Strings are empty when the file does not say.
 *
 * @param year four digits when the tag had a date, else as written
 * @param track as written, e.g. "3" or "3/12"
 * @param pictures embedded pictures in file order
 * @param formats the tag formats the values came from, e.g. ["ID3v2.4", "ID3v1"]
 * @param freeform other named values in file order, such as MP4's {@code ----:com.apple.iTunes:}
 *                 atoms: "replaygain_track_gain" → "-6.20 dB" (the mean is dropped from the name)
 */
public record Tags(String title, String artist, String album, String year, String track,
                   List<CoverArt> pictures, List<String> formats, Map<String, String> freeform) {
    public static final Tags EMPTY = new Tags("", "", "", "", "", List.of(), List.of());

    public Tags(String title, String artist, String album, String year, String track,
                List<CoverArt> pictures, List<String> formats) {
        this(title, artist, album, year, track, pictures, formats, Map.of());
    }

    public Tags {
        title = nonNull(title);
        artist = nonNull(artist);
        album = nonNull(album);
        year = nonNull(year);
        track = nonNull(track);
        pictures = List.copyOf(pictures);
        formats = List.copyOf(formats);
        freeform = Collections.unmodifiableMap(new LinkedHashMap<>(freeform));
    }

    public boolean hasCover() {
        return !pictures.isEmpty();
    }

    /** The front cover, else the first picture. */
    public Optional<CoverArt> cover() {
        return pictures.stream().filter(p -> p.pictureType() == CoverArt.FRONT_COVER).findFirst()
                .or(() -> pictures.stream().findFirst());
    }

    public boolean isEmpty() {
        return title.isEmpty() && artist.isEmpty() && album.isEmpty() && year.isEmpty() && track.isEmpty()
                && pictures.isEmpty();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
