package dev.bufferdeck.format;

import dev.bufferdeck.repository.ByteSource;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reads at absolute indexes of a buffer. Reads past the limit answer -1 or false
 * instead of throwing, so parsers of hostile input stay simple.
 */
public final class Bytes {
    private Bytes() {}

    public static int u8(ByteSource b, int at) {
        return at >= 0 && at < b.limit() ? b.get(at) & 0xFF : -1;
    }

    public static int be16(ByteSource b, int at) {
        return fits(b, at, 2) ? (b.get(at) & 0xFF) << 8 | (b.get(at + 1) & 0xFF) : -1;
    }

    public static int be24(ByteSource b, int at) {
        return fits(b, at, 3) ? (b.get(at) & 0xFF) << 16 | (b.get(at + 1) & 0xFF) << 8 | (b.get(at + 2) & 0xFF) : -1;
    }

    /** Unsigned big-endian 32-bit value, or -1. */
    public static long be32(ByteSource b, int at) {
        if (!fits(b, at, 4)) return -1;
        return ((long) (b.get(at) & 0xFF) << 24) | (b.get(at + 1) & 0xFF) << 16
                | (b.get(at + 2) & 0xFF) << 8 | (b.get(at + 3) & 0xFF);
    }

    /** Unsigned little-endian 32-bit value, or -1. */
    public static long le32(ByteSource b, int at) {
        if (!fits(b, at, 4)) return -1;
        return ((long) (b.get(at + 3) & 0xFF) << 24) | (b.get(at + 2) & 0xFF) << 16
                | (b.get(at + 1) & 0xFF) << 8 | (b.get(at) & 0xFF);
    }

    /** True when {@code length} bytes from {@code at} lie inside the buffer. */
    public static boolean fits(ByteSource b, long at, long length) {
        return at >= 0 && length >= 0 && at + length <= b.limit();
    }

    /** True when the ASCII text {@code magic} is at {@code at}. */
    public static boolean ascii(ByteSource b, int at, String magic) {
        if (!fits(b, at, magic.length())) return false;
        for (int i = 0; i < magic.length(); i++) {
            if ((b.get(at + i) & 0xFF) != magic.charAt(i)) return false;
        }
        return true;
    }

    /** True when the bytes {@code magic} are at {@code at}. */
    public static boolean matches(ByteSource b, int at, int... magic) {
        if (!fits(b, at, magic.length)) return false;
        for (int i = 0; i < magic.length; i++) {
            if ((b.get(at + i) & 0xFF) != magic[i]) return false;
        }
        return true;
    }

    /** ISO-8859-1 text of {@code length} bytes at {@code at}; the caller checked the range. */
    public static String latin1(ByteSource b, int at, int length) {
        return decode(b, at, length, StandardCharsets.ISO_8859_1);
    }

    /** UTF-8 text (malformed bytes replaced) of {@code length} bytes at {@code at}; the caller checked the range. */
    public static String utf8(ByteSource b, int at, int length) {
        return decode(b, at, length, StandardCharsets.UTF_8);
    }

    public static String decode(ByteSource b, int at, int length, Charset charset) {
        return charset.decode(b.region(at, length)).toString();
    }

    /**
     * A read-only buffer of {@code length} bytes at {@code at} (a picture, a codec configuration):
     * shared with the media buffer unless it spans two of its pieces; the caller checked the range.
     */
    public static ByteBuffer slice(ByteSource b, int at, int length) {
        return b.region(at, length);
    }
}
