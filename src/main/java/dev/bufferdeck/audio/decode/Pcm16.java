package dev.bufferdeck.audio.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** 16-bit samples as the little-endian bytes our decoders hand out. */
final class Pcm16 {
    /** One 16-bit store per sample instead of two byte stores. */
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private Pcm16() {}

    /** Writes {@code count} samples from {@code src[from]} into {@code dst} at {@code off}, low byte first. */
    static void putLittleEndian(short[] src, int from, int count, byte[] dst, int off) {
        for (int i = from, n = from + count; i < n; i++, off += 2) {
            SHORT_LE.set(dst, off, src[i]);
        }
    }
}
