package dev.bufferdeck.ui.hex;

import dev.bufferdeck.repository.MediaBuffer;

/** The three columns of a hex row, and hex copies of byte ranges. Formats from the buffer on demand. */
public final class HexText {
    public static final int BYTES_PER_ROW = 16;
    /** The largest range "copy as hex" puts on the clipboard. */
    public static final int MAX_COPY = 16 << 20;
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private static final String[] PAIRS = new String[256];

    static {
        for (int i = 0; i < 256; i++) PAIRS[i] = "" + DIGITS[i >> 4] + DIGITS[i & 0xF];
    }

    private HexText() {}

    /** "0A" for 10. */
    public static String pair(byte b) {
        return PAIRS[b & 0xFF];
    }

    public static long rows(long size) {
        return (size + BYTES_PER_ROW - 1) / BYTES_PER_ROW;
    }

    public static String offset(long row) {
        return String.format("%08X", row * BYTES_PER_ROW);
    }

    /** "52 49 46 46 24 08 00 00  57 41 56 45 66 6D 74 20" for the bytes present in the row. */
    public static String hex(byte[] row, int count) {
        StringBuilder sb = new StringBuilder(BYTES_PER_ROW * 3 + 1);
        for (int i = 0; i < count; i++) {
            if (i > 0) sb.append(i == 8 ? "  " : " ");
            sb.append(DIGITS[(row[i] >> 4) & 0xF]).append(DIGITS[row[i] & 0xF]);
        }
        return sb.toString();
    }

    public static String ascii(byte[] row, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            int b = row[i] & 0xFF;
            sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return sb.toString();
    }

    /** Column of byte {@code i} (0..15) in the hex string, in characters. */
    public static int hexColumn(int i) {
        return i * 3 + (i >= 8 ? 1 : 0);
    }

    /** The whole row as one line, e.g. for tests and copying rows. */
    public static String line(MediaBuffer buffer, long row) {
        byte[] bytes = new byte[BYTES_PER_ROW];
        int count = read(buffer, row, bytes);
        return offset(row) + "  " + hex(bytes, count) + "  |" + ascii(bytes, count) + "|";
    }

    /** Reads row {@code row} into {@code into}; returns how many bytes it has (0..16). */
    public static int read(MediaBuffer buffer, long row, byte[] into) {
        long start = row * BYTES_PER_ROW;
        if (start >= buffer.size() || start < 0) return 0;
        int count = (int) Math.min(BYTES_PER_ROW, buffer.size() - start);
        buffer.copy((int) start, into, 0, count);
        return count;
    }

    /** Bytes [from, to] inclusive as space-separated hex pairs, at most {@link #MAX_COPY} bytes. */
    public static String copy(MediaBuffer buffer, long from, long to) {
        long length = Math.min(to - from + 1, MAX_COPY);
        StringBuilder sb = new StringBuilder((int) length * 3);
        byte[] chunk = new byte[4096];
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(chunk.length, length - done);
            buffer.copy((int) (from + done), chunk, 0, n);
            for (int i = 0; i < n; i++) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(DIGITS[(chunk[i] >> 4) & 0xF]).append(DIGITS[chunk[i] & 0xF]);
            }
            done += n;
        }
        return sb.toString();
    }
}
