package dev.bufferdeck.audio.sink;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What tests hear from a {@link MemorySinkLine}: up to a limit of the bytes it played, in order, and
 * when it was first written to. Attached through the line's own consumer and write watcher, so the
 * line carries no test state.
 */
public final class PcmRecorder implements PcmConsumer {
    private static final Map<MemorySinkLine, PcmRecorder> RECORDERS = Collections.synchronizedMap(new WeakHashMap<>());

    private final int limit;
    private final PcmConsumer next;
    private byte[] kept = new byte[0];
    private int length;
    private boolean overflowed;
    private volatile long firstWriteNanos = -1;

    PcmRecorder(int limit, PcmConsumer next) {
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0");
        this.limit = limit;
        this.next = next;
    }

    /** Records up to {@code limit} bytes of what {@code line} plays; returns the line. */
    public static MemorySinkLine keep(MemorySinkLine line, int limit) {
        return keep(line, limit, null);
    }

    /** As {@link #keep(MemorySinkLine, int)}, handing every played byte on to {@code next} as well. */
    public static MemorySinkLine keep(MemorySinkLine line, int limit, PcmConsumer next) {
        PcmRecorder recorder = new PcmRecorder(limit, next);
        RECORDERS.put(line, recorder);
        return line.streamTo(recorder).watchWrites((b, off, n) -> {
            if (recorder.firstWriteNanos < 0) recorder.firstWriteNanos = System.nanoTime();
        });
    }

    /** A copy of what {@code line} played so far (up to its limit), in order. */
    public static byte[] kept(MemorySinkLine line) {
        line.playedBytes(); // moves what the clock says was played out of the line's buffer
        return of(line).kept();
    }

    /** {@link System#nanoTime()} of the first write to {@code line} that carried data, or -1. */
    public static long firstWriteNanos(MemorySinkLine line) {
        return of(line).firstWriteNanos;
    }

    public static PcmRecorder of(MemorySinkLine line) {
        PcmRecorder recorder = RECORDERS.get(line);
        if (recorder == null) throw new IllegalStateException("no recorder on " + line);
        return recorder;
    }

    @Override
    public void accept(byte[] pcm, int offset, int n) throws IOException {
        synchronized (this) {
            int room = Math.min(n, limit - length);
            if (room > 0) {
                if (kept.length < length + room) {
                    kept = Arrays.copyOf(kept, (int) Math.min(limit, Math.max(length + room, kept.length * 2L)));
                }
                System.arraycopy(pcm, offset, kept, length, room);
                length += room;
            }
            if (room < n) overflowed = true;
        }
        if (next != null) next.accept(pcm, offset, n);
    }

    public synchronized byte[] kept() { return Arrays.copyOf(kept, length); }

    /** True when more was played than the limit let it hold. */
    public synchronized boolean overflowed() { return overflowed; }
}
