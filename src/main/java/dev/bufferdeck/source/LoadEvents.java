package dev.bufferdeck.source;

import dev.bufferdeck.repository.MediaBuffer;

/** What a load tells its caller besides progress, on the loading thread. */
@FunctionalInterface
public interface LoadEvents {
    LoadEvents NONE = buffer -> {};

    /** A URL's buffer is listed at its first bytes and can be played while the rest arrives. */
    void started(MediaBuffer buffer);

    /** Something the user should be told about a load still running ("reconnecting (1 of 3)"). */
    default void notice(String message) {}
}
