package dev.bufferdeck.repository;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Read-only bytes at absolute indexes, held in one array or in pieces of equal size (a body is
 * stored in pieces as it arrives, so it is never copied into one array beside itself; a long one in
 * pieces outside the heap). Pieces are a power of two long, so an index finds its piece by a shift. The read
 * methods are named as {@link ByteBuffer}'s absolute ones and read big-endian, so a parser reads
 * either kind alike. Where a parser needs a real {@code ByteBuffer} it asks for a bounded
 * {@link #region}: shared when it lies in one piece, copied only when it spans two.
 */
public final class ByteSource {
    private static final ByteBuffer[] NO_PIECES = new ByteBuffer[0];
    /** The piece size of bytes held in one array. */
    static final int WHOLE = Integer.MAX_VALUE;

    /** Pieces in the heap ({@link ByteBuffer#wrap}) or outside it ({@link ByteBuffer#allocateDirect}), positioned at 0. */
    private final ByteBuffer[] pieces;
    private final int pieceSize;
    /** log2 of {@link #pieceSize} (31 for {@link #WHOLE}: every index lies in piece 0). */
    private final int shift;
    private final int mask;
    private final int base;
    private final int limit;
    /** The single array when every byte of this view lies in one piece held in the heap, else null. */
    private final byte[] one;
    private final int oneOffset;
    private final boolean littleEndian;

    private ByteSource(ByteBuffer[] pieces, int pieceSize, int base, int limit) {
        this(pieces, pieceSize, base, limit, false);
    }

    private ByteSource(ByteBuffer[] pieces, int pieceSize, int base, int limit, boolean littleEndian) {
        if (pieceSize != WHOLE && (pieceSize <= 0 || Integer.bitCount(pieceSize) != 1)) {
            throw new IllegalArgumentException("piece size " + pieceSize + ": not a power of two");
        }
        this.littleEndian = littleEndian;
        this.pieces = pieces;
        this.pieceSize = pieceSize;
        this.shift = pieceSize == WHOLE ? 31 : Integer.numberOfTrailingZeros(pieceSize);
        this.mask = shift == 31 ? WHOLE : (1 << shift) - 1;
        this.base = base;
        this.limit = limit;
        int first = limit == 0 ? 0 : piece(base);
        int last = limit == 0 ? 0 : piece(base + limit - 1);
        ByteBuffer only = first == last && pieces.length > first ? pieces[first] : null;
        this.one = only != null && only.hasArray() ? only.array() : null;
        this.oneOffset = one == null ? 0 : only.arrayOffset() + within(base);
    }

    private int piece(int at) { return at >>> shift; }

    private int within(int at) { return at & mask; }

    /** The remaining bytes of {@code buffer} (copied only when it is not backed by an accessible array). */
    public static ByteSource of(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            byte[] a = buffer.array();
            int from = buffer.arrayOffset() + buffer.position();
            return new ByteSource(new ByteBuffer[] {ByteBuffer.wrap(a)}, WHOLE, from, buffer.remaining());
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return of(copy);
    }

    public static ByteSource of(byte[] bytes) {
        return new ByteSource(new ByteBuffer[] {ByteBuffer.wrap(bytes)}, WHOLE, 0, bytes.length);
    }

    /**
     * The first {@code size} bytes of {@code pieces}, each piece {@code pieceSize} bytes (the last may
     * be shorter; {@link #WHOLE}: one piece), each read from its index 0 whatever its position.
     */
    static ByteSource pieces(ByteBuffer[] pieces, int pieceSize, int size) {
        return new ByteSource(size == 0 ? NO_PIECES : pieces, pieceSize, 0, size);
    }

    /** {@link #pieces(ByteBuffer[], int, int)} over arrays (an absent one stays absent). */
    static ByteSource pieces(byte[][] pieces, int pieceSize, int size) {
        ByteBuffer[] wrapped = new ByteBuffer[pieces.length];
        for (int i = 0; i < pieces.length; i++) wrapped[i] = pieces[i] == null ? null : ByteBuffer.wrap(pieces[i]);
        return pieces(wrapped, pieceSize, size);
    }

    /**
     * A file of {@code size} bytes of which only the first ({@code head}) and the last ({@code tail})
     * were read, in place (copied once into 64 KiB pieces). The pieces between are absent, so a
     * parser that reads there fails with a RuntimeException instead of reading made-up bytes; only
     * the rest of the piece the head ends in, and of the one the tail starts in, read as zeros.
     */
    public static ByteSource headAndTail(byte[] head, byte[] tail, int size) {
        int shift = 16;
        int piece = 1 << shift;
        byte[][] pieces = new byte[(int) (((long) size + piece - 1) >>> shift)][];
        int tailStart = size - tail.length;
        for (int i = 0; i < pieces.length; i++) {
            int from = i << shift;
            int to = (int) Math.min(size, (long) from + piece);
            if (from >= head.length && to <= tailStart) continue;
            byte[] p = new byte[piece];
            if (head.length > from) System.arraycopy(head, from, p, 0, Math.min(to, head.length) - from);
            int tailFrom = Math.max(from, tailStart);
            if (to > tailFrom) System.arraycopy(tail, tailFrom - tailStart, p, tailFrom - from, to - tailFrom);
            pieces[i] = p;
        }
        return pieces(pieces, piece, size);
    }

    public int limit() { return limit; }

    /** The same bytes read in {@code order} by {@link #getShort}, {@link #getInt} and {@link #getLong}. */
    public ByteSource order(ByteOrder order) {
        boolean little = order == ByteOrder.LITTLE_ENDIAN;
        return little == littleEndian ? this : new ByteSource(pieces, pieceSize, base, limit, little);
    }

    public ByteOrder order() { return littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN; }

    /** This view itself: it has no position to share, so a "duplicate" is the same immutable view. */
    public ByteSource duplicate() { return this; }

    /** True when the bytes lie in one array (a {@link #region} of any of them is then never a copy). */
    public boolean isContiguous() { return limit == 0 || one != null; }

    public byte get(int index) {
        if (index < 0 || index >= limit) throw new IndexOutOfBoundsException("index " + index + " of " + limit);
        if (one != null) return one[oneOffset + index];
        int at = base + index;
        return pieces[piece(at)].get(within(at));
    }

    public short getShort(int index) {
        checkRange(index, 2);
        int a = get(index) & 0xFF, b = get(index + 1) & 0xFF;
        return (short) (littleEndian ? b << 8 | a : a << 8 | b);
    }

    public int getInt(int index) {
        checkRange(index, 4);
        int a = getShort(index) & 0xFFFF, b = getShort(index + 2) & 0xFFFF;
        return littleEndian ? b << 16 | a : a << 16 | b;
    }

    public long getLong(int index) {
        checkRange(index, 8);
        long a = getInt(index) & 0xFFFFFFFFL, b = getInt(index + 4) & 0xFFFFFFFFL;
        return littleEndian ? b << 32 | a : a << 32 | b;
    }

    /** Copies {@code length} bytes from {@code index} into {@code dst}. */
    public ByteSource get(int index, byte[] dst, int offset, int length) {
        checkRange(index, length);
        Objects.checkFromIndexSize(offset, length, dst.length);
        if (one != null) {
            System.arraycopy(one, oneOffset + index, dst, offset, length);
            return this;
        }
        int at = base + index;
        while (length > 0) {
            ByteBuffer piece = pieces[piece(at)];
            int within = within(at);
            int n = Math.min(length, piece.capacity() - within);
            piece.get(within, dst, offset, n);
            at += n;
            offset += n;
            length -= n;
        }
        return this;
    }

    public ByteSource get(int index, byte[] dst) {
        return get(index, dst, 0, dst.length);
    }

    /** {@code length} bytes from {@code index}, sharing these bytes. */
    public ByteSource slice(int index, int length) {
        checkRange(index, length);
        return new ByteSource(pieces, pieceSize, base + index, length, littleEndian);
    }

    /**
     * {@code length} bytes from {@code index} as a read-only {@code ByteBuffer} positioned at 0:
     * shared when they lie in one piece, a copy when they span pieces, so ask only for bounded
     * ranges (a header, a tag frame, a sample), never for the whole of a large buffer.
     */
    public ByteBuffer region(int index, int length) {
        checkRange(index, length);
        int at = base + index;
        if (length == 0) return ByteBuffer.allocate(0).asReadOnlyBuffer();
        if (piece(at) == piece(at + length - 1)) {
            return pieces[piece(at)].slice(within(at), length).asReadOnlyBuffer();
        }
        byte[] copy = new byte[length];
        get(index, copy, 0, length);
        return ByteBuffer.wrap(copy).asReadOnlyBuffer();
    }

    private void checkRange(int index, int length) {
        if (index < 0 || length < 0 || index > limit - length) {
            throw new IndexOutOfBoundsException("bytes " + index + ".." + ((long) index + length) + " of " + limit);
        }
    }
}
