package dev.bufferdeck.repository;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;

/**
 * Bytes loaded once and then only read. The array is never copied and never handed out: callers
 * get read-only {@link ByteBuffer}s and {@link InputStream}s over it.
 */
public final class MediaBuffer {
    private final long id;
    private final String name;
    private final Origin origin;
    private final byte[] bytes;
    private final String sha256;
    private final Instant loadedAt;
    private final String declaredType;
    private final FormatDetector.Detection detection;

    MediaBuffer(long id, String name, Origin origin, byte[] bytes, String sha256, Instant loadedAt,
                String declaredType, FormatDetector.Detection detection) {
        this.id = id;
        this.name = Objects.requireNonNull(name);
        this.origin = Objects.requireNonNull(origin);
        this.bytes = Objects.requireNonNull(bytes);
        this.sha256 = Objects.requireNonNull(sha256);
        this.loadedAt = Objects.requireNonNull(loadedAt);
        this.declaredType = declaredType == null ? "" : declaredType;
        this.detection = Objects.requireNonNull(detection);
    }

    public long id() { return id; }
    public String name() { return name; }
    public Origin origin() { return origin; }
    public int size() { return bytes.length; }
    /**
     * True when every byte of the source is here. Buffers still downloading (or live windows) are
     * not complete: readers of them wait for bytes, and a decoder that waits is "buffering", not stuck.
     */
    public boolean isComplete() { return true; }
    /** Lower-case hex SHA-256 of the bytes. */
    public String sha256() { return sha256; }
    public Instant loadedAt() { return loadedAt; }
    /** What the name or Content-Type claimed, e.g. "mp3" or "audio/mpeg"; empty when nothing was claimed. */
    public String declaredType() { return declaredType; }
    /** What the bytes turned out to be, e.g. "MP3", "HTML", "Unknown". */
    public String detectedFormat() { return detection.format(); }
    /** True when the declared type contradicts the bytes (an HTML error page saved as .mp3). */
    public boolean typeMismatch() { return detection.mismatch(); }
    public String mismatchNote() { return detection.note(); }

    /** A read-only view of all bytes, positioned at 0. Each call returns an independent view. */
    public ByteBuffer bytes() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** A fresh stream over all bytes; mark/reset work across the whole buffer. */
    public InputStream openStream() {
        return new ByteArrayInputStream(bytes);
    }

    /** A fresh stream over {@code length} bytes from {@code offset}. */
    public InputStream openStream(int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return new ByteArrayInputStream(bytes, offset, length);
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    /** Copies a range into a caller's array (for small windows such as a hex page). */
    public void copy(int offset, byte[] dest, int destOffset, int length) {
        System.arraycopy(bytes, offset, dest, destOffset, length);
    }

    @Override
    public String toString() {
        return name + " (" + ByteSizes.human(bytes.length) + ", " + detection.format() + ")";
    }
}
