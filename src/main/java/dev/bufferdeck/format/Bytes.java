package dev.bufferdeck.format;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reads at absolute indexes of a buffer. Reads past the limit answer -1 or false
 * instead of throwing, so parsers of hostile input stay simple.
 */
public final class Bytes {
    private Bytes() {}

    public static int u8(ByteBuffer b, int at) {
        return at >= 0 && at < b.limit() ? b.get(at) & 0xFF : -1;
    }

    public static int be16(ByteBuffer b, int at) {
        return fits(b, at, 2) ? (b.get(at) & 0xFF) << 8 | (b.get(at + 1) & 0xFF) : -1;
    }

    public static int be24(ByteBuffer b, int at) {
        return fits(b, at, 3) ? (b.get(at) & 0xFF) << 16 | (b.get(at + 1) & 0xFF) << 8 | (b.get(at + 2) & 0xFF) : -1;
    }

    /** Unsigned big-endian 32-bit value, or -1. */
    public static long be32(ByteBuffer b, int at) {
        if (!fits(b, at, 4)) return -1;
        return ((long) (b.get(at) & 0xFF) << 24) | (b.get(at + 1) & 0xFF) << 16
                | (b.get(at + 2) & 0xFF) << 8 | (b.get(at + 3) & 0xFF);
    }

    /** Unsigned little-endian 32-bit value, or -1. */
    public static long le32(ByteBuffer b, int at) {
        if (!fits(b, at, 4)) return -1;
        return ((long) (b.get(at + 3) & 0xFF) << 24) | (b.get(at + 2) & 0xFF) << 16
                | (b.get(at + 1) & 0xFF) << 8 | (b.get(at) & 0xFF);
    }

    /** True when {@code length} bytes from {@code at} lie inside the buffer. */
    public static boolean fits(ByteBuffer b, long at, long length) {
        return at >= 0 && length >= 0 && at + length <= b.limit();
    }

    /** True when the ASCII text {@code magic} is at {@code at}. */
    public static boolean ascii(ByteBuffer b, int at, String magic) {
        if (!fits(b, at, magic.length())) return false;
        for (int i = 0; i < magic.length(); i++) {
            if ((b.get(at + i) & 0xFF) != magic.charAt(i)) return false;
        }
        return true;
    }

    /** True when the bytes {@code magic} are at {@code at}. */
    public static boolean matches(ByteBuffer b, int at, int... magic) {
        if (!fits(b, at, magic.length)) return false;
        for (int i = 0; i < magic.length; i++) {
            if ((b.get(at + i) & 0xFF) != magic[i]) return false;
        }
        return true;
    }

    /** ISO-8859-1 text of {@code length} bytes at {@code at}; the caller checked the range. */
    public static String latin1(ByteBuffer b, int at, int length) {
        return decode(b, at, length, StandardCharsets.ISO_8859_1);
    }

    /** UTF-8 text (malformed bytes replaced) of {@code length} bytes at {@code at}; the caller checked the range. */
    public static String utf8(ByteBuffer b, int at, int length) {
        return decode(b, at, length, StandardCharsets.UTF_8);
    }

    public static String decode(ByteBuffer b, int at, int length, Charset charset) {
        ByteBuffer slice = b.duplicate();
        slice.limit(at + length).position(at);
        return charset.decode(slice).toString();
    }

    /** A read-only view of {@code length} bytes at {@code at}, sharing the bytes; the caller checked the range. */
    public static ByteBuffer slice(ByteBuffer b, int at, int length) {
        ByteBuffer view = b.duplicate();
        view.limit(at + length).position(at);
        return view.slice().asReadOnlyBuffer();
    }
}
