package dev.bufferdeck.audio.decode;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.format.mp4.Mp4Box;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** The damaged M4A files the issue names each give one clear sentence, after playing what is there. */
class DamagedM4aTest {

    @Test
    void truncatedMdatPlaysWhatIsThereThenSaysWhereItStops() throws Exception {
        byte[] good = TestBuffers.resource("aac-seek-22k-6s.m4a"); // moov before mdat
        byte[] cut = Arrays.copyOf(good, good.length / 2);
        try (PcmDecoder d = Decoders.open(TestBuffers.of(cut, "cut.m4a"))) {
            assertEquals(6 * 22050, d.totalFrames(), "the tables still say 6 s");
            IOException e = assertThrows(IOException.class, () -> TestBuffers.readAll(d));
            assertTrue(e.getMessage().matches("cut\\.m4a is truncated: its audio stops at 0:0[23] of 0:06"), e.getMessage());
            assertTrue(d.framePosition() > 2 * 22050, "played up to the cut: " + d.framePosition());
        }
    }

    @Test
    void missingMoovIsRefusedWithOneSentence() {
        byte[] good = TestBuffers.resource("aac-lc-44k-mono.m4a"); // moov after mdat
        byte[] cut = Arrays.copyOf(good, (int) Mp4Box.top(ByteSource.of(good), "moov").offset());
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class,
                () -> Decoders.open(TestBuffers.of(cut, "nomoov.m4a")));
        assertEquals("nomoov.m4a: the 'moov' box is missing, so nothing says where the samples are.", e.getMessage());
    }

    @Test
    void sampleTablesPointingPastTheEndAreRefused() {
        byte[] bad = TestBuffers.resource("aac-seek-22k-6s.m4a");
        int stco = indexOf(bad, "stco");
        // the one chunk offset, moved far past the end of the file
        bad[stco + 12] = 0x7F;
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class,
                () -> Decoders.open(TestBuffers.of(bad, "past.m4a")));
        assertEquals("past.m4a is corrupt: the sample tables point past the end of the file; no AAC frame is in it",
                e.getMessage());
    }

    @Test
    void alacIsNamedNotCalledNotAudio() {
        byte[] alac = TestBuffers.resource("aac-lc-44k-mono.m4a");
        int entry = indexOf(alac, "mp4a");
        System.arraycopy("alac".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, alac, entry, 4);
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class,
                () -> Decoders.open(TestBuffers.of(alac, "lossless.m4a")));
        assertEquals("lossless.m4a: ALAC (Apple Lossless) is not supported.", e.getMessage());
    }

    private static int indexOf(byte[] bytes, String ascii) {
        outer:
        for (int i = 0; i + 4 <= bytes.length; i++) {
            for (int k = 0; k < 4; k++) if (bytes[i + k] != ascii.charAt(k)) continue outer;
            return i;
        }
        throw new AssertionError(ascii + " not found");
    }
}
