package dev.bufferdeck.audio.decode.flac;

import dev.bufferdeck.repository.ByteSource;

/**
 * Decodes the FLAC frame at a given offset into per-channel int arrays: subframes CONSTANT, VERBATIM,
 * FIXED and LPC with Rice residuals, wasted bits, and stereo decorrelation. The frame's header has
 * already been found valid (sync, fields, CRC-8) by the caller, who passes where its subframes start.
 * A frame whose subframes do not parse, that runs past the bytes or whose CRC-16 does not match is
 * refused ({@link #decode} returns -1) so the caller can skip it. Arrays are reused between frames.
 */
public final class FlacFrameDecoder {
    private static final int MAX_BLOCK = 65536;

    private final FlacBitReader in;
    private final int channels;
    private final int bitsPerSample;
    private int[][] samples;
    private final int[] coefs = new int[32];

    public FlacFrameDecoder(ByteSource bytes, int channels, int bitsPerSample, int maxBlockSize) {
        this.in = new FlacBitReader(bytes);
        this.channels = channels;
        this.bitsPerSample = bitsPerSample;
        this.samples = new int[channels][Math.max(16, Math.min(MAX_BLOCK, maxBlockSize))];
    }

    /** Channel {@code c} of the last frame decoded. */
    public int[] channel(int c) { return samples[c]; }

    /** Bytes read from the source so far. */
    public long bytesRead() { return in.bytesLoaded(); }

    /**
     * Decodes the frame whose header starts at {@code frameOffset} and whose subframes start at
     * {@code subframesOffset}; {@code channelCode} is the header's channel assignment. Returns the
     * offset just past the frame, or -1 when the frame is damaged.
     */
    public int decode(int frameOffset, int subframesOffset, int channelCode, int blockSize) {
        if (blockSize > MAX_BLOCK) return -1;
        if (samples[0].length < blockSize) samples = new int[channels][blockSize];
        in.startFrame(frameOffset);
        for (int skip = subframesOffset - frameOffset; skip > 0; skip--) in.bits(8);
        for (int c = 0; c < channels; c++) {
            boolean side = (channelCode == 8 && c == 1) || (channelCode == 9 && c == 0) || (channelCode == 10 && c == 1);
            if (!subframe(samples[c], blockSize, bitsPerSample + (side ? 1 : 0)) || in.overrun()) return -1;
        }
        in.align();
        int crcAt = in.bytePosition();
        int crc = in.frameCrc16();
        int stored = in.bits(16);
        if (in.overrun() || crc != stored) return -1;
        decorrelate(channelCode, blockSize);
        return crcAt + 2;
    }

    private void decorrelate(int code, int n) {
        if (code < 8) return;
        int[] a = samples[0];
        int[] b = samples[1];
        if (code == 8) {
            for (int i = 0; i < n; i++) b[i] = a[i] - b[i];
        } else if (code == 9) {
            for (int i = 0; i < n; i++) a[i] += b[i];
        } else {
            for (int i = 0; i < n; i++) {
                int side = b[i];
                int mid = (a[i] << 1) | (side & 1);
                a[i] = (mid + side) >> 1;
                b[i] = (mid - side) >> 1;
            }
        }
    }

    private boolean subframe(int[] s, int n, int bps) {
        if (in.bits(1) != 0) return false;
        int type = in.bits(6);
        int wasted = 0;
        if (in.bits(1) != 0) {
            wasted = in.unary() + 1;
            if (wasted >= bps) return false;
            bps -= wasted;
        }
        if (bps > 32) return false;
        if (type == 0) {
            int v = in.signed(bps);
            java.util.Arrays.fill(s, 0, n, v);
        } else if (type == 1) {
            for (int i = 0; i < n; i++) s[i] = in.signed(bps);
        } else if (type >= 8 && type <= 12) {
            int order = type - 8;
            if (order > n) return false;
            for (int i = 0; i < order; i++) s[i] = in.signed(bps);
            if (!residual(s, n, order)) return false;
            fixed(s, n, order);
        } else if (type >= 32) {
            int order = (type & 31) + 1;
            if (order > n) return false;
            for (int i = 0; i < order; i++) s[i] = in.signed(bps);
            int precision = in.bits(4) + 1;
            if (precision == 16) return false;
            int shift = in.signed(5);
            if (shift < 0) return false;
            for (int i = 0; i < order; i++) coefs[i] = in.signed(precision);
            if (!residual(s, n, order)) return false;
            if (bps + precision + 32 - Integer.numberOfLeadingZeros(order) <= 32) lpc32(s, n, order, shift);
            else lpc64(s, n, order, shift);
        } else {
            return false;
        }
        if (wasted > 0) for (int i = 0; i < n; i++) s[i] <<= wasted;
        return true;
    }

    private boolean residual(int[] s, int n, int order) {
        int method = in.bits(2);
        if (method > 1) return false;
        int paramBits = method == 0 ? 4 : 5;
        int escape = method == 0 ? 15 : 31;
        int partitionOrder = in.bits(4);
        int partitions = 1 << partitionOrder;
        int per = n >> partitionOrder;
        if ((per << partitionOrder) != n || per < order) return false;
        int i = order;
        for (int p = 0; p < partitions; p++) {
            int to = (p + 1) * per;
            int k = in.bits(paramBits);
            if (k == escape) {
                int raw = in.bits(5);
                for (; i < to; i++) s[i] = in.signed(raw);
            } else {
                in.rice(s, i, to, k);
                i = to;
            }
            if (in.overrun()) return false;
        }
        return true;
    }

    private static void fixed(int[] s, int n, int order) {
        switch (order) {
            case 1 -> { for (int i = 1; i < n; i++) s[i] += s[i - 1]; }
            case 2 -> { for (int i = 2; i < n; i++) s[i] += 2 * s[i - 1] - s[i - 2]; }
            case 3 -> { for (int i = 3; i < n; i++) s[i] += 3 * (s[i - 1] - s[i - 2]) + s[i - 3]; }
            case 4 -> { for (int i = 4; i < n; i++) s[i] += 4 * (s[i - 1] + s[i - 3]) - 6 * s[i - 2] - s[i - 4]; }
            default -> { }
        }
    }

    /** Orders up to 12 (every encoder level but the highest) run with the coefficients in locals. */
    private void lpc32(int[] s, int n, int order, int shift) {
        int[] c = coefs;
        if (order > 12) {
            for (int i = order; i < n; i++) {
                int sum = 0;
                for (int j = 0; j < order; j++) sum += c[j] * s[i - 1 - j];
                s[i] += (sum >> shift);
            }
            return;
        }
        int c0 = c[0]; int c1 = c[1]; int c2 = c[2]; int c3 = c[3]; int c4 = c[4]; int c5 = c[5];
        int c6 = c[6]; int c7 = c[7]; int c8 = c[8]; int c9 = c[9]; int c10 = c[10]; int c11 = c[11];
        for (int i = order; i < n; i++) {
            int sum = 0;
            switch (order) {
                case 12: sum += c11 * s[i - 12];
                case 11: sum += c10 * s[i - 11];
                case 10: sum += c9 * s[i - 10];
                case 9: sum += c8 * s[i - 9];
                case 8: sum += c7 * s[i - 8];
                case 7: sum += c6 * s[i - 7];
                case 6: sum += c5 * s[i - 6];
                case 5: sum += c4 * s[i - 5];
                case 4: sum += c3 * s[i - 4];
                case 3: sum += c2 * s[i - 3];
                case 2: sum += c1 * s[i - 2];
                case 1: sum += c0 * s[i - 1];
                default:
            }
            s[i] += (sum >> shift);
        }
    }

    private void lpc64(int[] s, int n, int order, int shift) {
        int[] c = coefs;
        if (order > 12) {
            for (int i = order; i < n; i++) {
                long sum = 0;
                for (int j = 0; j < order; j++) sum += (long) c[j] * s[i - 1 - j];
                s[i] += (int) (sum >> shift);
            }
            return;
        }
        long c0 = c[0]; long c1 = c[1]; long c2 = c[2]; long c3 = c[3]; long c4 = c[4]; long c5 = c[5];
        long c6 = c[6]; long c7 = c[7]; long c8 = c[8]; long c9 = c[9]; long c10 = c[10]; long c11 = c[11];
        for (int i = order; i < n; i++) {
            long sum = 0;
            switch (order) {
                case 12: sum += c11 * s[i - 12];
                case 11: sum += c10 * s[i - 11];
                case 10: sum += c9 * s[i - 10];
                case 9: sum += c8 * s[i - 9];
                case 8: sum += c7 * s[i - 8];
                case 7: sum += c6 * s[i - 7];
                case 6: sum += c5 * s[i - 6];
                case 5: sum += c4 * s[i - 5];
                case 4: sum += c3 * s[i - 4];
                case 3: sum += c2 * s[i - 3];
                case 2: sum += c1 * s[i - 2];
                case 1: sum += c0 * s[i - 1];
                default:
            }
            s[i] += (int) (sum >> shift);
        }
    }
}
