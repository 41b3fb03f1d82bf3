package dev.bufferdeck.audio.decode;

/** 16-bit samples as the little-endian bytes our decoders hand out. */
final class Pcm16 {
    private Pcm16() {}

    /** Writes {@code count} samples from {@code src[from]} into {@code dst} at {@code off}, low byte first. */
    static void putLittleEndian(short[] src, int from, int count, byte[] dst, int off) {
        for (int i = from, n = from + count; i < n; i++) {
            short s = src[i];
            dst[off++] = (byte) s;
            dst[off++] = (byte) (s >> 8);
        }
    }
}
