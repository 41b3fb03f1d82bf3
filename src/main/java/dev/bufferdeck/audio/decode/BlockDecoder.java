package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;

import java.io.IOException;

/**
 * The read loop shared by decoders whose codec hands out whole blocks of samples (an MP3 frame, a
 * FLAC frame): decode the next block, discard what lies before the position (after a seek, or the
 * encoder delay), stop at {@link #totalFrames()} (the padding), and interleave the rest into the
 * caller's bytes. A subclass decodes blocks and writes them out; this class keeps the position.
 */
abstract class BlockDecoder implements PcmDecoder {
    private final int frameBytes;
    /** Output frame index of the next frame to hand out. */
    private long position;
    /** Frames of the current block not handed out yet: {@code [pendingStart, pendingEnd)}. */
    private int pendingStart;
    private int pendingEnd;
    private long blockStart;
    private int blockFrames;
    private boolean closed;

    BlockDecoder(int frameBytes) {
        this.frameBytes = frameBytes;
    }

    /**
     * Decodes the next block and reports it with {@link #block}; false at the end of the stream. A
     * block never starts after {@link #framePosition()}: a decoder that finds a gap reports silence for it.
     */
    abstract boolean decodeBlock() throws IOException;

    /** Writes {@code frames} frames of the current block, from its frame {@code from}, at {@code off}. */
    abstract void interleave(int from, int frames, byte[] buf, int off);

    /** Called by {@link #decodeBlock}: the block just decoded holds {@code frames} frames from output frame {@code start}. */
    final void block(long start, int frames) {
        blockStart = start;
        blockFrames = frames;
    }

    @Override
    public final int read(byte[] buf, int off, int len) throws IOException {
        checkOpen();
        int room = len / frameBytes;
        if (room == 0) throw new IllegalArgumentException("room for less than one frame");
        int written = 0;
        long total = totalFrames();
        while (written < room && position < total) {
            if (pendingStart == pendingEnd && !nextBlock()) break;
            int frames = (int) Math.min(Math.min(room - written, pendingEnd - pendingStart), total - position);
            interleave(pendingStart, frames, buf, off + written * frameBytes);
            pendingStart += frames;
            position += frames;
            written += frames;
        }
        return written == 0 ? -1 : written * frameBytes;
    }

    /** Decodes blocks until one holds frames at or after the position; false at the end. */
    private boolean nextBlock() throws IOException {
        while (decodeBlock()) {
            if (blockStart + blockFrames <= position) continue;
            pendingStart = (int) (position - blockStart);
            pendingEnd = blockFrames;
            return true;
        }
        return false;
    }

    @Override public final long framePosition() { return position; }

    /** Sets the position for a seek and drops the block in hand; the subclass restarts its codec. */
    final void moveTo(long frame) {
        checkOpen();
        position = frame;
        pendingStart = pendingEnd = 0;
    }

    final void checkOpen() {
        if (closed) throw new IllegalStateException("decoder is closed");
    }

    @Override
    public void close() {
        closed = true;
    }
}
