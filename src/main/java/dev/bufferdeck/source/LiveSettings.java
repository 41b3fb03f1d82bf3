package dev.bufferdeck.source;

import java.time.Duration;

/**
 * Live streams (internet radio): how many of the most recent bytes a live buffer keeps, and how a
 * dropped stream is reconnected (the n-th try waits {@code backoff} × 2^(n-1)).
 */
public record LiveSettings(int windowBytes, int reconnectTries, Duration backoff) {
    /** 32 MiB, or {@code -Dbufferdeck.live.window.mib=N}; 3 tries from 1 s. */
    public static final LiveSettings DEFAULTS = new LiveSettings(
            Integer.getInteger("bufferdeck.live.window.mib", 32) * 1024 * 1024, 3, Duration.ofSeconds(1));

    public LiveSettings {
        if (windowBytes < 64 * 1024) throw new IllegalArgumentException("a live window needs at least 64 KiB");
        if (reconnectTries < 0) throw new IllegalArgumentException("reconnectTries must be >= 0");
    }
}
