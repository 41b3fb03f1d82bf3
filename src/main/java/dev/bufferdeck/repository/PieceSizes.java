package dev.bufferdeck.repository;

/**
 * How long the pieces of a growing buffer are. A known length of a few MiB goes into small pieces
 * (256 KiB, {@link MediaRepository#PIECE_PROPERTY}). A longer known length, and a body of unknown
 * length, go into large pieces that G1 allocates each in whole old regions of its own (humongous
 * objects), so no young collection copies them: in small pieces a 500 MiB load was copied out of
 * eden, and between survivors, while it arrived (young pauses of 77-697 ms).
 *
 * <p>A large piece is {@link #LARGE_MIN} bytes, or one region on a heap whose regions are larger,
 * less {@link #HEADER_ROOM} for the array's header: it then fills whole regions, and is humongous
 * (longer than half a region), for every region size up to its own length; a piece of a power of
 * two would spill 16 bytes into one more region, all of which G1 would keep for it. Zeroing a new
 * 8 MiB piece takes 3-10 ms of the loader thread, during which the JVM reaches no safepoint.
 */
final class PieceSizes {
    static final int LARGE_MIN = 8 << 20;
    /** More than an array header takes (16 bytes, 24 without compressed class pointers). */
    static final int HEADER_ROOM = 64;
    private static final int MIN_REGION = 1 << 20;
    private static final int MAX_REGION = 32 << 20;
    /** G1 sizes its regions so that the heap holds about this many. */
    private static final int TARGET_REGIONS = 2048;

    private static final int LARGE = large(Runtime.getRuntime().maxMemory());

    private PieceSizes() { }

    /** The piece size for a body of {@code expectedLength} bytes (-1: unknown); {@link ByteSource#WHOLE}: one array. */
    static int forLength(long expectedLength) {
        int small = small();
        if (expectedLength < 0) return LARGE;
        if (expectedLength <= small) return ByteSource.WHOLE;
        return expectedLength > LARGE ? LARGE : small;
    }

    /** The large piece size of this JVM's heap. */
    static int large() { return LARGE; }

    /** True for the large piece size of this JVM's heap. */
    static boolean isLarge(int pieceSize) { return pieceSize == LARGE; }

    /** The small piece size: {@link MediaRepository#PIECE_PROPERTY} KiB, 256 by default. */
    static int small() {
        int kib = Integer.getInteger(MediaRepository.PIECE_PROPERTY, 256);
        if (kib < 1 || Integer.bitCount(kib) != 1 || kib > 1 << 20) {
            throw new IllegalArgumentException(MediaRepository.PIECE_PROPERTY + " must be a power of two from 1 to 1048576, not " + kib);
        }
        return kib << 10;
    }

    /** The large piece size on a heap of at most {@code maxHeap} bytes. */
    static int large(long maxHeap) {
        return Math.max(LARGE_MIN, g1RegionSize(maxHeap)) - HEADER_ROOM;
    }

    /** The region size G1 chooses for a heap of at most {@code maxHeap} bytes when none is given (JDK 17). */
    static int g1RegionSize(long maxHeap) {
        long size = Math.max(MIN_REGION, Math.min(MAX_REGION, maxHeap / TARGET_REGIONS));
        return (int) Math.min(MAX_REGION, Long.highestOneBit(size - 1) << 1);
    }
}
