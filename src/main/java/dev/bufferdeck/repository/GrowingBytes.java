package dev.bufferdeck.repository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes that fill from the start. With a known length of at most one small piece they go into one
 * array allocated once at that length; a longer known length is cut into pieces ({@link PieceSizes}),
 * never one array (one array of hundreds of MiB is zeroed in one go, during which the JVM cannot
 * reach a safepoint: every thread, the FX thread too, stood still for 1.5 s at a 500 MiB load):
 * small ones allocated as the bytes reach them, or for a long body large ones, which G1 never copies,
 * allocated a little ahead of the bytes ({@link #allocate}). A body of unknown length goes into large
 * pieces: the first grows (doubling from 64 KiB, a copy of at most one piece each time) until it is a
 * whole piece, then pieces are added a few at a time ({@link #nextGrowth}), and the room its end
 * leaves is given back ({@link #trim}). In small pieces, a 500 MiB body of unknown length filled eden
 * with live arrays that one young collection then copied: pauses of 75-320 ms. The body is never held
 * twice. Readers keep the pieces they looked at, which hold every byte their size allowed. A finished
 * load is this store, complete: no second copy.
 */
final class GrowingBytes extends ByteStore {
    private static final int FIRST_CAPACITY = 64 * 1024;
    /** Most large pieces a body of unknown length adds at once. */
    static final int MOST_AHEAD = 8;
    /** A body that fills a large piece faster than this (8 MiB/s) gets pieces ahead. */
    static final long FAST_PIECE_NANOS = 1_000_000_000L;

    private static final byte[][] NONE = new byte[0][];

    /** Written before {@link #size} so a reader that read the size finds the pieces holding it. */
    private volatile byte[][] pieces;
    /** Bytes in each piece but the last ({@link ByteSource#WHOLE}: one array). */
    private final int pieceSize;
    private volatile int size;
    private long expected = -1;
    private volatile boolean released;
    /** Large pieces: one more is allocated at each read until all are (see {@link #allocate}). */
    private boolean allocatesAhead;
    /** Pieces of a known length allocated so far, from the first. */
    private int allocated;
    /** When the last growth was allocated, and the room it added (written by the loader only). */
    private long lastGrowthNanos;
    private long lastGrowthBytes;

    private GrowingBytes(byte[][] pieces, int pieceSize, int size) {
        this.pieces = pieces;
        this.pieceSize = pieceSize;
        this.size = size;
    }

    /** Bytes already in memory, complete. */
    static GrowingBytes whole(byte[] bytes) {
        GrowingBytes store = new GrowingBytes(new byte[][] {Objects.requireNonNull(bytes)}, ByteSource.WHOLE, bytes.length);
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
     * pieces as they fill); -1 when unknown: it grows in small pieces.
     */
    static GrowingBytes empty(long expectedLength) {
        int pieceSize = PieceSizes.forLength(expectedLength);
        GrowingBytes store = expectedLength < 0
                ? new GrowingBytes(new byte[][] {new byte[0]}, pieceSize, 0)
                : pieceSize == ByteSource.WHOLE
                ? new GrowingBytes(new byte[][] {new byte[(int) expectedLength]}, pieceSize, 0)
                : new GrowingBytes(new byte[(int) ((expectedLength + pieceSize - 1) / pieceSize)][], pieceSize, 0);
        store.expected = expectedLength;
        store.allocatesAhead = expectedLength >= 0 && PieceSizes.isLarge(pieceSize);
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
        for (byte[] piece : pieces) if (piece != null) sum += piece.length;
        return sum;
    }

    /** Bytes the store can take before it must grow. */
    long capacity() {
        byte[][] p = pieces;
        if (expected >= 0 && p.length > 1) return expected;
        return (long) (p.length - 1) * pieceSize + p[p.length - 1].length;
    }

    /** True once no more bytes fit without growing. */
    boolean isFull() { return size == capacity(); }

    /**
     * The bytes the next growth allocates: while the last piece is shorter than a whole one, its
     * replacement (doubling, so that {@code needed} more bytes fit, up to a whole piece); then whole
     * pieces, as many as {@link #piecesNext} says.
     */
    int nextGrowth(int needed) {
        byte[][] p = pieces;
        byte[] last = p[p.length - 1];
        if (growsLastPiece()) {
            long next = Math.max(last.length == 0 ? FIRST_CAPACITY : last.length * 2L, (long) filledIn(p.length - 1) + needed);
            return (int) Math.min(next, pieceSize);
        }
        return piecesNext(p.length, nanosPerPiece(), pieceSize) * pieceSize;
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
        byte[][] p = pieces;
        return p[p.length - 1].length < pieceSize;
    }

    /** The length of the last piece. */
    int lastPieceLength() {
        byte[][] p = pieces;
        return p[p.length - 1].length;
    }

    /**
     * Whole pieces added at once to a body of unknown length that holds {@code held}: as many again,
     * up to {@link #MOST_AHEAD}, and no more than the largest buffer takes, while the body arrives
     * fast (a piece in under {@link #FAST_PIECE_NANOS}); one at a time when it arrives slower (a
     * recorded radio stream: pieces ahead would only hold memory for minutes). G1 may start a
     * concurrent cycle at each humongous allocation (see {@link #allocate}); large pieces added a few
     * at a time start fewer of them (a 500 MiB body, adaptive IHOP: 45-56 pauses, 0.21-0.34 s in all,
     * against 81 and 0.40 s one piece at a time).
     */
    static int piecesNext(int held, long nanosPerPiece, int pieceSize) {
        if (nanosPerPiece >= FAST_PIECE_NANOS) return 1;
        long fit = MediaRepository.MAX_BUFFER_SIZE / pieceSize - held;
        return (int) Math.max(1, Math.min(Math.min(held, MOST_AHEAD), fit));
    }

    /** How long a whole piece took to fill at the pace the last growth's room filled. */
    private long nanosPerPiece() {
        double elapsed = System.nanoTime() - lastGrowthNanos;
        return (long) Math.min(Long.MAX_VALUE, elapsed * pieceSize / Math.max(1, lastGrowthBytes));
    }

    /**
     * Allocates {@code bytes} as {@link #nextGrowth} or {@link #leastGrowth} said: a longer copy of
     * the last piece (a copy of at most one piece), whole pieces, or one shorter piece.
     */
    void grow(int bytes) {
        byte[][] p = pieces;
        boolean replacesLast = growsLastPiece();
        lastGrowthNanos = System.nanoTime();
        lastGrowthBytes = replacesLast ? bytes - p[p.length - 1].length : bytes;
        if (replacesLast) {
            byte[][] replaced = p.clone();
            replaced[p.length - 1] = Arrays.copyOf(p[p.length - 1], bytes);
            pieces = replaced;
            return;
        }
        int count = Math.max(1, bytes / pieceSize);
        if ((long) p.length * pieceSize + (long) count * Math.min(bytes, pieceSize) > MediaRepository.MAX_BUFFER_SIZE) {
            throw new BufferWriter.TooLargeException();
        }
        byte[][] more = Arrays.copyOf(p, p.length + count);
        for (int i = p.length; i < more.length; i++) more[i] = new byte[Math.min(bytes, pieceSize)];
        pieces = more;
    }

    /** Bytes a {@link #trim} copies: the filled part of the piece the body ends in, unless it fills it. */
    int trimCopies() {
        byte[][] p = pieces;
        int last = lastWritten(p);
        int filled = filledIn(last);
        return p[last].length == filled ? 0 : filled;
    }

    /**
     * Lets go of the room past the body's last byte: the pieces never written, and, when
     * {@code copyLast} (the writer reserved {@link #trimCopies} first), the unfilled end of the last
     * one, replaced by a copy of its filled part.
     */
    void trim(boolean copyLast) {
        byte[][] p = pieces;
        int last = lastWritten(p);
        int filled = filledIn(last);
        byte[][] kept = Arrays.copyOf(p, last + 1);
        if (copyLast && kept[last].length != filled) kept[last] = Arrays.copyOf(kept[last], filled);
        pieces = kept;
    }

    /** Bytes written into piece {@code index}, the one being filled or the last one written. */
    private int filledIn(int index) {
        return size - index * pieceSize;
    }

    /** The index of the piece that holds the last byte (0 when there is none). */
    private int lastWritten(byte[][] p) {
        int s = size;
        return p.length == 1 || s == 0 ? 0 : (s - 1) / pieceSize;
    }

    /**
     * Allocates piece {@code index} of a known length, {@code pieceSize} bytes or the rest of the body.
     * Large pieces are allocated ahead of the bytes, one more at each read, so that all of them are
     * allocated within the body's first reads: G1 may start a concurrent cycle at each humongous
     * allocation (its old regions fill past the occupancy that starts one), and each cycle ends in a
     * remark pause; allocated as the bytes reached them, a 500 MiB load ran 7-17 cycles, allocated
     * ahead 2-7. The budget reserved the whole body when the load started.
     */
    private byte[] allocate(byte[][] p, int index) {
        byte[] piece = new byte[(int) Math.min(pieceSize, expected - (long) index * pieceSize)];
        p[index] = piece;
        allocated = index + 1;
        return piece;
    }

    /** Reads once from {@code in} into the free capacity of the last piece; the writer makes room first. */
    int readFrom(InputStream in, int max) throws IOException {
        byte[][] p = pieces;
        int index = p.length == 1 ? 0 : size / pieceSize;
        byte[] piece = p[index];
        if (piece == null) piece = allocate(p, index);  // a known length: this piece is reached now
        if (allocatesAhead && allocated < p.length) allocate(p, allocated);
        int within = filledIn(index);
        int n = in.read(piece, within, Math.min(max, piece.length - within));
        if (n > 0) {
            size += n;
            signal();
        }
        return n;
    }

    /** Feeds {@code count} bytes from {@code from} into {@code sha} (for hashing what was just read). */
    void hash(MessageDigest sha, int from, int count) {
        byte[][] p = pieces;
        while (count > 0) {
            byte[] piece = p[from / pieceSize];
            int within = from % pieceSize;
            int n = Math.min(count, piece.length - within);
            sha.update(piece, within, n);
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
            byte[][] p = pieces;
            if (p.length == 1) return new ByteArrayInputStream(p[0], offset, length);
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
