package dev.bufferdeck.repository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One array that fills from the start. With a known length it is allocated once at that length;
 * otherwise it grows (doubling, at most 16 MiB at a time) and readers keep the array they looked at,
 * which holds every byte their size allowed. A finished load is this store, complete: no second copy.
 */
final class GrowingBytes extends ByteStore {
    private static final int FIRST_CAPACITY = 64 * 1024;
    private static final int LARGEST_STEP = 16 * 1024 * 1024;

    private static final byte[] NONE = new byte[0];

    private volatile byte[] array;
    private volatile int size;
    private long expected = -1;
    private volatile boolean released;

    private GrowingBytes(byte[] array, int size) {
        this.array = array;
        this.size = size;
    }

    /** Bytes already in memory, complete. */
    static GrowingBytes whole(byte[] bytes) {
        GrowingBytes store = new GrowingBytes(Objects.requireNonNull(bytes), bytes.length);
        store.markComplete();
        return store;
    }

    /** The first {@code length} bytes, complete, over the same array (they never change once written). */
    GrowingBytes snapshot(int length) {
        int s = size;
        if (length < 0 || length > s) throw new IndexOutOfBoundsException("prefix of " + length + " of " + s + " bytes");
        GrowingBytes prefix = new GrowingBytes(array, length);
        prefix.markComplete();
        return prefix;
    }

    /** An empty store for {@code expectedLength} bytes, allocated now; -1 when unknown: it grows on demand. */
    static GrowingBytes empty(long expectedLength) {
        GrowingBytes store = new GrowingBytes(new byte[(int) Math.max(0, expectedLength)], 0);
        store.expected = expectedLength;
        return store;
    }

    /** The length announced when the load started, or -1 when it was not known. */
    long expected() { return isComplete() ? size : expected; }

    @Override int size() { return size; }
    @Override long arrived() { return size; }
    @Override long held() { return array.length; }
    int capacity() { return array.length; }

    /**
     * The capacity to grow to so that {@code needed} more bytes fit, with {@code free} bytes of budget
     * left beyond this array. Growing copies, so the old and the new array are held together for a
     * moment: doubling alone could never pass half the budget. So once the regular step would pass a
     * quarter of what this array could ever reach, it grows in one step to three quarters of that
     * reach, while the array is still small enough to be copied beside it. The price is spare room
     * that stays held (and counted) when the body ends below that and the exact-size copy cannot fit.
     */
    int nextCapacity(int needed, long free) {
        long cap = array.length;
        long want = (long) size + needed;
        long regular = Math.max(cap == 0 ? FIRST_CAPACITY : Math.min(cap * 2, cap + LARGEST_STEP), want);
        long reach = cap + free;
        long lastStep = Math.min(free, reach / 4 * 3);
        long next = regular > reach / 4 && lastStep >= want ? lastStep : regular;
        return (int) Math.min(next, MediaRepository.MAX_BUFFER_SIZE);
    }

    /** Replaces the array by a larger copy (the writer reserved the new capacity first). */
    void growTo(int capacity) {
        array = Arrays.copyOf(array, capacity);
    }

    /** Reads once from {@code in} into the free capacity; the writer makes room first. */
    int readFrom(InputStream in, int max) throws IOException {
        byte[] a = array;
        int n = in.read(a, size, Math.min(max, a.length - size));
        if (n > 0) {
            size += n;
            signal();
        }
        return n;
    }

    /**
     * Lets go of the array so the heap can take it back (the buffer became a reference). Readers that
     * already hold a stream keep the array they read; new reads find no bytes and say why.
     */
    void release() {
        released = true;
        size = 0;
        array = NONE;
    }

    /** The array and how much of it is filled, for hashing what was just read. */
    byte[] array() { return array; }

    @Override
    ByteBuffer view() {
        int s = size;
        return ByteBuffer.wrap(array, 0, s).slice().asReadOnlyBuffer();
    }

    @Override
    byte byteAt(int index) {
        int s = size;
        if (index < 0 || index >= s) throw notHere(index, 1, s);
        return array[index];
    }

    @Override
    void copy(int offset, byte[] dest, int destOffset, int length) {
        int s = size;
        if (offset < 0 || length < 0 || offset > s - length) throw notHere(offset, length, s);
        System.arraycopy(array, offset, dest, destOffset, length);
    }

    private IndexOutOfBoundsException notHere(long offset, int length, int s) {
        boolean loading = !isComplete() && offset + length > s && offset >= 0;
        return new IndexOutOfBoundsException("bytes " + offset + ".." + (offset + length) + " of "
                + s + (released ? ": not in memory (let go to make room; load it again)" : loading ? ": not loaded yet" : ""));
    }

    @Override
    InputStream stream(int offset, int length) {
        if (isComplete()) {
            int s = size;
            if (length < 0) length = Math.max(0, s - offset);
            Objects.checkFromIndexSize(offset, length, s);
            return new ByteArrayInputStream(array, offset, length);
        }
        return new Reader(offset, length < 0 ? Long.MAX_VALUE : (long) offset + length);
    }

    /** Reads up to {@code end}, waiting for bytes still loading; mark/reset work over what it read. */
    private final class Reader extends InputStream {
        private final long end;
        private long pos;
        private long mark;

        Reader(int offset, long end) {
            this.pos = offset;
            this.mark = offset;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) return 0;
            if (pos >= end) return -1;
            if (pos >= size && !awaitArrived(pos + 1)) return -1;
            int s = size;
            byte[] a = array;
            int n = (int) Math.min(Math.min(len, s - pos), end - pos);
            if (n <= 0) return -1;
            System.arraycopy(a, (int) pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            if (n <= 0) return 0;
            long target = Math.min(end, pos + n);
            if (target > size && !awaitArrived(target)) target = Math.min(target, size);
            long skipped = Math.max(0, target - pos);
            pos += skipped;
            return skipped;
        }

        @Override public int available() { return (int) Math.max(0, Math.min(size, end) - pos); }
        @Override public boolean markSupported() { return true; }
        @Override public synchronized void mark(int limit) { mark = pos; }
        @Override public synchronized void reset() { pos = mark; }
    }
}
