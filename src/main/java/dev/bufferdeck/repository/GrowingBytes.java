package dev.bufferdeck.repository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes that fill from the start. With a known length of at most one small piece they go into one
 * array allocated once at that length; a longer known length is cut into pieces ({@link PieceSizes}),
 * never one array (one array of hundreds of MiB is zeroed in one go, during which the JVM cannot
 * reach a safepoint: every thread, the FX thread too, stood still for 1.5 s at a 500 MiB load), each
 * allocated as the bytes reach it: a body of a few MiB in small pieces in the heap, a longer one in
 * pieces outside it ({@link #allocatePiece}). A body of unknown length grows its first piece
 * (doubling from 64 KiB, a copy of at most one piece each time) until it is a whole piece, then adds
 * pieces one at a time, and the room its end leaves is given back ({@link #trim}). The body is never
 * held twice. Readers keep the pieces they looked at, which hold every byte their size allowed. A
 * finished load is this store, complete: no second copy.
 */
final class GrowingBytes extends ByteStore {
    private static final int FIRST_CAPACITY = 64 * 1024;
    private static final ByteBuffer[] NONE = new ByteBuffer[0];
    /** What {@link #readFrom} reads through into a piece outside the heap, per loader thread. */
    private static final ThreadLocal<byte[]> THROUGH = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    /**
     * Written before {@link #size} so a reader that read the size finds the pieces holding it. Each is
     * read and written only at absolute indexes (its position stays 0), so readers may share it.
     */
    private volatile ByteBuffer[] pieces;
    /** Bytes in each piece but the last ({@link ByteSource#WHOLE}: one array). */
    private final int pieceSize;
    private volatile int size;
    private long expected = -1;
    private volatile boolean released;

    private GrowingBytes(ByteBuffer[] pieces, int pieceSize, int size) {
        this.pieces = pieces;
        this.pieceSize = pieceSize;
        this.size = size;
    }

    /** Bytes already in memory, complete. */
    static GrowingBytes whole(byte[] bytes) {
        GrowingBytes store = new GrowingBytes(new ByteBuffer[] {ByteBuffer.wrap(Objects.requireNonNull(bytes))}, ByteSource.WHOLE, bytes.length);
        store.markComplete();
        return store;
    }

    /** The first {@code length} bytes, complete, over the same pieces (they never change once written). */
    GrowingBytes snapshot(int length) {
        int s = size;
        if (length < 0 || length > s) throw new IndexOutOfBoundsException("prefix of " + length + " of " + s + " bytes");
        GrowingBytes prefix = new GrowingBytes(pieces, pieceSize, length);
        prefix.markComplete();
        return prefix;
    }

    /**
     * An empty store for {@code expectedLength} bytes (up to one small piece allocated now, more in
     * pieces as they fill); -1 when unknown: it grows as its bytes arrive.
     */
    static GrowingBytes empty(long expectedLength) {
        int pieceSize = PieceSizes.forLength(expectedLength);
        GrowingBytes store = expectedLength < 0
                ? new GrowingBytes(new ByteBuffer[] {ByteBuffer.allocate(0)}, pieceSize, 0)
                : pieceSize == ByteSource.WHOLE
                ? new GrowingBytes(new ByteBuffer[] {ByteBuffer.allocate((int) expectedLength)}, pieceSize, 0)
                : new GrowingBytes(new ByteBuffer[(int) ((expectedLength + pieceSize - 1) / pieceSize)], pieceSize, 0);
        store.expected = expectedLength;
        return store;
    }

    /** Bytes in each piece but the last (for a store in one array: {@link ByteSource#WHOLE}). */
    int pieceSize() { return pieceSize; }

    /** The length announced when the load started, or -1 when it was not known. */
    long expected() { return isComplete() ? size : expected; }

    @Override int size() { return size; }
    @Override long arrived() { return size; }

    @Override
    long held() {
        long sum = 0;
        for (ByteBuffer piece : pieces) if (piece != null) sum += piece.capacity();
        return sum;
    }

    /** Bytes of {@link #held} outside the heap. */
    long heldOffHeap() {
        long sum = 0;
        for (ByteBuffer piece : pieces) if (piece != null && piece.isDirect()) sum += piece.capacity();
        return sum;
    }

    /** Bytes the store can take before it must grow. */
    long capacity() {
        ByteBuffer[] p = pieces;
        if (expected >= 0 && p.length > 1) return expected;
        return (long) (p.length - 1) * pieceSize + p[p.length - 1].capacity();
    }

    /** True once no more bytes fit without growing. */
    boolean isFull() { return size == capacity(); }

    /**
     * The bytes the next growth allocates: while the last piece is shorter than a whole one, its
     * replacement (doubling, so that {@code needed} more bytes fit, up to a whole piece); then one
     * whole piece.
     */
    int nextGrowth(int needed) {
        ByteBuffer[] p = pieces;
        int last = p[p.length - 1].capacity();
        if (growsLastPiece()) {
            long next = Math.max(last == 0 ? FIRST_CAPACITY : last * 2L, (long) filledIn(p.length - 1) + needed);
            return (int) Math.min(next, pieceSize);
        }
        return pieceSize;
    }

    /**
     * The smallest growth that lets {@code needed} more bytes in (when the budget cannot take
     * {@link #nextGrowth}): a replacement of the last piece just long enough, or one short piece,
     * which grows later by replacement like the first.
     */
    int leastGrowth(int needed) {
        if (growsLastPiece()) return (int) Math.min(pieceSize, (long) filledIn(pieces.length - 1) + needed);
        return Math.min(pieceSize, needed);
    }

    /** True while growing replaces the last piece by a longer copy rather than adding pieces. */
    boolean growsLastPiece() {
        ByteBuffer[] p = pieces;
        return p[p.length - 1].capacity() < pieceSize;
    }

    /** The length of the last piece. */
    int lastPieceLength() {
        ByteBuffer[] p = pieces;
        return p[p.length - 1].capacity();
    }

    /**
     * Allocates {@code bytes} as {@link #nextGrowth} or {@link #leastGrowth} said: a longer copy of
     * the last piece (a copy of at most one piece), a whole piece, or one shorter piece.
     */
    void grow(int bytes) {
        ByteBuffer[] p = pieces;
        if (growsLastPiece()) {
            ByteBuffer[] replaced = p.clone();
            replaced[p.length - 1] = copyOf(p[p.length - 1], filledIn(p.length - 1), bytes);
            pieces = replaced;
            return;
        }
        if ((long) p.length * pieceSize + Math.min(bytes, pieceSize) > MediaRepository.MAX_BUFFER_SIZE) {
            throw new BufferWriter.TooLargeException();
        }
        ByteBuffer[] more = Arrays.copyOf(p, p.length + 1);
        more[p.length] = allocatePiece(Math.min(bytes, pieceSize));
        pieces = more;
    }

    /**
     * A piece of {@code bytes}: outside the heap when it holds a body of {@link PieceSizes#OFF_HEAP}
     * pieces at its final length (a whole piece, a known length's last one, a trimmed copy), else an
     * array; an array too when the JVM's direct memory (as much as its heap unless
     * {@code -XX:MaxDirectMemorySize} says otherwise) cannot take it. Outside the heap, G1 never sees
     * the bytes: in the heap, each large load made it start concurrent cycles at its humongous
     * allocations, whose pauses were the last FX pulse gaps over 50 ms. Its memory is freed once a
     * collection finds its buffer object unreferenced ({@link HeapGiveBack} asks for one).
     */
    private ByteBuffer allocatePiece(int bytes) {
        if (PieceSizes.isOffHeap(pieceSize)) {
            try {
                return ByteBuffer.allocateDirect(bytes);
            } catch (OutOfMemoryError full) {
                // the heap may still have room: its own OutOfMemoryError, if not, says so
            }
        }
        return ByteBuffer.allocate(bytes);
    }

    /**
     * A piece of {@code length} holding the first {@code filled} bytes of {@code piece}: an array while
     * it is shorter than a whole piece (a body of unknown length doubles it several times, and an
     * array let go is taken back by the next young collection), else as {@link #allocatePiece}.
     */
    private ByteBuffer copyOf(ByteBuffer piece, int filled, int length) {
        ByteBuffer copy = length == pieceSize ? allocatePiece(length) : ByteBuffer.allocate(length);
        copy.put(0, piece, 0, filled);
        return copy;
    }

    /** Bytes a {@link #trim} copies: the filled part of the piece the body ends in, unless it fills it. */
    int trimCopies() {
        ByteBuffer[] p = pieces;
        int last = lastWritten(p);
        int filled = filledIn(last);
        return p[last].capacity() == filled ? 0 : filled;
    }

    /**
     * Lets go of the room past the body's last byte: the pieces never written, and, when
     * {@code copyLast} (the writer reserved {@link #trimCopies} first), the unfilled end of the last
     * one, replaced by a copy of its filled part.
     */
    void trim(boolean copyLast) {
        ByteBuffer[] p = pieces;
        int last = lastWritten(p);
        int filled = filledIn(last);
        ByteBuffer[] kept = Arrays.copyOf(p, last + 1);
        if (copyLast && kept[last].capacity() != filled) {
            ByteBuffer copy = allocatePiece(filled);
            copy.put(0, kept[last], 0, filled);
            kept[last] = copy;
        }
        pieces = kept;
    }

    /** Bytes written into piece {@code index}, the one being filled or the last one written. */
    private int filledIn(int index) {
        return size - index * pieceSize;
    }

    /** The index of the piece that holds the last byte (0 when there is none). */
    private int lastWritten(ByteBuffer[] p) {
        int s = size;
        return p.length == 1 || s == 0 ? 0 : (s - 1) / pieceSize;
    }

    /** Allocates piece {@code index} of a known length, {@code pieceSize} bytes or the rest of the body. */
    private ByteBuffer allocate(ByteBuffer[] p, int index) {
        ByteBuffer piece = allocatePiece((int) Math.min(pieceSize, expected - (long) index * pieceSize));
        p[index] = piece;
        return piece;
    }

    /** Reads once from {@code in} into the free capacity of the last piece; the writer makes room first. */
    int readFrom(InputStream in, int max) throws IOException {
        ByteBuffer[] p = pieces;
        int index = p.length == 1 ? 0 : size / pieceSize;
        ByteBuffer piece = p[index];
        if (piece == null) piece = allocate(p, index);  // a known length: this piece is reached now
        int within = filledIn(index);
        int room = Math.min(max, piece.capacity() - within);
        int n;
        if (piece.hasArray()) {
            n = in.read(piece.array(), piece.arrayOffset() + within, room);
        } else {
            byte[] through = THROUGH.get();
            n = in.read(through, 0, Math.min(room, through.length));
            if (n > 0) piece.put(within, through, 0, n);
        }
        if (n > 0) {
            size += n;
            signal();
        }
        return n;
    }

    /** Feeds {@code count} bytes from {@code from} into {@code sha} (for hashing what was just read). */
    void hash(MessageDigest sha, int from, int count) {
        ByteBuffer[] p = pieces;
        while (count > 0) {
            ByteBuffer piece = p[from / pieceSize];
            int within = from % pieceSize;
            int n = Math.min(count, piece.capacity() - within);
            sha.update(piece.slice(within, n));
            from += n;
            count -= n;
        }
    }

    /**
     * Lets go of the bytes so the heap can take them back (the buffer became a reference). Readers
     * that already hold a stream keep the pieces they read; new reads find no bytes and say why.
     */
    void release() {
        released = true;
        size = 0;
        pieces = NONE;
    }

    @Override
    ByteSource view() {
        int s = size;
        return ByteSource.pieces(pieces, pieceSize, s);
    }

    @Override
    byte byteAt(int index) {
        int s = size;
        if (index < 0 || index >= s) throw notHere(index, 1, s);
        return ByteSource.pieces(pieces, pieceSize, s).get(index);
    }

    @Override
    void copy(int offset, byte[] dest, int destOffset, int length) {
        int s = size;
        if (offset < 0 || length < 0 || offset > s - length) throw notHere(offset, length, s);
        ByteSource.pieces(pieces, pieceSize, s).get(offset, dest, destOffset, length);
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
            ByteBuffer[] p = pieces;
            if (p.length == 1 && p[0].hasArray()) return new ByteArrayInputStream(p[0].array(), p[0].arrayOffset() + offset, length);
            return new Reader(offset, (long) offset + length);
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
            int n = (int) Math.min(Math.min(len, s - pos), end - pos);
            if (n <= 0) return -1;
            ByteSource.pieces(pieces, pieceSize, s).get((int) pos, b, off, n);
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
