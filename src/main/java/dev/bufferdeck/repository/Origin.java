package dev.bufferdeck.repository;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where a buffer's bytes came from. */
public sealed interface Origin {

    /** One line for tables: a path, a final URL, or a description of the drop. */
    String describe();

    /**
     * Where the bytes can be loaded again: the absolute path, or the URL as it was asked for
     * (before redirects, which may lead to a link that expires); null when nothing outside
     * BufferDeck holds them (a drop, a built-in resource).
     */
    default String requestedLocation() {
        if (this instanceof File f) return f.path().toAbsolutePath().toString();
        if (this instanceof Url u) return u.requested().toString();
        return null;
    }

    /** Where the bytes are now, to copy: the absolute path, or the URL the redirects ended at; else {@link #describe()}. */
    default String finalLocation() {
        if (this instanceof Url u) return u.finalUri().toString();
        if (this instanceof File f) return f.path().toAbsolutePath().toString();
        return describe();
    }

    record File(Path path) implements Origin {
        @Override public String describe() { return path.toString(); }
    }

    /** A URL load: what was asked for, where the redirects ended, and what the server said. */
    record Url(URI requested, URI finalUri, int status, Map<String, List<String>> headers) implements Origin {
        public Url {
            headers = Map.copyOf(headers);
        }
        @Override public String describe() { return finalUri.toString(); }
    }

    /** Bytes another program handed over by drag-and-drop or the clipboard. */
    record Dropped(String mimeType, String description) implements Origin {
        @Override public String describe() { return "dropped data (" + mimeType + ")"; }
    }

    /** A resource shipped inside BufferDeck, such as the demo clip. */
    record BuiltIn(String resource) implements Origin {
        @Override public String describe() { return "built-in: " + resource; }
    }
}
