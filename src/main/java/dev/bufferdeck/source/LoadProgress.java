package dev.bufferdeck.source;

/**
 * Told how far a load has got, on the loading thread, once per chunk read. UI code throttles and
 * hops to its own thread itself.
 */
@FunctionalInterface
public interface LoadProgress {
    LoadProgress NONE = (bytesRead, totalBytes) -> {};

    /** @param totalBytes the expected size, or -1 when the source does not say */
    void progress(long bytesRead, long totalBytes);
}
