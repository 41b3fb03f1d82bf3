package dev.bufferdeck.audio.decode.vorbis;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bits of one Vorbis packet, least significant bit of each byte first. Reading past the end
 * gives zeros and sets {@link #ended}: the specification's end-of-packet condition, which audio
 * decoding treats as "the rest is zero".
 */
final class VorbisBits {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] data;
    private int pos;
    private int end;
    /** Bits not yet read, the next one lowest; above {@link #bits} it may hold the following bits of the packet. */
    long acc;
    /** Valid bits in {@link #acc}. */
    int bits;
    boolean ended;

    void reset(byte[] data, int offset, int length) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
        acc = 0;
        bits = 0;
        ended = false;
    }

    /** Fills {@link #acc} with at least 57 bits, or every bit left in the packet. */
    void refill() {
        if (bits > 56) return;
        if (end - pos >= 8) {
            acc |= (long) LONG_LE.get(data, pos) << bits;
            int n = (63 - bits) >>> 3;
            pos += n;
            bits += n << 3;
        } else {
            while (bits <= 56 && pos < end) {
                acc |= (data[pos++] & 0xFFL) << bits;
                bits += 8;
            }
        }
    }

    /** The next {@code n} (0–32) bits as an unsigned number; 0 past the end. */
    int read(int n) {
        if (bits < n) {
            refill();
            if (bits < n) {
                fail();
                return 0;
            }
        }
        int v = (int) (acc & ((1L << n) - 1));
        acc >>>= n;
        bits -= n;
        return v;
    }

    boolean flag() {
        return read(1) != 0;
    }

    /** Marks the end of the packet as reached: every later read gives zeros. */
    void fail() {
        ended = true;
        acc = 0;
        bits = 0;
        pos = end;
    }

    /** Bits not yet read. */
    long remaining() {
        return bits + 8L * (end - pos);
    }
}
