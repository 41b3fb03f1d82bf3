package dev.bufferdeck.audio;

import dev.bufferdeck.repository.MediaBuffer;

import java.util.concurrent.atomic.AtomicBoolean;

/** A buffer with its open decoder and how many more times to repeat it (-1 forever). */
public final class Track implements AutoCloseable {
    private final MediaBuffer buffer;
    private final PcmDecoder decoder;
    private final int loops;
    private final long totalFrames;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final MediaBuffer.Use use;
    private volatile MediaBuffer following;

    public Track(MediaBuffer buffer, PcmDecoder decoder, int loops) {
        this(buffer, decoder, loops, null);
    }

    /** A track that keeps {@code use} (its buffer's claim to stay in memory) until it is closed. */
    public Track(MediaBuffer buffer, PcmDecoder decoder, int loops, MediaBuffer.Use use) {
        this.use = use;
        this.buffer = buffer;
        this.decoder = decoder;
        this.loops = loops;
        this.totalFrames = decoder.totalFrames();
    }

    public MediaBuffer buffer() { return buffer; }
    public PcmDecoder decoder() { return decoder; }
    public int loops() { return loops; }
    /** The decoder's exact length in frames, or -1 when unknown; safe to read from any thread. */
    public long totalFrames() { return totalFrames; }

    /** The buffer the player will play right after this track, or null while none is known. */
    public MediaBuffer following() { return following; }

    /** Set by the player (any thread) once it knows what follows this track. */
    public void follows(MediaBuffer next) { following = next; }

    /** Closes the decoder once, however often it is called. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            decoder.close();
            if (use != null) use.close();
        }
    }

    @Override
    public String toString() {
        return buffer == null ? "track" : buffer.name();
    }
}
