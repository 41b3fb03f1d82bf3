package dev.bufferdeck.repository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The loader's side of a buffer that grows while its bytes arrive. One thread writes: it reads from
 * its source straight into the buffer's memory ({@link #readFrom}), may {@link #publish} the buffer to
 * the repository at its first bytes so that it can be shown and played at once, and ends with
 * {@link #complete} (SHA-256, dedup, an ordinary immutable buffer) or {@link #fail}. Closing a writer
 * that did neither fails it with "load cancelled". The budget covers exactly the bytes it holds: a
 * body of unknown length grows a large piece at a time, and by the least that lets its next
 * bytes in when the budget cannot take them, so it fits whenever the body and a little more fit.
 */
public final class BufferWriter implements AutoCloseable {
    private static final long CHANGE_EVERY_NANOS = 100_000_000L;

    private final MediaRepository repository;
    private final MediaBuffer buffer;
    private final ByteStore store;
    private final Reservation reservation;
    private final MessageDigest sha;
    private final boolean fixedLength;
    private int hashed;
    private boolean published;
    private boolean finished;
    private long lastChange;
    private volatile Runnable onRemoved = () -> {};
    private volatile boolean removed;

    BufferWriter(MediaRepository repository, MediaBuffer buffer, Reservation reservation, boolean fixedLength) {
        this.fixedLength = fixedLength;
        this.repository = repository;
        this.buffer = buffer;
        this.store = buffer.store();
        this.reservation = reservation;
        this.sha = store instanceof GrowingBytes ? MediaRepository.newSha256() : null;
    }

    public MediaBuffer buffer() { return buffer; }

    /** True until the load completed, failed, ended or the buffer was removed. */
    public synchronized boolean isOpen() { return !finished; }

    /** True once the buffer is in the repository's list. */
    public synchronized boolean isPublished() { return published; }

    /** Bytes the buffer can still take without growing (a load of known length never grows). */
    public int room() {
        return store instanceof GrowingBytes g ? (int) Math.min(Integer.MAX_VALUE, g.capacity() - g.size()) : Integer.MAX_VALUE;
    }

    /**
     * Reads once from {@code in} into the buffer (at most {@code max} bytes), adding a piece when
     * full, reserved first. A buffer of known length never grows: a byte past it
     * is an IOException.
     *
     * @return bytes read, or -1 at the end of {@code in}
     * @throws BudgetExceededException the buffer could not grow within the budget
     * @throws TooLargeException the buffer reached the largest array the JVM can hold
     * @throws IOException from {@code in}, or "removed" when the user removed the buffer meanwhile
     */
    public int readFrom(InputStream in, int max) throws IOException, BudgetExceededException {
        if (removed) throw new IOException("removed from the library");
        int n;
        if (store instanceof GrowingBytes g) {
            if (g.isFull()) {
                if (fixedLength) {
                    if (in.read() < 0) return -1;
                    throw new IOException("more bytes than the " + g.capacity() + " announced");
                }
                // a body that ends where its last piece does needs no further piece: look before growing
                int next = in.read();
                if (next < 0) return -1;
                grow(g, max);
                n = g.readFrom(new ByteArrayInputStream(new byte[] {(byte) next}), 1);
            } else {
                n = g.readFrom(in, max);
            }
            if (n > 0) {
                g.hash(sha, hashed, n);
                hashed += n;
            }
        } else {
            n = ((LiveWindow) store).readFrom(in, max);
        }
        if (n > 0) changed(false);
        return n;
    }

    /** Appends bytes already read elsewhere (a live stream whose metadata was taken out on the way). */
    public void write(byte[] b, int off, int len) throws BudgetExceededException {
        if (store instanceof LiveWindow live) {
            live.write(b, off, len);
        } else {
            GrowingBytes g = (GrowingBytes) store;
            try {
                while (len > 0) {
                    int n = readFrom(new ByteArrayInputStream(b, off, len), len);
                    off += n;
                    len -= n;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        changed(false);
    }

    /**
     * Reserves and allocates the next growth; when the budget cannot take it, the least that lets
     * the next bytes in (so a body fits whenever it and a little more do).
     */
    private void grow(GrowingBytes g, int max) throws BudgetExceededException {
        if (g.size() >= MediaRepository.MAX_BUFFER_SIZE) throw new TooLargeException();
        int needed = Math.max(1, Math.min(max, 64 * 1024));
        boolean replacesLast = g.growsLastPiece();
        long old = g.lastPieceLength();
        int next = g.nextGrowth(needed);
        try {
            reservation.grow(next);
        } catch (BudgetExceededException e) {
            int least = g.leastGrowth((int) Math.max(1, Math.min(needed, repository.available())));
            if (least >= next) throw e;
            next = least;
            reservation.grow(next);
        }
        g.grow(next);
        if (replacesLast) reservation.shrink(old);
    }

    /**
     * A body of unknown length ends with unused room: pieces never written, given back at once, and
     * the end of its last piece, given back by a copy of exactly the piece's filled part (reserved
     * first; when the budget cannot take the copy, that spare room is kept and counted).
     */
    private void trim(GrowingBytes g) {
        long old = g.held();
        if (old == g.size()) return;
        int copies = g.trimCopies();
        boolean copy = copies > 0;
        if (copy) {
            try {
                reservation.grow(copies);
            } catch (BudgetExceededException e) {
                copy = false;
            }
        }
        g.trim(copy);
        reservation.shrink(old + (copy ? copies : 0) - g.held());
    }

    /**
     * Marks {@code length} bytes of a live buffer from {@code streamOffset} (counted over everything
     * written, written now or next) as a metadata block: media readers skip it, regions show it.
     */
    public void interleave(long streamOffset, int length, String text) {
        ((LiveWindow) store).interleave(streamOffset, length, text);
    }

    /** Bytes written so far (for a live buffer: over the whole stream). */
    public long written() { return store.arrived(); }

    /** Lists the buffer in the repository now (listeners see it added), before all its bytes are here. */
    public void publish() {
        synchronized (this) {
            if (published || finished) return;
            published = true;
        }
        repository.publish(this);
    }

    /**
     * Every byte is here: the buffer becomes an ordinary complete buffer, or, when the repository
     * already held the same bytes, that buffer is returned ({@code duplicate}) and this one dropped.
     */
    public AddResult complete() {
        if (!(store instanceof GrowingBytes)) throw new IllegalStateException("a live buffer never completes");
        synchronized (this) {
            if (finished) throw new IllegalStateException("load already ended");
            finished = true;
        }
        String digest = HexFormat.of().formatHex(sha.digest());
        trim((GrowingBytes) store);
        store.markComplete();
        return repository.completed(this, digest);
    }

    /** The load ended without all its bytes; readers waiting for them get {@code reason}. */
    public void fail(String reason) {
        synchronized (this) {
            if (finished) return;
            finished = true;
        }
        store.markFailed(reason);
        repository.failed(this);
    }

    /** A live stream ended (the server closed it for good): readers read to its end. */
    public void end() {
        synchronized (this) {
            if (finished) return;
            finished = true;
        }
        store.markComplete();
        repository.changed(buffer);
    }

    /** Runs {@code hook} when the user removes the buffer while it is still loading (stop the download). */
    public void onRemoved(Runnable hook) {
        onRemoved = hook;
        if (removed) hook.run();
    }

    void removedFromRepository() {
        removed = true;
        store.markFailed("removed from the library");
        onRemoved.run();
    }

    Reservation reservation() { return reservation; }

    private void changed(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastChange < CHANGE_EVERY_NANOS) return;
        lastChange = now;
        if (isPublished()) repository.changed(buffer);
    }

    @Override
    public void close() {
        fail("load cancelled");
    }

    /** The buffer ran past the largest array the JVM can hold. */
    public static final class TooLargeException extends RuntimeException {
        TooLargeException() {
            super("buffer reached the largest array the JVM can hold", null, false, false);
        }
    }
}
