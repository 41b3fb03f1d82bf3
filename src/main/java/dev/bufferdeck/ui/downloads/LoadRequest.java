package dev.bufferdeck.ui.downloads;

/** One thing to bring into the repository: a path or URL, or bytes handed over by another program. */
public sealed interface LoadRequest {
    String label();

    record Source(String pathOrUrl) implements LoadRequest {
        @Override public String label() { return dev.bufferdeck.repository.UrlRedaction.redact(pathOrUrl); }
    }

    /** Bytes BufferDeck makes itself, such as the demo clip. */
    record BuiltIn(String name, String resource, java.util.function.Supplier<byte[]> bytes) implements LoadRequest {
        @Override public String label() { return name; }
    }

    record Bytes(byte[] bytes, String mimeType, String name) implements LoadRequest {
        @Override public String label() { return name + " (" + mimeType + ")"; }
    }
}
