package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class Mp3DecoderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "mp3-cbr-44k-mono, 17640, 44100, 1",   // LAME tag: 0.4 s exactly
            "mp3-vbr-22k-mono, 17640, 22050, 1",   // MPEG-2, VBR, LAME tag: 0.8 s
            "mp3-vbr-32k-stereo, 9600, 32000, 2",  // LAME tag: 0.3 s
            "mp3-cbr-8k-mono, 9216, 8000, 1",      // MPEG-2.5: the Xing frame is too small for a LAME tag, so 16 whole frames
            "mp3-notag-22k-mono, 19008, 22050, 1", // lame -t: no Xing/LAME frame, 33 whole frames
    })
    void decodesToTheEncodersLengthAndMatchesFfmpeg(String name, long frames, int rate, int channels) throws Exception {
        short[] reference = TestBuffers.s16(TestBuffers.resource(name + ".ffmpeg.s16le"));
        assertEquals(frames * channels, reference.length, "the reference itself");
        try (PcmDecoder d = Decoders.open(TestBuffers.resourceBuffer(name + ".mp3"))) {
            assertEquals(rate, d.format().getSampleRate());
            assertEquals(channels, d.format().getChannels());
            assertEquals(16, d.format().getSampleSizeInBits());
            assertEquals(frames, d.totalFrames());
            short[] decoded = TestBuffers.s16(TestBuffers.readAll(d));
            assertEquals(reference.length, decoded.length);
            double snr = LossyCompare.snr(reference, decoded);
            assertTrue(snr >= 50, name + ": SNR against ffmpeg " + snr + " dB");
        }
    }

    @Test
    void aLargeId3CoverInFrontChangesNothing() throws Exception {
        byte[] mp3 = TestBuffers.resource("mp3-vbr-22k-mono.mp3");
        byte[] tagged = concat(id3v2WithCover(600_000), mp3);
        try (PcmDecoder plain = Decoders.open(TestBuffers.of(mp3, "plain.mp3"));
             PcmDecoder withCover = Decoders.open(TestBuffers.of(tagged, "cover.mp3"))) {
            assertEquals(plain.totalFrames(), withCover.totalFrames());
            assertArrayEquals(TestBuffers.readAll(plain), TestBuffers.readAll(withCover));
        }
    }

    @Test
    void seeksLandWithinOneMillisecondOfTheTarget() throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer("mp3-seek-16k-6s.mp3");
        short[] whole;
        long total;
        try (PcmDecoder d = Decoders.open(buffer)) {
            whole = TestBuffers.s16(TestBuffers.readAll(d));
            total = d.totalFrames();
            assertEquals(total, whole.length);
        }
        try (PcmDecoder d = Decoders.open(buffer)) {
            int oneMs = (int) d.format().getSampleRate() / 1000;
            for (long target : new long[] {total / 2, 1, 0, total * 3 / 4, 12_345, total - 2000, 575, 576 * 11 + 3}) {
                d.seekToFrame(target);
                assertEquals(target, d.framePosition());
                short[] got = TestBuffers.s16(TestBuffers.read(d, 1500));
                assertEquals(Math.min(1500, total - target), got.length, "frames after seeking to " + target);
                double[] best = LossyCompare.bestAlignment(whole, (int) target, got, 1, oneMs);
                assertEquals(0, best[0], 0, "offset in frames after seeking to " + target);
                assertTrue(best[1] >= 40, "SNR " + best[1] + " dB after seeking to " + target);
            }
            d.seekToFrame(total);
            assertEquals(-1, d.read(new byte[64], 0, 64));
        }
    }

    @Test
    void aSeekReadsOnlyFramesNearItsTarget() throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer("mp3-seek-16k-6s.mp3");
        try (Mp3Decoder d = (Mp3Decoder) Decoders.open(buffer)) {
            long before = d.bytesRead();
            d.seekToFrame(d.totalFrames() * 9 / 10);
            TestBuffers.read(d, 100);
            long read = d.bytesRead() - before;
            // 10 frames of pre-roll at 24 kbps are about 860 bytes; JLayer reads ahead up to 8 KiB more.
            assertTrue(read < buffer.size() / 2, "a seek to 90% read " + read + " of " + buffer.size() + " bytes");
        }
    }

    static byte[] id3v2WithCover(int coverBytes) {
        byte[] cover = new byte[coverBytes];
        new Random(1).nextBytes(cover);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        byte[] head = "\0image/jpeg\0\3\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int size = head.length + cover.length;
        frame.writeBytes("APIC".getBytes());
        frame.writeBytes(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size, 0, 0});
        frame.writeBytes(head);
        frame.writeBytes(cover);
        int tagSize = frame.size();
        ByteArrayOutputStream tag = new ByteArrayOutputStream();
        tag.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0,
                (byte) ((tagSize >> 21) & 0x7F), (byte) ((tagSize >> 14) & 0x7F), (byte) ((tagSize >> 7) & 0x7F), (byte) (tagSize & 0x7F)});
        tag.writeBytes(frame.toByteArray());
        return tag.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
