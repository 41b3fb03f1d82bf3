package dev.bufferdeck.format.mp4;

import dev.bufferdeck.format.Bytes;

import dev.bufferdeck.repository.ByteSource;
import java.util.ArrayList;
import java.util.List;

/**
 * One ISO base media box header: its type, where it starts, how long its header is, the size it
 * declares and the size that actually fits in its parent. The one box reader that regions, tags
 * and the demuxer share.
 *
 * @param type         four characters (printable ASCII or ©), or {@code 0xXXXXXXXX} when not text
 * @param declaredSize what the header says (a size of 0 means "to the end of the parent")
 * @param size         the declared size clamped to the parent; equals {@code declaredSize} when it fits
 */
public record Mp4Box(String type, long offset, int headerSize, long declaredSize, long size) {
    /** More boxes than a sane file has at one level; hostile input stops here. */
    public static final int MAX_CHILDREN = 20_000;

    public long dataStart() { return offset + headerSize; }
    public long end() { return offset + size; }
    public long dataLength() { return size - headerSize; }
    /** The declared size is smaller than the header itself: nothing after this box can be trusted. */
    public boolean impossible() { return declaredSize < headerSize; }
    /** The declared size runs past the parent (or the buffer). */
    public boolean runsPast() { return declaredSize > size; }
    public boolean is(String t) { return type.equals(t); }

    /** The box whose header starts at {@code pos}, inside a parent ending at {@code end}; null if fewer than 8 bytes remain. */
    public static Mp4Box at(ByteSource b, long pos, long end) {
        end = Math.min(end, b.limit());
        if (pos < 0 || pos + 8 > end) return null;
        int p = (int) pos;
        long declared = Bytes.be32(b, p);
        String type = fourCC(b, p + 4);
        int header = 8;
        if (declared == 1) {
            if (pos + 16 > end) return new Mp4Box(type, pos, 16, 1, end - pos);
            long high = Bytes.be32(b, p + 8);
            declared = high > 0x7FFF_FFFFL ? Long.MAX_VALUE : high << 32 | Bytes.be32(b, p + 12);
            header = 16;
        } else if (declared == 0) {
            declared = end - pos;
        }
        long size = declared < header ? end - pos : Math.min(declared, end - pos);
        return new Mp4Box(type, pos, header, declared, size);
    }

    /** The boxes inside {@code [from, to)}, stopping after an impossible size; at most {@link #MAX_CHILDREN}. */
    public static List<Mp4Box> children(ByteSource b, long from, long to) {
        List<Mp4Box> out = new ArrayList<>();
        long pos = from;
        Mp4Box box;
        while (out.size() < MAX_CHILDREN && (box = at(b, pos, to)) != null) {
            out.add(box);
            if (box.impossible()) break;
            pos = box.end();
        }
        return out;
    }

    /** The children of this box, its payload starting {@code skip} bytes in (4 for full boxes such as 'meta'). */
    public List<Mp4Box> children(ByteSource b, int skip) {
        return children(b, dataStart() + skip, end());
    }

    /** The first box of {@code type} inside {@code [from, to)} that has a sane size, or null. */
    public static Mp4Box find(ByteSource b, long from, long to, String type) {
        for (Mp4Box box : children(b, from, to)) {
            if (box.is(type) && !box.impossible()) return box;
        }
        return null;
    }

    /** The first child of {@code type}, or null. */
    public Mp4Box child(ByteSource b, String type) {
        return find(b, dataStart(), end(), type);
    }

    /**
     * Follows a path of child types from this box ("mdia", "minf", "stbl"), or null when a link is
     * missing. 'meta' is a full box in ISO files but a plain one in QuickTime: both are handled.
     */
    public Mp4Box path(ByteSource b, String... types) {
        Mp4Box at = this;
        for (String t : types) {
            at = at.is("meta") ? at.metaChild(b, t) : at.child(b, t);
            if (at == null) return null;
        }
        return at;
    }

    private Mp4Box metaChild(ByteSource b, String type) {
        int skip = Bytes.ascii(b, (int) dataStart() + 4, "hdlr") ? 0 : 4;
        return find(b, dataStart() + skip, end(), type);
    }

    /** The top-level box of {@code type} in the whole buffer, or null. */
    public static Mp4Box top(ByteSource b, String type) {
        return find(b, 0, b.limit(), type);
    }

    static String fourCC(ByteSource b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int v = Bytes.u8(b, at + i);
            if ((v < 0x20 || v > 0x7E) && v != 0xA9) return String.format("0x%08X", Bytes.be32(b, at));
            c[i] = (char) v;
        }
        return new String(c);
    }
}
