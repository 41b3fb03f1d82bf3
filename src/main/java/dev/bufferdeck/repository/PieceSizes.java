package dev.bufferdeck.repository;

/**
 * How long the pieces of a growing buffer are. A known length of a few MiB goes into small pieces in
 * the heap (256 KiB, {@link MediaRepository#PIECE_PROPERTY}). A longer body, and one of unknown
 * length, goes into pieces of {@link #OFF_HEAP} outside it, where the collector never sees them. In
 * small pieces a 500 MiB load was copied out of eden, and between survivors, while it arrived (young
 * pauses of 77-697 ms); in region-sized pieces G1 held them as humongous objects and never copied
 * them, but started concurrent cycles at their allocations, whose pauses (14-24 ms, longer with the
 * wait for the loader to stop) made the last FX pulse gaps over 50 ms.
 */
final class PieceSizes {
    /**
     * Pieces outside the heap ({@link java.nio.ByteBuffer#allocateDirect}): the JDK zeroes a new one in
     * one go, touching memory the system maps afresh, during which the JVM reaches no safepoint and every
     * thread waiting for one (the FX thread too) stands still. On these machines 32 MiB took 10-95 ms and
     * 8 MiB 2-3 ms; over a pulse-gap bench run (scripts/bench-gui.sh) the longest wait for a safepoint was
     * 11 ms with 8 MiB pieces and 5 ms with 2 MiB. A power of two, so a read finds its piece by a shift.
     */
    static final int OFF_HEAP = 2 << 20;

    private PieceSizes() { }

    /** The piece size for a body of {@code expectedLength} bytes (-1: unknown); {@link ByteSource#WHOLE}: one array. */
    static int forLength(long expectedLength) {
        if (expectedLength < 0 || expectedLength > OFF_HEAP) return OFF_HEAP;
        return expectedLength <= small() ? ByteSource.WHOLE : small();
    }

    /** True for pieces held outside the heap. */
    static boolean isOffHeap(int pieceSize) { return pieceSize == OFF_HEAP; }

    /** The small piece size: {@link MediaRepository#PIECE_PROPERTY} KiB, 256 by default. */
    static int small() {
        int kib = Integer.getInteger(MediaRepository.PIECE_PROPERTY, 256);
        if (kib < 1 || Integer.bitCount(kib) != 1 || kib > 1 << 20) {
            throw new IllegalArgumentException(MediaRepository.PIECE_PROPERTY + " must be a power of two from 1 to 1048576, not " + kib);
        }
        return kib << 10;
    }
}
