package dev.bufferdeck.audio.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decoded 16-bit frames waiting to be read, whose stream position becomes known only when a page's
 * granule position arrives ("anchoring": the end of what is queued so far is at that granule).
 */
final class SampleQueue {
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private final int channels;
    private short[] samples = new short[8192];
    private int head;
    private int tail;
    /** Frames appended since the last clear. */
    private long appended;
    private boolean anchored;
    /** Stream position of the frame at {@code head} (valid when anchored). */
    private long headPosition;

    SampleQueue(int channels) {
        this.channels = channels;
    }

    void clear() {
        head = tail = 0;
        appended = 0;
        anchored = false;
    }

    boolean anchored() { return anchored; }
    int frames() { return (tail - head) / channels; }
    long endPosition() { return headPosition + frames(); }

    /** Where the queue would end if the first frame appended since the clear was at {@code start}. */
    long endPositionIfStartedAt(long start) { return start + appended; }

    /** Everything queued so far ends at {@code position}. */
    void anchorEnd(long position) {
        headPosition = position - frames();
        anchored = true;
    }

    /** The next frame appended will be at {@code position}. */
    void anchorStart(long position) {
        headPosition = position - frames();
        anchored = true;
    }

    /** The stream ends at {@code position}: frames queued beyond it are dropped. */
    void trimEndTo(long position) {
        long excess = endPosition() - position;
        if (excess > 0) tail -= (int) Math.min(excess, frames()) * channels;
    }

    void dropBefore(long position) {
        long drop = Math.min(frames(), position - headPosition);
        if (drop > 0) {
            head += (int) drop * channels;
            headPosition += drop;
        }
    }

    /** Appends {@code n} frames of planar floats (JOrbis' layout), as ffmpeg converts them: round(x·32768), clipped. */
    void append(float[][] planar, int[] offsets, int n) {
        ensureRoom(n * channels);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                int v = (int) Math.rint(planar[c][offsets[c] + i] * 32768f);
                samples[tail++] = (short) Math.max(-32768, Math.min(32767, v));
            }
        }
        appended += n;
    }

    /** Appends interleaved 16-bit frames. */
    void append(short[] interleaved, int offset, int n) {
        ensureRoom(n * channels);
        System.arraycopy(interleaved, offset, samples, tail, n * channels);
        tail += n * channels;
        appended += n;
    }

    /** Moves {@code n} frames as little-endian bytes into {@code out}. */
    void take(byte[] out, int off, int n) {
        int count = n * channels;
        for (int i = 0; i < count; i++) SHORT_LE.set(out, off + 2 * i, samples[head + i]);   // a loop the JIT vectorises
        head += count;
        headPosition += n;
    }

    private void ensureRoom(int more) {
        if (tail + more <= samples.length) return;
        int live = tail - head;
        if (live + more > samples.length) {
            short[] bigger = new short[Math.max(samples.length * 2, live + more)];
            System.arraycopy(samples, head, bigger, 0, live);
            samples = bigger;
        } else {
            System.arraycopy(samples, head, samples, 0, live);
        }
        head = 0;
        tail = live;
    }
}
