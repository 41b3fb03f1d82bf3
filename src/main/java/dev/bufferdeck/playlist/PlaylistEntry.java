package dev.bufferdeck.playlist;

import java.util.Objects;

/**
 * One line of a playlist: the repository buffer it plays, and what is needed to save it and to
 * show it before (or without) the buffer: the origin (a path or URL), a title and a duration.
 *
 * @param bufferId       id of the {@code MediaBuffer} in the repository, or {@link #NOT_LOADED}
 *                       for an entry read from a playlist file whose source is not loaded yet
 * @param origin         absolute path or URL the bytes come from; what a playlist file stores
 * @param title          display title; empty when unknown
 * @param durationMillis length in milliseconds, or {@link #UNKNOWN_DURATION}
 */
public record PlaylistEntry(long bufferId, String origin, String title, long durationMillis) {
    public static final long NOT_LOADED = -1;
    public static final long UNKNOWN_DURATION = -1;

    public PlaylistEntry {
        Objects.requireNonNull(origin, "origin");
        title = title == null ? "" : title;
        if (durationMillis < 0) durationMillis = UNKNOWN_DURATION;
        if (bufferId < 0) bufferId = NOT_LOADED;
    }

    /** An entry as read from a playlist file: not yet tied to a buffer. */
    public static PlaylistEntry unloaded(String origin, String title, long durationMillis) {
        return new PlaylistEntry(NOT_LOADED, origin, title, durationMillis);
    }

    /** A location alone: no title or length known yet. */
    public static PlaylistEntry at(String origin) {
        return unloaded(origin, "", UNKNOWN_DURATION);
    }

    public boolean isLoaded() {
        return bufferId != NOT_LOADED;
    }

    public PlaylistEntry withBuffer(long id) {
        return new PlaylistEntry(id, origin, title, durationMillis);
    }

    public PlaylistEntry withTitle(String newTitle) {
        return new PlaylistEntry(bufferId, origin, newTitle, durationMillis);
    }

    public PlaylistEntry withDuration(long millis) {
        return new PlaylistEntry(bufferId, origin, title, millis);
    }

    /** The title, or the last part of the origin when there is no title. */
    public String displayTitle() {
        if (!title.isBlank()) return title;
        String o = origin;
        while (o.endsWith("/") || o.endsWith("\\")) o = o.substring(0, o.length() - 1);
        int cut = Math.max(o.lastIndexOf('/'), o.lastIndexOf('\\'));
        return cut >= 0 && cut < o.length() - 1 ? o.substring(cut + 1) : origin;
    }
}
