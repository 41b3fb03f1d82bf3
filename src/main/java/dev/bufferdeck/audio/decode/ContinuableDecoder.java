package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;

/**
 * A decoder that {@link ProgressiveDecoder} can move onto a longer prefix of a buffer still loading
 * without restarting its codec: the decoder opened over the longer prefix takes over the codec and
 * position of the one over the shorter. A restarted codec need not give the samples of one that
 * decoded straight on (Opus and AAC carry state from frame to frame beyond any seek's preroll).
 */
interface ContinuableDecoder extends PcmDecoder {

    /** Frames from the start that the bytes here decode to: {@link #totalFrames()} unless the bytes stop short. */
    default long framesPresent() {
        return totalFrames();
    }

    /**
     * Takes over the codec state and position of {@code shorter}, a decoder of the same stream over
     * fewer of its bytes, which must not be read after. False (nothing changed) when it cannot.
     */
    boolean continueFrom(PcmDecoder shorter);
}
