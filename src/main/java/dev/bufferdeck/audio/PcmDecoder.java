package dev.bufferdeck.audio;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * Decoded PCM from one buffer, whatever its codec. Frames are counted at the output format's
 * sample rate; {@link #seekToFrame} lands on the exact frame (PCM, FLAC) or within 1 ms (lossy).
 * Not thread-safe: one audio thread reads it.
 */
public interface PcmDecoder extends AutoCloseable {

    /** Signed little-endian PCM (16 or 24 bit), the source's sample rate and channels. */
    AudioFormat format();

    /** Exact length in frames after gapless trimming, or -1 when it cannot be known. */
    long totalFrames();

    /** Reads whole frames into {@code buf}; returns bytes read, or -1 at the end. */
    int read(byte[] buf, int off, int len) throws IOException;

    /** Moves so that the next {@link #read} starts at {@code frame}, never decoding from the start. */
    void seekToFrame(long frame) throws IOException;

    /** The frame the next read starts at. */
    long framePosition();

    @Override
    void close();
}
