package dev.bufferdeck.audio.decode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes WAV, AIFF/AIFC and AU files around raw sample bytes, for tests. */
final class PcmFileWriter {
    private PcmFileWriter() {}

    /** @param formatCode 1 PCM, 3 float, 6 A-law, 7 µ-law; {@code extensible} wraps it in WAVE_FORMAT_EXTENSIBLE */
    static byte[] wav(int formatCode, boolean extensible, int channels, int rate, int bits, byte[] data) {
        int blockAlign = channels * ((bits + 7) / 8);
        int fmtSize = extensible ? 40 : 16;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtSize + 8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(b.capacity() - 8).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(fmtSize).putShort((short) (extensible ? 0xFFFE : formatCode)).putShort((short) channels)
                .putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(channels == 1 ? 4 : 3).putShort((short) formatCode)
                    .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        b.put(ascii("data")).putInt(data.length).put(data);
        return b.array();
    }

    /** @param compression null for plain AIFF, else the AIFC compression type ("sowt", "fl32", "ulaw", ...) */
    static byte[] aiff(String compression, int channels, int rate, int bits, int frames, byte[] data) {
        boolean aifc = compression != null;
        int commSize = aifc ? 18 + 4 + 2 : 18;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + commSize + 8 + 8 + data.length + 1).order(ByteOrder.BIG_ENDIAN);
        b.put(ascii("FORM")).putInt(0).put(ascii(aifc ? "AIFC" : "AIFF"));
        b.put(ascii("COMM")).putInt(commSize).putShort((short) channels).putInt(frames).putShort((short) bits)
                .put(extended(rate));
        if (aifc) b.put(ascii(compression)).put((byte) 0).put((byte) 0);
        b.put(ascii("SSND")).putInt(8 + data.length).putInt(0).putInt(0).put(data);
        if ((data.length & 1) == 1) b.put((byte) 0);
        b.putInt(4, b.position() - 8);
        out.write(b.array(), 0, b.position());
        return out.toByteArray();
    }

    static byte[] au(int encoding, int channels, int rate, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(24 + data.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0x2E736E64).putInt(24).putInt(data.length).putInt(encoding).putInt(rate).putInt(channels).put(data);
        return b.array();
    }

    private static byte[] extended(int rate) {
        int exponent = 63 - Long.numberOfLeadingZeros(rate);
        long mantissa = (long) rate << (63 - exponent);
        return ByteBuffer.allocate(10).putShort((short) (16383 + exponent)).putLong(mantissa).array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
