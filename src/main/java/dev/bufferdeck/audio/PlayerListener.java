package dev.bufferdeck.audio;

import dev.bufferdeck.repository.MediaBuffer;

/**
 * Player events, delivered in order on the player's event thread (never the audio thread, never
 * the FX thread). Position is not pushed: read {@link Player#positionMillis()} when drawing.
 */
public interface PlayerListener {
    default void stateChanged(PlayerState state, MediaBuffer buffer) {}
    /** A readable one-line message for errors and notices ("No audio device — playing into memory"). */
    default void notice(String message, boolean error) {}
    default void trackStarted(MediaBuffer buffer) {}
    default void trackEnded(MediaBuffer buffer) {}
    /** The stream's title changed as heard (ICY StreamTitle, an Ogg chain link). */
    default void titleChanged(MediaBuffer buffer, String title) {}
    /** Playback waits for bytes of {@code buffer} still arriving (true), or plays on (false). Not an error. */
    default void buffering(MediaBuffer buffer, boolean buffering) {}
}
