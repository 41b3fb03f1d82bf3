package dev.bufferdeck.format;

import dev.bufferdeck.repository.ByteSource;

/**
 * The 10-byte header of an ID3v2 tag.
 *
 * @param majorVersion 2, 3 or 4
 * @param flags the header flags byte (0x80 unsynchronisation, 0x40 extended header, 0x10 footer)
 * @param bodySize the tag size after the header, as claimed (syncsafe, so at most 256 MiB)
 * @param offset where the header starts in the buffer
 */
public record Id3v2Header(int majorVersion, int revision, int flags, int bodySize, int offset) {
    public static final int HEADER_SIZE = 10;

    public boolean unsynchronised() { return (flags & 0x80) != 0; }
    public boolean extendedHeader() { return (flags & 0x40) != 0; }
    public boolean hasFooter() { return majorVersion == 4 && (flags & 0x10) != 0; }

    /** The claimed end of the tag (header, body and footer), which may lie past the end of the buffer. */
    public long end() {
        return (long) offset + HEADER_SIZE + bodySize + (hasFooter() ? HEADER_SIZE : 0);
    }

    /** The header at {@code at}, or null when there is no valid one. */
    public static Id3v2Header parse(ByteSource b, int at) {
        if (!Bytes.ascii(b, at, "ID3") || !Bytes.fits(b, at, HEADER_SIZE)) return null;
        int major = Bytes.u8(b, at + 3);
        int revision = Bytes.u8(b, at + 4);
        if (major < 2 || major > 4 || revision == 0xFF) return null;
        int size = syncsafe(b, at + 6);
        if (size < 0) return null;
        return new Id3v2Header(major, revision, Bytes.u8(b, at + 5), size, at);
    }

    /** A 28-bit syncsafe integer (four bytes of 7 bits), or -1 when a byte has its top bit set. */
    public static int syncsafe(ByteSource b, int at) {
        if (!Bytes.fits(b, at, 4)) return -1;
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int v = b.get(at + i) & 0xFF;
            if (v > 0x7F) return -1;
            value = value << 7 | v;
        }
        return value;
    }
}
