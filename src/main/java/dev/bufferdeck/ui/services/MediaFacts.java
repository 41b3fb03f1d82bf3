package dev.bufferdeck.ui.services;

import java.util.Map;

/**
 * What the now-playing area and the library show about a buffer.
 *
 * @param title       from the tags, else the file or URL name
 * @param formatLine  e.g. {@code MP3 · 44.1 kHz · stereo · 192 kbps VBR · 4:12}; empty when unknown
 * @param durationMillis exact duration, or -1 when it cannot be known
 * @param cover       the cover image bytes (PNG/JPEG), or null
 * @param tags        every tag found, for the detail pane
 */
public record MediaFacts(String title, String artist, String album, String formatLine,
                         long durationMillis, byte[] cover, Map<String, String> tags) {
    public MediaFacts {
        artist = artist == null ? "" : artist;
        album = album == null ? "" : album;
        formatLine = formatLine == null ? "" : formatLine;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static MediaFacts untitled(String name) {
        return new MediaFacts(name, "", "", "", -1, null, Map.of());
    }
}
