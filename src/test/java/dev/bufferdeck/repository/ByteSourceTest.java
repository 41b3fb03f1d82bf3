package dev.bufferdeck.repository;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads over pieces answer as {@link ByteBuffer}'s absolute reads over the same bytes in one array. */
class ByteSourceTest {
    private static final int SHIFT = 4; // 16-byte pieces: every multi-byte read below crosses one

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 37 + 11);
        return b;
    }

    private static ByteSource pieced(byte[] all) {
        return pieced(all, 1 << SHIFT);
    }

    private static ByteSource pieced(byte[] all, int pieceSize) {
        int count = (all.length + pieceSize - 1) / pieceSize;
        byte[][] pieces = new byte[count][];
        for (int i = 0; i < count; i++) {
            pieces[i] = java.util.Arrays.copyOfRange(all, i * pieceSize, Math.min(all.length, (i + 1) * pieceSize));
        }
        return ByteSource.pieces(pieces, pieceSize, all.length);
    }

    @Test
    void everyReadMatchesAByteBufferOverTheSameBytes() {
        everyReadMatchesAByteBuffer(pieced(bytes(100)));
    }

    @Test
    void piecesOutsideTheHeapReadAsTheSameBytes() {
        byte[] all = bytes(100);
        int pieceSize = 1 << SHIFT;
        ByteBuffer[] pieces = new ByteBuffer[(all.length + pieceSize - 1) / pieceSize];
        for (int i = 0; i < pieces.length; i++) {
            int from = i * pieceSize, n = Math.min(pieceSize, all.length - from);
            pieces[i] = ByteBuffer.allocateDirect(n).put(0, all, from, n);
        }
        ByteSource s = ByteSource.pieces(pieces, pieceSize, all.length);
        everyReadMatchesAByteBuffer(s);
        ByteBuffer inOne = s.region(17, 10);
        assertTrue(inOne.isDirect(), "a region inside one piece is shared");
        assertEquals(all[17], inOne.get(0));
        assertEquals(all[26], inOne.get(9));
    }

    @Test
    void piecesOfALengthThatIsNoPowerOfTwoAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> pieced(bytes(100), 13));
    }

    private static void everyReadMatchesAByteBuffer(ByteSource s) {
        byte[] all = new byte[s.limit()];
        s.get(0, all);
        assertArrayEquals(bytes(all.length), all);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            ByteBuffer b = ByteBuffer.wrap(all).order(order);
            ByteSource o = s.order(order);
            for (int i = 0; i < 100; i++) assertEquals(b.get(i), o.get(i));
            for (int i = 0; i + 2 <= 100; i++) assertEquals(b.getShort(i), o.getShort(i), "short at " + i);
            for (int i = 0; i + 4 <= 100; i++) assertEquals(b.getInt(i), o.getInt(i), "int at " + i);
            for (int i = 0; i + 8 <= 100; i++) assertEquals(b.getLong(i), o.getLong(i), "long at " + i);
        }
        byte[] out = new byte[40];
        s.get(13, out, 0, 40);
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 13, 53), out);
    }

    @Test
    void aSliceAcrossPiecesReadsFromItsStartAndStopsAtItsEnd() {
        byte[] all = bytes(100);
        ByteSource slice = pieced(all).slice(30, 25);
        assertEquals(25, slice.limit());
        assertFalse(slice.isContiguous());
        for (int i = 0; i < 25; i++) assertEquals(all[30 + i], slice.get(i));
        assertThrows(IndexOutOfBoundsException.class, () -> slice.get(25));
        assertThrows(IndexOutOfBoundsException.class, () -> slice.getInt(23));
        assertTrue(slice.slice(3, 10).isContiguous(), "bytes 33..43 lie in one piece");
    }

    @Test
    void aRegionIsSharedInsideOnePieceAndCopiedAcrossTwo() {
        byte[] all = bytes(100);
        ByteSource s = pieced(all);
        ByteBuffer inside = s.region(17, 10);
        ByteBuffer across = s.region(10, 20);
        assertTrue(inside.isReadOnly() && across.isReadOnly());
        assertEquals(0, inside.position());
        assertEquals(10, inside.remaining());
        byte[] a = new byte[10];
        inside.get(a);
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 17, 27), a);
        byte[] b = new byte[20];
        across.get(b);
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 10, 30), b);
    }

    @Test
    void aByteBufferViewStartsAtItsPosition() {
        byte[] all = bytes(50);
        ByteSource s = ByteSource.of(ByteBuffer.wrap(all, 5, 20));
        assertEquals(20, s.limit());
        assertEquals(all[5], s.get(0));
        assertTrue(s.isContiguous());
    }

    @Test
    void aHeadAndATailReadInPlaceAndTheGapBetweenIsNotMadeUp() {
        byte[] file = new byte[1_000_000];
        for (int i = 0; i < file.length; i++) file[i] = (byte) (i * 31 + 7);
        byte[] head = java.util.Arrays.copyOf(file, 70_000);
        byte[] tail = java.util.Arrays.copyOfRange(file, file.length - 100_000, file.length);
        ByteSource s = ByteSource.headAndTail(head, tail, file.length);
        assertEquals(file.length, s.limit());
        for (int i = 0; i < head.length; i++) assertEquals(file[i], s.get(i));
        for (int i = file.length - tail.length; i < file.length; i++) assertEquals(file[i], s.get(i));
        assertEquals(ByteBuffer.wrap(file).getInt(65_534), s.getInt(65_534), "a read across two pieces of the head");
        assertThrows(RuntimeException.class, () -> s.get(500_000), "a byte that was not read is absent");
    }
}
