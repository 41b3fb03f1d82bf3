package dev.bufferdeck.format.regions;

import dev.bufferdeck.format.Bytes;
import dev.bufferdeck.format.Id3v2Header;

import dev.bufferdeck.repository.ByteSource;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * One buffer read at long offsets for the region parsers, bounds-checked: reads past the end return
 * -1 or "", and a hostile 64-bit size cannot wrap into the buffer. The static {@link Bytes}
 * does the same checks at int indexes of any buffer.
 */
final class ByteReader {
    private final ByteSource buf;
    private final int size;

    ByteReader(ByteSource buf) {
        this.buf = buf;
        this.size = buf.limit();
    }

    int size() { return size; }

    /** The buffer itself, for the shared indexes that read it directly. */
    ByteSource buffer() { return buf; }

    boolean has(long offset, long length) {
        return Bytes.fits(buf, offset, length);
    }

    /** Offsets a hostile size pushed past int range must not wrap around into the buffer. */
    private static int at(long offset) {
        return offset < 0 || offset > Integer.MAX_VALUE ? -1 : (int) offset;
    }

    int u8(long o) { return Bytes.u8(buf, at(o)); }
    int u16be(long o) { return Bytes.be16(buf, at(o)); }
    int u16le(long o) { return has(o, 2) ? u8(o) | (u8(o + 1) << 8) : -1; }
    int u24be(long o) { return Bytes.be24(buf, at(o)); }
    long u32be(long o) { return Bytes.be32(buf, at(o)); }
    long u32le(long o) { return Bytes.le32(buf, at(o)); }

    long u64le(long o) {
        if (!has(o, 8)) return -1;
        return u32le(o) | (u32le(o + 4) << 32);
    }

    long u64be(long o) {
        if (!has(o, 8)) return -1;
        return (u32be(o) << 32) | u32be(o + 4);
    }

    /** ID3v2 syncsafe 28-bit integer, or -1 when a byte has its top bit set. */
    long syncsafe(long o) { return Id3v2Header.syncsafe(buf, at(o)); }

    boolean matches(long offset, String ascii) {
        return Bytes.ascii(buf, at(offset), ascii);
    }

    /** Four printable ASCII characters (a chunk or box type), or null. */
    String fourCC(long o) {
        if (!has(o, 4)) return null;
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int b = u8(o + i);
            if ((b < 0x20 || b > 0x7E) && b != 0xA9) return null;
            c[i] = (char) b;
        }
        return new String(c);
    }

    /** Decodes at most {@code max} bytes of text; the length is clamped to the buffer. */
    String text(long o, long length, Charset cs, int max) {
        if (o < 0 || o >= size || length <= 0) return "";
        int n = (int) Math.min(Math.min(length, size - o), max);
        byte[] b = new byte[n];
        buf.get((int) o, b, 0, n);
        return cs.decode(ByteBuffer.wrap(b)).toString();
    }

    String ascii(long o, long length) {
        return text(o, length, StandardCharsets.ISO_8859_1, 256);
    }

    /** Position of the first 0 byte at or after {@code o} and before {@code end}, or -1. */
    long indexOfZero(long o, long end) {
        long stop = Math.min(end, size);
        for (long i = Math.max(0, o); i < stop; i++) if (u8(i) == 0) return i;
        return -1;
    }

    ByteSource slice(long o, long length) {
        return buf.slice((int) o, (int) length);
    }
}
