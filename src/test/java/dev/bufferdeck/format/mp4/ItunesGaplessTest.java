package dev.bufferdeck.format.mp4;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ItunesGaplessTest {
    @Test
    void readsDelayPaddingAndLengthInHex() {
        assertEquals(new ItunesGapless(0x840, 0x1CA, 0xE1A1E),
                ItunesGapless.parse(" 00000000 00000840 000001CA 00000000000E1A1E 00000000 00000000"));
    }

    @Test
    void somethingElseIsNotBelieved() {
        assertNull(ItunesGapless.parse("garbage"));
        assertNull(ItunesGapless.parse(" 00000000 zz 000001CA 00000000000E1A1E"));
        assertNull(ItunesGapless.parse(" 00000000 00000840 000001CA 0000000000000000"));
    }
}
