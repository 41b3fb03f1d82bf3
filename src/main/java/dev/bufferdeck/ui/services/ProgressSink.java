package dev.bufferdeck.ui.services;

/** Told, on the loader thread, how far a load has come. */
@FunctionalInterface
public interface ProgressSink {
    /** @param total the expected size, or -1 when the source did not say */
    void progress(long bytesRead, long total);

    ProgressSink NONE = (read, total) -> {};
}
