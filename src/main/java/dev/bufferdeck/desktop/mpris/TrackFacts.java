package dev.bufferdeck.desktop.mpris;

import dev.bufferdeck.format.tags.CoverArt;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.format.tags.Tags;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.Origin;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** What the desktop shows of a track beyond the window's title: its tags, cover, and where it came from. */
record TrackFacts(long bufferId, String artist, String album, String url, Optional<CoverArt> cover) {

    /** Reads the buffer's tags: off the FX thread, it reads the bytes. */
    static TrackFacts of(MediaBuffer buffer) {
        Tags tags;
        try {
            tags = TagReader.read(buffer);
        } catch (RuntimeException e) {
            tags = Tags.EMPTY;
        }
        return new TrackFacts(buffer.id(), tags.artist(), tags.album(), url(buffer.origin()), tags.cover());
    }

    private static String url(Origin origin) {
        if (origin instanceof Origin.File f) return f.path().toAbsolutePath().toUri().toString();
        if (origin instanceof Origin.Url u) return u.requested().toString();
        return "";
    }

    /** A {@code file:} URI or http(s) URL as the window's sources take it: a path or the URL. */
    static String source(String uri) {
        if (uri.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                return Path.of(URI.create(uri)).toString();
            } catch (RuntimeException e) {
                return uri;
            }
        }
        return uri;
    }
}
