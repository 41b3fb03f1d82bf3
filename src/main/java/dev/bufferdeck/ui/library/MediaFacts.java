package dev.bufferdeck.ui.library;

import java.util.Objects;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the now-playing area and the library show about a buffer.
 *
 * @param title       from the tags, else the file or URL name
 * @param formatLine  e.g. {@code MP3 · 44.1 kHz · stereo · 192 kbps VBR · 4:12}; empty when unknown
 * @param durationMillis exact duration, or -1 when it cannot be known
 * @param cover       a read-only view of the cover image bytes (PNG/JPEG), or null
 * @param tags        every tag found, for the detail pane
 * @param unplayable  why the decoders refuse this buffer (known from its headers at load time), or
 *                    null when it may play or is not read yet
 * @param tracks      one line per track of an MP4/M4V/MOV (codec, size, rate, duration), for the detail pane
 */
public record MediaFacts(String title, String artist, String album, String formatLine,
                         long durationMillis, ByteBuffer cover, Map<String, String> tags,
                         String unplayable, List<String> tracks) {
    public MediaFacts(String title, String artist, String album, String formatLine,
                      long durationMillis, ByteBuffer cover, Map<String, String> tags) {
        this(title, artist, album, formatLine, durationMillis, cover, tags, null);
    }

    public MediaFacts(String title, String artist, String album, String formatLine,
                      long durationMillis, ByteBuffer cover, Map<String, String> tags, String unplayable) {
        this(title, artist, album, formatLine, durationMillis, cover, tags, unplayable, List.of());
    }

    public MediaFacts {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
        artist = artist == null ? "" : artist;
        album = album == null ? "" : album;
        formatLine = formatLine == null ? "" : formatLine;
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public static MediaFacts untitled(String name) {
        return new MediaFacts(name, "", "", "", -1, null, Map.of());
    }

    /** The same facts, marked as refused by the decoders for {@code reason}. */
    public MediaFacts refused(String reason) {
        return new MediaFacts(title, artist, album, formatLine, durationMillis, cover, tags, reason, tracks);
    }

    // written out, not generated: see RecordsAtStartTest
    @Override
    public boolean equals(Object o) {
        return o instanceof MediaFacts f && Objects.equals(title, f.title) && artist.equals(f.artist)
                && album.equals(f.album) && formatLine.equals(f.formatLine) && durationMillis == f.durationMillis
                && Objects.equals(cover, f.cover) && tags.equals(f.tags) && Objects.equals(unplayable, f.unplayable)
                && tracks.equals(f.tracks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, artist, album, formatLine, durationMillis, cover, tags, unplayable, tracks);
    }
}
