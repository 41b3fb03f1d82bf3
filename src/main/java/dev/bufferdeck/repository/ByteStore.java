package dev.bufferdeck.repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * The bytes behind one {@link MediaBuffer}: a whole array, an array still filling ({@link GrowingBytes})
 * or the most recent bytes of an endless stream ({@link LiveWindow}). Written by one loader thread,
 * read by any number of threads; readers of bytes not there yet wait in {@link #awaitSize}.
 */
abstract sealed class ByteStore permits GrowingBytes, LiveWindow {
    private String failure;
    private boolean complete;

    /** Bytes readable now (for a live window: the bytes in the window). */
    abstract int size();

    /** Bytes of heap this store holds (what the budget counts for it). */
    abstract long held();

    /** A read-only view of the bytes readable now, positioned at 0. */
    abstract ByteSource view();

    abstract byte byteAt(int index);

    abstract void copy(int offset, byte[] dest, int destOffset, int length);

    /** A stream from {@code offset} that waits for bytes still arriving; {@code length} -1 reads to the end. */
    abstract InputStream stream(int offset, int length);

    final synchronized boolean isComplete() { return complete; }

    final synchronized String failure() { return failure; }

    /** Every byte is here: waiting readers see the end. */
    final synchronized void markComplete() {
        complete = true;
        notifyAll();
    }

    /** The load ended without all bytes; readers waiting for more get {@code reason} as an IOException. */
    final synchronized void markFailed(String reason) {
        if (complete) return;
        failure = reason;
        notifyAll();
    }

    /** Wakes readers after the size grew; call after publishing the new size. */
    final synchronized void signal() {
        notifyAll();
    }

    /**
     * Waits until {@code end} bytes have ever arrived, the store is complete, or the load failed.
     *
     * @return false when the store completed before reaching {@code end}
     * @throws IOException the load's failure ("load cancelled", a network error), or an interrupt
     */
    final boolean awaitArrived(long end) throws IOException {
        synchronized (this) {
            while (true) {
                if (arrived() >= end) return true;
                if (complete) return false;
                if (failure != null) throw new IOException(failure);
                try {
                    wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for bytes still loading");
                }
            }
        }
    }

    /** Bytes that ever arrived (a live window counts the ones it dropped too). */
    abstract long arrived();
}
