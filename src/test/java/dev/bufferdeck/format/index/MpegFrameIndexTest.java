package dev.bufferdeck.format.index;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.format.MpegAudioHeader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class MpegFrameIndexTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = MpegFrameIndexTest.class.getResourceAsStream("/dev/bufferdeck/audio/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void listsEveryAudioFrameButNotTheInfoFrame() throws Exception {
        byte[] mp3 = resource("mp3-cbr-44k-mono.mp3");
        MpegFrameIndex index = MpegFrameIndex.build(ByteSource.of(mp3));
        assertEquals("Info", index.xing().tag());
        assertEquals(index.xing().frames(), index.frameCount());
        assertTrue(index.xing().hasGaplessInfo());
        assertEquals(576, index.xing().encoderDelay());
        for (int i = 0; i < index.frameCount(); i++) {
            MpegAudioHeader h = MpegAudioHeader.parseLayer3(ByteSource.of(mp3), index.frameOffset(i));
            assertNotNull(h, "frame " + i);
            if (i > 0) assertEquals(index.frameOffset(i - 1) + MpegAudioHeader.parseLayer3(ByteSource.of(mp3), index.frameOffset(i - 1)).frameLength(), index.frameOffset(i));
        }
        assertEquals(17640, index.playableSamples());
        assertEquals(576 + 529, index.leadingTrim());
    }

    @Test
    void skipsJunkBetweenFramesAndATrailingId3v1Tag() throws Exception {
        byte[] mp3 = resource("mp3-cbr-44k-mono.mp3");
        MpegFrameIndex clean = MpegFrameIndex.build(ByteSource.of(mp3));
        int cut = clean.frameOffset(7);
        byte[] junk = new byte[333];
        Arrays.fill(junk, (byte) 0x55);
        byte[] tag = new byte[128];
        tag[0] = 'T';
        tag[1] = 'A';
        tag[2] = 'G';
        byte[] damaged = concat(Arrays.copyOf(mp3, cut), junk, Arrays.copyOfRange(mp3, cut, mp3.length), tag);
        MpegFrameIndex index = MpegFrameIndex.build(ByteSource.of(damaged));
        assertEquals(clean.frameCount(), index.frameCount());
        assertEquals(cut + junk.length, index.frameOffset(7));
        assertEquals(damaged.length - tag.length, index.audioEnd());
    }

    @Test
    void notMpegGivesAnEmptyIndex() {
        byte[] text = "just some text, no frames at all".repeat(100).getBytes();
        assertTrue(MpegFrameIndex.build(ByteSource.of(text)).isEmpty());
        assertEquals(-1, MpegFrameIndex.findFirstFrame(ByteSource.of(text), 0));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
