package dev.bufferdeck.repository;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Bytes loaded once and then only read. The bytes are never copied and never handed out: callers
 * get read-only {@link ByteSource}s and {@link InputStream}s over them. A body of unknown length is
 * held in pieces ({@link ByteSource#isContiguous()} false once it passes one piece).
 *
 * <p>A buffer can be in the repository before its load ends. While it grows, {@link #size()} is the
 * bytes arrived so far, streams wait for the rest, {@link #sha256()} is empty, and reads of bytes not
 * here yet fail with "not loaded yet". A live buffer holds the most recent bytes of an endless
 * stream (a window of fixed size); it never completes.
 *
 * <p>A complete buffer that can be loaded again from its origin may be <em>let go</em> by the
 * repository to make room ({@link #isResident()} false): it stays listed as a reference, with its
 * name, origin, digest, format and {@link #sourceSize()}, but holds no bytes until a load of the same
 * digest fills it again. A buffer {@linkplain #use() in use} (playing, queued, open in a view) or
 * {@linkplain #isPinned() pinned} is never let go.
 */
public final class MediaBuffer {
    private final long id;
    private final String name;
    private final Origin origin;
    private volatile ByteStore store;
    private final String declaredType;
    private volatile boolean resident = true;
    private volatile boolean pinned;
    private volatile long lastUsed = System.nanoTime();
    private volatile long referenceSize;
    private int uses;
    private volatile String sha256;
    private volatile Instant loadedAt;
    private volatile FormatDetector.Detection detection;

    MediaBuffer(long id, String name, Origin origin, ByteStore store, String sha256, Instant loadedAt,
                String declaredType, FormatDetector.Detection detection) {
        this.id = id;
        this.name = Objects.requireNonNull(name);
        this.origin = Objects.requireNonNull(origin);
        this.store = Objects.requireNonNull(store);
        this.sha256 = Objects.requireNonNull(sha256);
        this.loadedAt = Objects.requireNonNull(loadedAt);
        this.declaredType = declaredType == null ? "" : declaredType;
        this.detection = Objects.requireNonNull(detection);
    }

    public long id() { return id; }
    public String name() { return name; }
    public Origin origin() { return origin; }
    /** Bytes readable now: all of them once complete; for a live buffer, the bytes in its window; 0 for a reference. */
    public int size() { return store.size(); }
    /** The size of the whole source: {@link #size()}, or what it held before it was let go. */
    public long sourceSize() { return resident ? store.size() : referenceSize; }
    /** False once the repository let the bytes go: the buffer is a reference until loaded again. */
    public boolean isResident() { return resident; }
    /** Pinned buffers stay in memory whatever the budget needs ({@link MediaRepository#pin}). */
    public boolean isPinned() { return pinned; }
    /** True while someone holds a {@link #use()} of it. */
    public synchronized boolean isInUse() { return uses > 0; }

    /**
     * Keeps the bytes in memory until the returned use is closed (a decoder playing it, a view showing
     * it), and counts as a use for least-recently-used order.
     *
     * @throws IllegalStateException when the buffer is a reference (its bytes were let go)
     */
    public synchronized Use use() {
        if (!resident) throw new IllegalStateException(name + " is not in memory; load it again");
        uses++;
        lastUsed = System.nanoTime();
        return new Use();
    }

    /** One holder's claim on the bytes; closing it more than once is harmless. */
    public final class Use implements AutoCloseable {
        private boolean open = true;

        private Use() {}

        public MediaBuffer buffer() { return MediaBuffer.this; }

        @Override
        public void close() {
            synchronized (MediaBuffer.this) {
                if (!open) return;
                open = false;
                uses--;
                lastUsed = System.nanoTime();
            }
        }
    }
    /**
     * True when every byte of the source is here. Buffers still downloading (or live windows) are
     * not complete: readers of them wait for bytes, and a decoder that waits is "buffering", not stuck.
     */
    public boolean isComplete() { return store.isComplete(); }
    /** True for the window over an endless stream (internet radio): it never completes. */
    public boolean isLive() { return store instanceof LiveWindow; }
    /** Why the load of a buffer that is not complete ended ("load cancelled", a network error), or null. */
    public String loadFailure() { return store.failure(); }
    /** The size the buffer will have once complete (its size when it is), or -1 while unknown (and for a live buffer). */
    public long expectedSize() { return store instanceof GrowingBytes g ? g.expected() : -1; }
    /** Bytes that have arrived over the load; for a live buffer more than it holds. */
    public long bytesArrived() { return store.arrived(); }
    /**
     * Bytes of memory this buffer holds, as the budget counts them: its size, its window for a live
     * buffer, or more for a body of unknown length whose spare room could not be given back.
     */
    public long bytesHeld() { return store.held(); }
    /** Lower-case hex SHA-256 of the bytes; empty until the buffer is complete. */
    public String sha256() { return sha256; }
    public Instant loadedAt() { return loadedAt; }
    /** What the name or Content-Type claimed, e.g. "mp3" or "audio/mpeg"; empty when nothing was claimed. */
    public String declaredType() { return declaredType; }
    /** What the bytes turned out to be; {@link MediaFormat#UNKNOWN} until they are looked at. */
    public MediaFormat detectedFormat() { return detection.format(); }
    /** True when the declared type contradicts the bytes (an HTML error page saved as .mp3). */
    public boolean typeMismatch() { return detection.mismatch(); }
    public String mismatchNote() { return detection.note(); }

    /**
     * A read-only view of the bytes readable now. For a live buffer it is a copy of the window as it
     * is at the call.
     */
    public ByteSource bytes() {
        return store.view();
    }

    /**
     * A fresh stream over all bytes; mark/reset work across the whole buffer. On a buffer still
     * loading it waits for bytes as they arrive and ends where the load ends; a failed or cancelled
     * load ends it with an IOException saying why. On a live buffer it follows the stream.
     */
    public InputStream openStream() {
        return store.stream(0, -1);
    }

    /** A fresh stream over {@code length} bytes from {@code offset}, waiting for bytes still loading. */
    public InputStream openStream(int offset, int length) {
        if (offset < 0 || length < 0) throw new IndexOutOfBoundsException("offset " + offset + ", length " + length);
        if (isComplete()) Objects.checkFromIndexSize(offset, length, size());
        return store.stream(offset, length);
    }

    /** @throws IndexOutOfBoundsException for a byte not here (past the end, or "not loaded yet") */
    public byte byteAt(int index) {
        return store.byteAt(index);
    }

    /** Copies a range into a caller's array (for small windows such as a hex page). */
    public void copy(int offset, byte[] dest, int destOffset, int length) {
        store.copy(offset, dest, destOffset, length);
    }

    /**
     * Waits until {@code count} bytes have arrived in all, or the load ended.
     *
     * @return false when the buffer completed (or a live stream ended) with fewer bytes
     * @throws IOException why the load failed ("load cancelled", a network error), or an interrupt
     */
    public boolean awaitBytes(long count) throws IOException {
        return store.awaitArrived(count);
    }

    /**
     * The first {@code length} bytes as a complete buffer of their own, sharing this buffer's bytes
     * (no copy): a decoder opened on it plays what has arrived of a buffer still loading. Not listed
     * in any repository.
     */
    public MediaBuffer prefix(int length) {
        if (!(store instanceof GrowingBytes g)) throw new IllegalStateException("a live window has no fixed prefix");
        return new MediaBuffer(id, name, origin, g.snapshot(length), sha256, loadedAt, declaredType, detection);
    }

    /** The metadata blocks between a live buffer's media bytes, offsets as in {@link #bytes()}; empty for others. */
    public List<InterleavedBlock> interleavedBlocks() {
        return store instanceof LiveWindow live ? live.blocks() : List.of();
    }

    /** The text of a live buffer's newest metadata block (an ICY "StreamTitle='...';"), or null. */
    public String latestMetadata() {
        return store instanceof LiveWindow live ? live.latestText() : null;
    }

    ByteStore store() { return store; }

    long lastUsed() { return lastUsed; }

    void touch() { lastUsed = System.nanoTime(); }

    void pinned(boolean on) { pinned = on; }

    /** Drops the bytes unless someone uses them; returns the bytes of heap given back, or -1 when in use. */
    synchronized long letGo() {
        if (uses > 0 || !resident) return -1;
        ByteStore s = store;
        if (!(s instanceof GrowingBytes g)) return -1;
        long freed = g.held();
        referenceSize = g.size();
        resident = false;
        g.release();
        return freed;
    }

    /** A load of the same digest brought the bytes back. */
    synchronized void refill(ByteStore bytes) {
        store = bytes;
        resident = true;
        lastUsed = System.nanoTime();
    }

    void completed(String digest, FormatDetector.Detection detected) {
        this.sha256 = digest;
        this.detection = detected;
        this.loadedAt = Instant.now();
    }

    void detected(FormatDetector.Detection detected) {
        this.detection = detected;
    }

    @Override
    public String toString() {
        return name + " (" + ByteSizes.human(sourceSize()) + (!resident ? ", not in memory" : isComplete() ? "" : isLive() ? ", live" : ", loading")
                + ", " + detection.format().displayName() + ")";
    }
}
