package dev.bufferdeck.format.regions;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** ID3v2.2/2.3/2.4: the tag header, its extended header, each frame, padding and footer. */
final class Id3v2Regions {
    private static final int MAX_FRAMES = 4096;
    private static final Map<String, String> FRAME_NAMES = Map.ofEntries(
            Map.entry("TIT2", "title"), Map.entry("TT2", "title"),
            Map.entry("TPE1", "artist"), Map.entry("TP1", "artist"),
            Map.entry("TPE2", "album artist"), Map.entry("TP2", "album artist"),
            Map.entry("TALB", "album"), Map.entry("TAL", "album"),
            Map.entry("TYER", "year"), Map.entry("TYE", "year"), Map.entry("TDRC", "recording date"),
            Map.entry("TRCK", "track"), Map.entry("TRK", "track"),
            Map.entry("TCON", "genre"), Map.entry("TCO", "genre"),
            Map.entry("TLEN", "length"), Map.entry("TSSE", "encoder settings"), Map.entry("TENC", "encoded by"),
            Map.entry("TXXX", "user text"), Map.entry("COMM", "comment"), Map.entry("COM", "comment"),
            Map.entry("APIC", "picture"), Map.entry("PIC", "picture"), Map.entry("USLT", "lyrics"),
            Map.entry("PRIV", "private data"), Map.entry("GEOB", "embedded object"), Map.entry("TPOS", "disc"),
            Map.entry("TCOM", "composer"), Map.entry("TBPM", "tempo"), Map.entry("WXXX", "URL"));
    static final String[] PICTURE_TYPES = {
        "other", "file icon", "other file icon", "front cover", "back cover", "leaflet page", "media",
        "lead artist", "artist", "conductor", "band", "composer", "lyricist", "recording location",
        "during recording", "during performance", "video capture", "bright coloured fish", "illustration",
        "band logotype", "publisher logotype"};

    private Id3v2Regions() {}

    static boolean isAt(ByteReader b, long offset) {
        return b.matches(offset, "ID3") && b.u8(offset + 3) >= 2 && b.u8(offset + 3) <= 4
                && b.u8(offset + 3) != 0xFF && b.syncsafe(offset + 6) >= 0
                && (b.u8(offset + 6) | b.u8(offset + 7) | b.u8(offset + 8) | b.u8(offset + 9)) < 0x80;
    }

    static Region parse(ByteReader b, long start) {
        int major = b.u8(start + 3);
        int flags = b.u8(start + 5);
        long declared = b.syncsafe(start + 6);
        boolean footer = major == 4 && (flags & 0x10) != 0;
        long total = 10 + declared + (footer ? 10 : 0);
        List<Problem> problems = new ArrayList<>();
        if (start + total > b.size()) {
            problems.add(new Problem(start + 6, "tag size " + declared + " runs past the end of the buffer"));
            total = b.size() - start;
        }
        long end = start + total - (footer ? 10 : 0);
        List<Region> children = new ArrayList<>();
        children.add(Region.leaf("ID3v2 header", RegionKind.HEADER, start, 10,
                "ID3v2." + major + " header · tag size " + declared
                        + ((flags & 0x80) != 0 ? " · unsynchronised" : "")));
        long pos = start + 10;
        if ((flags & 0x40) != 0 && major >= 3) {
            long ext = major == 4 ? b.syncsafe(pos) : b.u32be(pos) + 4;
            if (ext < 4 || pos + ext > end) {
                problems.add(new Problem(pos, "extended header size " + ext + " is impossible"));
                ext = Math.max(0, Math.min(end - pos, 10));
            }
            children.add(Region.leaf("extended header", RegionKind.HEADER, pos, ext, Describe.bytes(ext)));
            pos += ext;
        }
        int headerSize = major == 2 ? 6 : 10;
        int frames = 0;
        while (pos + headerSize <= end && frames < MAX_FRAMES) {
            if (b.u8(pos) == 0) {
                children.add(Region.leaf("padding", RegionKind.PADDING, pos, end - pos, Describe.bytes(end - pos)));
                pos = end;
                break;
            }
            String id = frameId(b, pos, major == 2 ? 3 : 4);
            if (id == null) {
                problems.add(new Problem(pos, "invalid ID3 frame id; the rest of the tag is not understood"));
                children.add(Region.leaf("unknown", RegionKind.UNKNOWN, pos, end - pos, Describe.bytes(end - pos)));
                pos = end;
                break;
            }
            long size = frameSize(b, pos, major, end);
            List<Problem> frameProblems = new ArrayList<>();
            if (pos + headerSize + size > end) {
                frameProblems.add(new Problem(pos, id + " frame size " + size + " runs past the end of the tag"));
                size = end - pos - headerSize;
            }
            children.add(frame(b, id, major, pos, headerSize, size).withProblems(frameProblems));
            pos += headerSize + size;
            frames++;
        }
        if (pos < end) {
            children.add(Region.leaf("unknown", RegionKind.UNKNOWN, pos, end - pos, Describe.bytes(end - pos)));
        }
        if (footer && end + 10 <= b.size()) {
            children.add(Region.leaf("ID3v2 footer", RegionKind.HEADER, end, 10, "footer"));
        }
        String description = "ID3v2." + major + " tag · " + frames + (frames == 1 ? " frame" : " frames")
                + " · " + Describe.bytes(total);
        return new Region("ID3v2", RegionKind.TAG, start, total, description, problems, children);
    }

    private static String frameId(ByteReader b, long pos, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = b.u8(pos + i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) return null;
            sb.append((char) c);
        }
        return sb.toString();
    }

    private static long frameSize(ByteReader b, long pos, int major, long end) {
        if (major == 2) return b.u24be(pos + 3);
        if (major == 3) return b.u32be(pos + 4);
        long syncsafe = b.syncsafe(pos + 4);
        long plain = b.u32be(pos + 4);
        // Some writers (old iTunes) store plain sizes in v2.4: prefer whichever lands on a frame boundary.
        if (syncsafe < 0) return plain;
        if (syncsafe != plain && !boundary(b, pos + 10 + syncsafe, end) && boundary(b, pos + 10 + plain, end)) {
            return plain;
        }
        return syncsafe;
    }

    private static boolean boundary(ByteReader b, long pos, long end) {
        return pos == end || (pos < end && (b.u8(pos) == 0 || frameId(b, pos, 4) != null));
    }

    private static Region frame(ByteReader b, String id, int major, long pos, int headerSize, long size) {
        String meaning = FRAME_NAMES.getOrDefault(id, "frame");
        long data = pos + headerSize;
        List<Region> parts = new ArrayList<>();
        parts.add(Region.leaf(id + " header", RegionKind.HEADER, pos, headerSize, id + " · " + Describe.bytes(size)));
        String description = id + " " + meaning + " · " + Describe.bytes(size);
        RegionKind kind = RegionKind.TAG_FIELD;
        if ((id.startsWith("T") && !id.equals("TXXX") && !id.equals("TXX")) && size > 1) {
            description = id + " " + meaning + " · " + Describe.quote(text(b, data, size), 60);
            parts.add(Region.leaf("text", RegionKind.TAG_FIELD, data, size, description));
        } else if ((id.equals("APIC") || id.equals("PIC")) && size > 4) {
            kind = RegionKind.PICTURE;
            Region picture = picture(b, id, data, size);
            if (picture != null) {
                parts.add(Region.leaf("picture info", RegionKind.TAG_FIELD, data, picture.offset() - data,
                        "encoding, MIME type, picture type, description"));
                parts.add(picture);
                description = id + " " + picture.description();
            } else {
                parts.add(Region.leaf("data", RegionKind.TAG_FIELD, data, size, Describe.bytes(size)));
            }
        } else if (size > 0) {
            parts.add(Region.leaf("data", RegionKind.TAG_FIELD, data, size, Describe.bytes(size)));
        }
        return new Region(id, kind, pos, headerSize + size, description, List.of(), parts);
    }

    private static String text(ByteReader b, long data, long size) {
        int encoding = b.u8(data);
        return b.text(data + 1, size - 1, charset(encoding), 512).replace("\u0000", " / ").replaceAll("( / )+$", "");
    }

    private static Charset charset(int encoding) {
        return switch (encoding) {
            case 1 -> StandardCharsets.UTF_16;
            case 2 -> StandardCharsets.UTF_16BE;
            case 3 -> StandardCharsets.UTF_8;
            default -> StandardCharsets.ISO_8859_1;
        };
    }

    private static Region picture(ByteReader b, String id, long data, long size) {
        long end = data + size;
        int encoding = b.u8(data);
        long pos = data + 1;
        String mime;
        if (id.equals("PIC")) {
            mime = "image/" + b.ascii(pos, 3).toLowerCase(Locale.ROOT);
            pos += 3;
        } else {
            long zero = b.indexOfZero(pos, end);
            if (zero < 0) return null;
            mime = b.ascii(pos, zero - pos);
            pos = zero + 1;
        }
        int type = b.u8(pos++);
        long descEnd = encoding == 1 || encoding == 2 ? zero16(b, pos, end) : b.indexOfZero(pos, end);
        if (descEnd < 0) return null;
        pos = descEnd + (encoding == 1 || encoding == 2 ? 2 : 1);
        if (pos > end) return null;
        String typeName = type >= 0 && type < PICTURE_TYPES.length ? PICTURE_TYPES[type] : "type " + type;
        long length = end - pos;
        return Region.leaf("image", RegionKind.PICTURE, pos, length,
                "picture · " + typeName + " · " + (mime.isEmpty() ? "image" : mime) + " · " + Describe.bytes(length));
    }

    private static long zero16(ByteReader b, long pos, long end) {
        for (long i = pos; i + 1 < end; i += 2) if (b.u8(i) == 0 && b.u8(i + 1) == 0) return i;
        return -1;
    }
}
