package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.UnsupportedMediaException;

import dev.bufferdeck.repository.ByteSource;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Bounds-checked reads of header fields; a read past the end is a readable "truncated" error. */
final class HeaderReader {
    private final ByteSource bytes;
    private final String what;

    HeaderReader(ByteSource bytes, ByteOrder order, String what) {
        this.bytes = bytes.duplicate().order(order);
        this.what = what;
    }

    int size() { return bytes.limit(); }

    private void need(long offset, int length) throws UnsupportedMediaException {
        if (offset < 0 || offset + length > bytes.limit()) {
            throw new UnsupportedMediaException("The " + what + " header is truncated or corrupt.");
        }
    }

    int u8(long offset) throws UnsupportedMediaException {
        need(offset, 1);
        return bytes.get((int) offset) & 0xFF;
    }

    int u16(long offset) throws UnsupportedMediaException {
        need(offset, 2);
        return bytes.getShort((int) offset) & 0xFFFF;
    }

    long u32(long offset) throws UnsupportedMediaException {
        need(offset, 4);
        return bytes.getInt((int) offset) & 0xFFFFFFFFL;
    }

    String fourCc(long offset) throws UnsupportedMediaException {
        need(offset, 4);
        byte[] id = new byte[4];
        bytes.get((int) offset, id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    /** An 80-bit IEEE 754 extended float (AIFF sample rates). */
    double extended(long offset) throws UnsupportedMediaException {
        need(offset, 10);
        int exponent = u16(offset) & 0x7FFF;
        boolean negative = (u16(offset) & 0x8000) != 0;
        long mantissa = bytes.duplicate().order(ByteOrder.BIG_ENDIAN).getLong((int) offset + 2);
        if (exponent == 0 && mantissa == 0) return 0;
        double value = (mantissa >>> 11) * Math.pow(2, exponent - 16383 - 52);
        return negative ? -value : value;
    }
}
