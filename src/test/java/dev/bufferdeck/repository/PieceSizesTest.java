package dev.bufferdeck.repository;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A body is held in one array, in small pieces in the heap, or outside it, by its length. */
class PieceSizesTest {
    @Test
    void aBodyIsHeldInOneArrayInSmallPiecesOrOutsideTheHeapByItsLength() {
        int small = PieceSizes.small();
        int offHeap = PieceSizes.OFF_HEAP;
        assertEquals(offHeap, PieceSizes.forLength(-1), "unknown: pieces outside the heap");
        assertEquals(ByteSource.WHOLE, PieceSizes.forLength(0));
        assertEquals(ByteSource.WHOLE, PieceSizes.forLength(small));
        assertEquals(small, PieceSizes.forLength(small + 1L));
        assertEquals(small, PieceSizes.forLength(offHeap));
        assertEquals(offHeap, PieceSizes.forLength(offHeap + 1L));
        assertEquals(offHeap, PieceSizes.forLength(MediaRepository.MAX_BUFFER_SIZE));
        assertTrue(PieceSizes.isOffHeap(offHeap));
        assertFalse(PieceSizes.isOffHeap(small));
        assertEquals(1, Integer.bitCount(offHeap), "a power of two: an index finds its piece by a shift");
    }
}
