package dev.bufferdeck.format;

import dev.bufferdeck.repository.ByteSource;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expected texts were printed by util-linux 2.38.1 {@code hexdump -C} for the same bytes. */
class HexDumpFormatterTest {
    private static final ByteSource HELLO = ByteSource.of(
            "Hello world, this is a test of hexdump!\n".getBytes(StandardCharsets.US_ASCII));

    @Test
    void wholeBufferWithAPartialLastRowAndTheEndOffset() {
        assertEquals("""
                00000000  48 65 6c 6c 6f 20 77 6f  72 6c 64 2c 20 74 68 69  |Hello world, thi|
                00000010  73 20 69 73 20 61 20 74  65 73 74 20 6f 66 20 68  |s is a test of h|
                00000020  65 78 64 75 6d 70 21 0a                           |exdump!.|
                00000028
                """, HexDumpFormatter.dump(HELLO, 0, -1));
    }

    @Test
    void offsetsAreAbsoluteAndRowsStartAtTheOffset() {
        assertEquals("""
                00000005  20 77 6f 72 6c 64 2c 20  74 68                    | world, th|
                0000000f
                """, HexDumpFormatter.dump(HELLO, 5, 10));
    }

    @Test
    void oneByteRowKeepsTheColumnsAligned() {
        assertEquals("""
                00000000  48                                                |H|
                00000001
                """, HexDumpFormatter.dump(HELLO, 0, 1));
    }

    @Test
    void anOffsetAtOrPastTheEndPrintsOnlyTheEndOffset() {
        assertEquals("00000028\n", HexDumpFormatter.dump(HELLO, 40, -1));
        assertEquals("00000028\n", HexDumpFormatter.dump(HELLO, 100, -1));
        assertEquals("00000028\n", HexDumpFormatter.dump(HELLO, 0x200000000L, 5));
    }

    @Test
    void aZeroLengthOrAnEmptyBufferPrintsNothing() {
        assertEquals("", HexDumpFormatter.dump(HELLO, 0, 0));
        assertEquals("", HexDumpFormatter.dump(HELLO, 16, 0));
        assertEquals("", HexDumpFormatter.dump(ByteSource.of(new byte[0]), 0, -1));
        assertEquals("", HexDumpFormatter.dump(ByteSource.of(new byte[0]), 5, -1));
    }

    @Test
    void repeatedRowsBecomeOneStarAndAPartialLastRowIsNeverSqueezed() {
        ByteSource zeros = ByteSource.of(new byte[100]);
        assertEquals("""
                00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
                *
                00000060  00 00 00 00                                       |....|
                00000064
                """, HexDumpFormatter.dump(zeros, 0, -1));
        assertEquals("""
                00000003  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
                *
                00000023  00 00 00 00 00 00 00 00                           |........|
                0000002b
                """, HexDumpFormatter.dump(zeros, 3, 40));
        assertEquals("""
                00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
                *
                00000020
                """, HexDumpFormatter.dump(zeros, 0, 32));
    }

    @Test
    void aStarEndsWhenARowDiffersAndComesBackForTheNextRun() {
        byte[] bytes = new byte[112];
        java.util.Arrays.fill(bytes, 16, 32, (byte) 'a');
        java.util.Arrays.fill(bytes, 80, 112, (byte) 'a');
        assertEquals("""
                00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
                00000010  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 61  |aaaaaaaaaaaaaaaa|
                00000020  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
                *
                00000050  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 61  |aaaaaaaaaaaaaaaa|
                *
                00000070
                """, HexDumpFormatter.dump(ByteSource.of(bytes), 0, -1));
    }

    @Test
    void onlyPrintableAsciiShowsInTheTextColumn() {
        ByteSource b = ByteSource.of(new byte[] {0x7F, (byte) 0x80, (byte) 0xFF, 0x1F, 0x20, 0x7E});
        assertEquals("""
                00000000  7f 80 ff 1f 20 7e                                 |.... ~|
                00000006
                """, HexDumpFormatter.dump(b, 0, -1));
    }

    @Test
    void aSingleRowForTheGuiHasNoLineBreak() {
        assertEquals("00000010  73 20 69 73 20 61 20 74  65 73 74 20 6f 66 20 68  |s is a test of h|",
                HexDumpFormatter.row(16, HELLO, 16, 16));
        assertEquals("100000000  48                                                |H|",
                HexDumpFormatter.row(0x100000000L, HELLO, 0, 1));
    }

    @Test
    void negativeArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> HexDumpFormatter.dump(HELLO, -1, -1));
        assertThrows(IllegalArgumentException.class, () -> HexDumpFormatter.dump(HELLO, 0, -2));
    }
}
