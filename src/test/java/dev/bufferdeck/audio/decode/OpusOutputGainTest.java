package dev.bufferdeck.audio.decode;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.format.index.OggPageIndex;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** RFC 7845 §5.1: players must apply the OpusHead output gain (Q7.8 dB) to what they decode. */
class OpusOutputGainTest {

    /** The file with its OpusHead output gain set to {@code q78} and the first page's CRC made right again. */
    static byte[] withOutputGain(byte[] opus, int q78) {
        byte[] b = opus.clone();
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int segments = b[26] & 0xFF;
        int packet = 27 + segments;
        assertEquals("OpusHead", new String(b, packet, 8, StandardCharsets.US_ASCII));
        le.putShort(packet + 16, (short) q78);
        int length = packet;
        for (int i = 0; i < segments; i++) length += b[27 + i] & 0xFF;
        le.putInt(22, 0);
        le.putInt(22, crc(b, length));
        return b;
    }

    /** The Ogg page CRC (polynomial 0x04C11DB7, no reflection, zero initial value, CRC field zeroed). */
    static int crc(byte[] b, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= (b[i] & 0xFF) << 24;
            for (int k = 0; k < 8; k++) crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }
        return crc;
    }

    private static double rms(short[] s) {
        double sum = 0;
        for (short v : s) sum += (double) v * v;
        return Math.sqrt(sum / s.length);
    }

    private static short[] decode(byte[] file) throws Exception {
        try (PcmDecoder d = Decoders.open(TestBuffers.of(file, "gain.opus"))) {
            return TestBuffers.s16(TestBuffers.readAll(d));
        }
    }

    @Test
    void theHeadersOutputGainScalesTheDecodedSamples() throws Exception {
        byte[] original = TestBuffers.resource("opus-48k-stereo.opus");
        short[] plain = decode(original);
        for (double db : new double[] {-6, -12.5, 3}) {
            byte[] patched = withOutputGain(original, (int) Math.round(db * 256));
            ByteSource bytes = ByteSource.of(patched);
            assertTrue(OggPageIndex.crcMatches(bytes, 0, OggPageIndex.build(bytes).pageLength(0)), "the page CRC is right");
            short[] gained = decode(patched);
            assertEquals(plain.length, gained.length);
            double ratio = rms(gained) / rms(plain);
            assertEquals(Math.pow(10, db / 20), ratio, Math.pow(10, db / 20) * 0.01, db + " dB: RMS ratio " + ratio);
        }
    }
}
