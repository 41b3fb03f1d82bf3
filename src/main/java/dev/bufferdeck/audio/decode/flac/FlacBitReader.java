package dev.bufferdeck.audio.decode.flac;

import dev.bufferdeck.repository.ByteSource;

/**
 * Big-endian bits of a FLAC stream through a 64-bit cache, over a window of the bytes that always
 * holds the current frame from its first byte (so its CRC-16 is computed over one array). Past the
 * end of the bytes it reads 1-bits and notes the overrun, so a cut frame ends quickly and is refused.
 */
final class FlacBitReader {
    private final ByteSource source;
    private final int limit;
    private byte[] buf = new byte[4096];
    /** Absolute offset of buf[0]; valid bytes are buf[0, end). */
    private int base;
    private int end;
    private int pos;
    private int frameStart;
    private long cache;
    private int bits;
    /** 1-bytes fed past the end of the source; they sit at the tail of the cache. */
    private int padded;
    private long loaded;

    FlacBitReader(ByteSource source) {
        this.source = source;
        this.limit = source.limit();
    }

    /** Bytes copied from the source so far. */
    long bytesLoaded() { return loaded; }

    /** Starts reading a frame at absolute {@code offset}. */
    void startFrame(int offset) {
        if (offset < base || offset >= base + end) {
            base = offset;
            end = 0;
            fill();
        }
        pos = offset - base;
        frameStart = pos;
        cache = 0;
        bits = 0;
        padded = 0;
    }

    /** Whether bits past the end of the source were consumed. */
    boolean overrun() { return padded > 0 && bits < padded * 8; }

    private void fill() {
        int n = Math.min(buf.length - end, limit - (base + end));
        if (n > 0) {
            source.get(base + end, buf, end, n);
            end += n;
            loaded += n;
        }
    }

    /** The next byte when the window is used up: slides the frame to the front, grows if needed, refills. */
    private int nextByte() {
        if (base + end >= limit) {
            padded++;
            return 0xFF;
        }
        int keep = end - frameStart;
        if (frameStart > 0) {
            System.arraycopy(buf, frameStart, buf, 0, keep);
            base += frameStart;
            pos -= frameStart;
            end = keep;
            frameStart = 0;
        }
        if (end > buf.length / 2) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        fill();
        return buf[pos++] & 0xFF;
    }

    private void refill() {
        if (pos + 8 <= end) {
            long word = (long) BIG_ENDIAN_LONG.get(buf, pos);
            int take = (64 - bits) >>> 3;
            int now = bits + (take << 3);
            cache = (cache | (word >>> bits)) & (-1L << (64 - now));
            pos += take;
            bits = now;
            return;
        }
        while (bits <= 56) {
            int b = pos < end ? buf[pos++] & 0xFF : nextByte();
            cache |= (long) b << (56 - bits);
            bits += 8;
        }
    }

    /** {@code n} (0-32) bits as an unsigned value. */
    int bits(int n) {
        if (n == 0) return 0;
        if (bits < n) refill();
        int v = (int) (cache >>> (64 - n));
        cache <<= n;
        bits -= n;
        return v;
    }

    /** {@code n} (0-32) bits as a two's-complement value. */
    int signed(int n) {
        if (n == 0) return 0;
        if (bits < n) refill();
        int v = (int) (cache >> (64 - n));
        cache <<= n;
        bits -= n;
        return v;
    }

    /** Zero bits up to the next 1-bit, which is consumed. */
    int unary() {
        int count = 0;
        while (true) {
            int lz = Long.numberOfLeadingZeros(cache);
            if (lz < bits) {
                cache = (cache << lz) << 1;
                bits -= lz + 1;
                return count + lz;
            }
            count += bits;
            cache = 0;
            bits = 0;
            refill();
        }
    }

    /** Rice-coded residuals with parameter {@code k} into {@code out[from, to)}. */
    void rice(int[] out, int from, int to, int k) {
        for (int i = from; i < to; i++) {
            int q;
            int lz = Long.numberOfLeadingZeros(cache);
            if (lz < bits) {
                cache = (cache << lz) << 1;
                bits -= lz + 1;
                q = lz;
            } else {
                q = unary();
            }
            int u = (q << k) | bits(k);
            out[i] = (u >>> 1) ^ -(u & 1);
        }
    }

    /** Skips to the next byte boundary. */
    void align() {
        int drop = bits & 7;
        cache <<= drop;
        bits -= drop;
    }

    /** Absolute offset of the next unread byte; only meaningful when aligned. */
    int bytePosition() { return base + pos + padded - bits / 8; }

    /** CRC-16 (polynomial 0x8005) of the frame's bytes from its start up to the next unread byte; aligned only. */
    int frameCrc16() {
        int to = pos + padded - bits / 8;
        int crc = 0;
        byte[] b = buf;
        int i = frameStart;
        for (; i + 1 < to; i += 2) {
            int x = crc ^ ((b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF));
            crc = CRC16_TWO[x >>> 8] ^ CRC16[x & 0xFF];
        }
        if (i < to) crc = ((crc << 8) ^ CRC16[((crc >>> 8) ^ b[i]) & 0xFF]) & 0xFFFF;
        return crc;
    }

    private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final int[] CRC16 = new int[256];
    /** CRC16 of a byte followed by a zero byte: two bytes a step. */
    private static final int[] CRC16_TWO = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int k = 0; k < 8; k++) c = (c & 0x8000) != 0 ? (c << 1) ^ 0x8005 : c << 1;
            CRC16[i] = c & 0xFFFF;
        }
        for (int i = 0; i < 256; i++) CRC16_TWO[i] = ((CRC16[i] << 8) ^ CRC16[CRC16[i] >>> 8]) & 0xFFFF;
    }
}
