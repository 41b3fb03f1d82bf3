package dev.bufferdeck.source;

import java.time.Duration;

/**
 * Told how far a load has got, on the loading thread, once per read (often every 64 KiB). UI code
 * wraps its listener in {@link #atMostEvery} and hops to its own thread itself.
 */
@FunctionalInterface
public interface LoadProgress {
    LoadProgress NONE = (bytesRead, totalBytes) -> {};

    /** @param totalBytes the expected size, or -1 when the source does not say */
    void progress(long bytesRead, long totalBytes);

    /**
     * Passes on the first call, then at most one call per {@code interval}, and always the call that
     * reaches the total. For one load at a time (it keeps the time of the last call passed on).
     */
    static LoadProgress atMostEvery(Duration interval, LoadProgress target) {
        long gap = interval.toNanos();
        return new LoadProgress() {
            private long last;
            private boolean any;

            @Override
            public void progress(long bytesRead, long totalBytes) {
                long now = System.nanoTime();
                boolean done = totalBytes >= 0 && bytesRead >= totalBytes;
                if (!any || done || now - last >= gap) {
                    any = true;
                    last = now;
                    target.progress(bytesRead, totalBytes);
                }
            }
        };
    }
}
