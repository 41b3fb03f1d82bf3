package dev.bufferdeck.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import dev.bufferdeck.repository.ByteSource;

/**
 * Formats bytes exactly as {@code hexdump -C} (util-linux) does: absolute offsets, 16 bytes a row
 * in two groups of eight, the printable ASCII column, a single {@code *} for a run of rows equal to
 * the one before, and a last line holding the offset just past the range.
 */
public final class HexDumpFormatter {
    public static final int BYTES_PER_ROW = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private HexDumpFormatter() {}

    /**
     * Appends one row, without a line break, for {@code count} (1 to 16) bytes of {@code bytes}
     * starting at absolute index {@code index}, labelled with {@code address}.
     */
    public static void appendRow(StringBuilder out, long address, ByteSource bytes, int index, int count) {
        if (count < 1 || count > BYTES_PER_ROW) throw new IllegalArgumentException("row of " + count + " bytes");
        appendAddress(out, address);
        out.append("  ");
        for (int i = 0; i < BYTES_PER_ROW; i++) {
            if (i < count) {
                int v = bytes.get(index + i) & 0xFF;
                out.append(HEX[v >> 4]).append(HEX[v & 15]).append(' ');
            } else {
                out.append("   ");
            }
            if (i == 7) out.append(' ');
        }
        out.append(" |");
        for (int i = 0; i < count; i++) out.append(printable(bytes.get(index + i)));
        out.append('|');
    }

    /** One row as a string; see {@link #appendRow}. */
    public static String row(long address, ByteSource bytes, int index, int count) {
        StringBuilder sb = new StringBuilder(80);
        appendRow(sb, address, bytes, index, count);
        return sb.toString();
    }

    /** The character shown for a byte in the ASCII column: itself when printable ASCII, else a dot. */
    public static char printable(byte b) {
        return b >= 0x20 && b < 0x7F ? (char) b : '.';
    }

    /** Offsets print as at least eight lower-case hex digits. */
    public static void appendAddress(StringBuilder out, long address) {
        String hex = Long.toHexString(address);
        for (int i = hex.length(); i < 8; i++) out.append('0');
        out.append(hex);
    }

    /**
     * Writes what {@code hexdump -C -s start -n length} prints for a file holding the bytes from
     * the buffer's index 0 to its limit.
     *
     * @param start offset of the first byte (≥ 0); past the end, only the end offset is printed
     * @param length bytes to dump (≥ 0), or -1 for all bytes to the end
     */
    public static void dump(ByteSource bytes, long start, long length, Appendable out) {
        if (start < 0 || length < -1) throw new IllegalArgumentException("negative offset or length");
        try {
            dumpChecked(bytes, start, length, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole dump as a string; for small ranges. */
    public static String dump(ByteSource bytes, long start, long length) {
        StringBuilder sb = new StringBuilder();
        dump(bytes, start, length, sb);
        return sb.toString();
    }

    private static void dumpChecked(ByteSource bytes, long start, long length, Appendable out) throws IOException {
        if (length == 0) return;
        int size = bytes.limit();
        int first = (int) Math.min(start, size);
        int end = length < 0 || length >= size - first ? size : (int) (first + length);
        StringBuilder sb = new StringBuilder(64 * 1024 + 128);
        int previous = -1;
        boolean squeezing = false;
        for (int p = first; p < end; p += BYTES_PER_ROW) {
            int count = Math.min(BYTES_PER_ROW, end - p);
            if (count == BYTES_PER_ROW && previous >= 0 && sameRow(bytes, previous, p)) {
                if (!squeezing) sb.append("*\n");
                squeezing = true;
            } else {
                appendRow(sb, p, bytes, p, count);
                sb.append('\n');
                squeezing = false;
            }
            previous = p;
            if (sb.length() >= 64 * 1024) {
                out.append(sb);
                sb.setLength(0);
            }
        }
        if (end > 0) {
            appendAddress(sb, end);
            sb.append('\n');
        }
        out.append(sb);
    }

    private static boolean sameRow(ByteSource bytes, int a, int b) {
        for (int i = 0; i < BYTES_PER_ROW; i++) {
            if (bytes.get(a + i) != bytes.get(b + i)) return false;
        }
        return true;
    }
}
