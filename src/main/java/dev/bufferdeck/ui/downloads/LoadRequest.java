package dev.bufferdeck.ui.downloads;

import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.UrlRedaction;
import java.time.Duration;
import java.util.function.Supplier;

/** One thing to bring into the repository: a path or URL, or bytes handed over by another program. */
public sealed interface LoadRequest {
    String label();

    record Source(String pathOrUrl) implements LoadRequest {
        @Override public String label() { return UrlRedaction.redact(pathOrUrl); }
    }

    /** Bytes BufferDeck makes itself, such as the demo clip. */
    record BuiltIn(String name, String resource, Supplier<byte[]> bytes) implements LoadRequest {
        @Override public String label() { return name; }
    }

    /** The next stretch of a live stream, kept as a buffer of its own ("Record"). */
    record Recording(MediaBuffer live, Duration duration) implements LoadRequest {
        @Override public String label() { return "Recording " + live.name() + " (" + duration.toMinutes() + " min)"; }
    }

    record Bytes(byte[] bytes, String mimeType, String name) implements LoadRequest {
        @Override public String label() { return name + " (" + mimeType + ")"; }
    }
}
