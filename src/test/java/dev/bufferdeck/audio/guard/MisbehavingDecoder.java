package dev.bufferdeck.audio.guard;

import dev.bufferdeck.audio.PcmDecoder;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * A decoder that plays {@code goodReads} chunks of silence and then misbehaves the way third-party
 * decoders do. {@link #release()} lets a looping one end, so an abandoned thread does not burn a core
 * for the rest of the test run.
 */
final class MisbehavingDecoder implements PcmDecoder {
    static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);

    enum Fault { INDEX_OUT_OF_BOUNDS, NULL_POINTER, OUT_OF_MEMORY, STACK_OVERFLOW, LOOPS_FOREVER, RETURNS_ZERO_FOREVER }

    private static volatile boolean released;

    private final Fault fault;
    private final int goodReads;
    private int reads;
    private long frames;
    volatile boolean closed;

    MisbehavingDecoder(Fault fault, int goodReads) {
        this.fault = fault;
        this.goodReads = goodReads;
    }

    /** Ends every loop a {@link Fault#LOOPS_FOREVER} decoder is stuck in (and stops new ones looping). */
    static void release() {
        released = true;
    }

    static void arm() {
        released = false;
    }

    @Override public AudioFormat format() { return FORMAT; }
    @Override public long totalFrames() { return -1; }
    @Override public long framePosition() { return frames; }
    @Override public void close() { closed = true; }

    @Override
    public void seekToFrame(long frame) {
        frames = frame;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (reads++ < goodReads) {
            int n = len - len % FORMAT.getFrameSize();
            java.util.Arrays.fill(buf, off, off + n, (byte) 0);
            frames += n / FORMAT.getFrameSize();
            return n;
        }
        switch (fault) {
            case INDEX_OUT_OF_BOUNDS -> {
                int[] table = new int[4];
                return table[reads + 4];
            }
            case NULL_POINTER -> {
                String missing = reads > 0 ? null : "";
                return missing.length();
            }
            case OUT_OF_MEMORY -> {
                // what an absurd header does: allocate what it announces
                long[] announced = new long[Integer.MAX_VALUE - 8];
                return announced.length;
            }
            case STACK_OVERFLOW -> {
                return recurse(0);
            }
            case LOOPS_FOREVER -> {
                while (!released) Thread.onSpinWait();
                return -1;
            }
            case RETURNS_ZERO_FOREVER -> {
                return 0;
            }
            default -> throw new AssertionError(fault);
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
