package dev.bufferdeck.format.tags;

import dev.bufferdeck.format.Bytes;
import dev.bufferdeck.format.Id3v2Header;

import dev.bufferdeck.repository.ByteSource;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads ID3v2.2, 2.3 and 2.4 tags: text frames in all four encodings, APIC/PIC pictures, the
 * extended header, and unsynchronisation (whole tag in 2.2/2.3, per frame in 2.4). Compressed and
 * encrypted frames are skipped. Every size is checked against the bytes actually present.
 */
final class Id3v2Reader {
    private Id3v2Reader() {}

    /** Reads the tag whose header is {@code header}; {@code b} is the whole media buffer. */
    static void read(ByteSource b, Id3v2Header header, TagBuilder tags) {
        int version = header.majorVersion();
        tags.format("ID3v2." + version);
        int start = header.offset() + Id3v2Header.HEADER_SIZE;
        int end = (int) Math.min(b.limit(), (long) start + header.bodySize());
        if (end <= start) return;
        if (version == 2 && (header.flags() & 0x40) != 0) return; // 2.2 "compression": never defined

        Region tag = new Region(b, start, end, true);
        if (header.unsynchronised() && version < 4) tag = Region.copyOf(Unsync.decode(b, start, end));

        int p = tag.start;
        if (version >= 3 && header.extendedHeader()) {
            long size = version == 3 ? Bytes.be32(tag.bytes, p) + 4 : Id3v2Header.syncsafe(tag.bytes, p);
            if (size < 4 || size > tag.end - p) return;
            p += (int) size;
        }
        boolean tagUnsync = version == 4 && header.unsynchronised();
        int idLength = version == 2 ? 3 : 4;
        int headerLength = version == 2 ? 6 : 10;
        while (p + headerLength <= tag.end) {
            String id = frameId(tag.bytes, p, idLength);
            if (id == null) break;
            long size = frameSize(tag, p, version);
            if (size < 0 || size > tag.end - p - headerLength) break;
            int dataStart = p + headerLength;
            int dataEnd = dataStart + (int) size;
            if (version == 2) {
                frame(id, new Region(tag.bytes, dataStart, dataEnd, tag.original), tags);
            } else {
                Region data = frameData(tag, p, dataStart, dataEnd, version, tagUnsync);
                if (data != null) frame(id, data, tags);
            }
            p = dataEnd;
        }
    }

    private static String frameId(ByteSource b, int p, int length) {
        for (int i = 0; i < length; i++) {
            int c = Bytes.u8(b, p + i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return null;
        }
        return Bytes.latin1(b, p, length);
    }

    /**
     * Frame sizes are plain in 2.3 and syncsafe in 2.4. Some 2.4 writers wrote plain sizes anyway:
     * when the syncsafe reading does not land on a frame or the end, but the plain one does, it wins.
     */
    private static long frameSize(Region tag, int p, int version) {
        if (version == 2) return Bytes.be24(tag.bytes, p + 3);
        long plain = Bytes.be32(tag.bytes, p + 4);
        if (version == 3) return plain;
        long syncsafe = Id3v2Header.syncsafe(tag.bytes, p + 4);
        if (syncsafe == plain) return plain;
        if (syncsafe >= 0 && landsWell(tag, p + 10 + syncsafe)) return syncsafe;
        if (plain >= 0 && landsWell(tag, p + 10 + plain)) return plain;
        return syncsafe;
    }

    private static boolean landsWell(Region tag, long next) {
        if (next == tag.end) return true;
        if (next > tag.end - 4) return false;
        return Bytes.u8(tag.bytes, (int) next) == 0 || frameId(tag.bytes, (int) next, 4) != null;
    }

    /** The frame's payload after its format flags are applied, or null when it cannot be read. */
    private static Region frameData(Region tag, int p, int dataStart, int dataEnd, int version, boolean tagUnsync) {
        int format = Bytes.u8(tag.bytes, p + 9);
        boolean compressed, encrypted, grouped, unsync = false, lengthIndicator = false;
        if (version == 3) {
            compressed = (format & 0x80) != 0;
            encrypted = (format & 0x40) != 0;
            grouped = (format & 0x20) != 0;
        } else {
            grouped = (format & 0x40) != 0;
            compressed = (format & 0x08) != 0;
            encrypted = (format & 0x04) != 0;
            unsync = tagUnsync || (format & 0x02) != 0;
            lengthIndicator = (format & 0x01) != 0;
        }
        if (compressed || encrypted) return null;
        int start = dataStart + (grouped ? 1 : 0) + (lengthIndicator ? 4 : 0);
        if (start > dataEnd) return null;
        if (unsync) return Region.copyOf(Unsync.decode(tag.bytes, start, dataEnd));
        return new Region(tag.bytes, start, dataEnd, tag.original);
    }

    private static void frame(String id, Region data, TagBuilder tags) {
        switch (id) {
            case "TIT2", "TT2" -> tags.title(text(data));
            case "TPE1", "TP1" -> tags.artist(text(data));
            case "TPE2", "TP2" -> tags.albumArtist(text(data));
            case "TALB", "TAL" -> tags.album(text(data));
            case "TYER", "TYE", "TDRC", "TDOR", "TORY", "TDRL" -> tags.year(text(data));
            case "TRCK", "TRK" -> tags.track(text(data));
            case "APIC" -> picture(data, false, tags);
            case "PIC" -> picture(data, true, tags);
            case "TXXX", "TXX" -> userText(data, tags);
            default -> { }
        }
    }

    /** A user text frame: encoding, description, value (ReplayGain keeps its values here). */
    private static void userText(Region data, TagBuilder tags) {
        if (data.end <= data.start) return;
        ByteSource b = data.bytes;
        int encoding = Bytes.u8(b, data.start);
        int descriptionEnd = terminator(b, data.start + 1, data.end, encoding);
        String description = decode(b, data.start + 1, descriptionEnd, encoding);
        int value = Math.min(data.end, descriptionEnd + terminatorLength(encoding));
        tags.loudnessField(description, decode(b, value, terminator(b, value, data.end, encoding), encoding));
    }

    /** The first value of a text frame. */
    static String text(Region data) {
        if (data.end <= data.start) return "";
        int encoding = Bytes.u8(data.bytes, data.start);
        int start = data.start + 1;
        return decode(data.bytes, start, terminator(data.bytes, start, data.end, encoding), encoding);
    }

    private static void picture(Region data, boolean v22, TagBuilder tags) {
        ByteSource b = data.bytes;
        int p = data.start;
        int encoding = Bytes.u8(b, p++);
        if (encoding < 0 || p >= data.end) return;
        String mime;
        if (v22) {
            if (p + 3 > data.end) return;
            mime = Bytes.latin1(b, p, 3);
            p += 3;
        } else {
            int mimeEnd = terminator(b, p, data.end, 0);
            mime = Bytes.latin1(b, p, mimeEnd - p);
            p = mimeEnd + 1;
        }
        if (mime.equals("-->") || p >= data.end) return; // a link to a file elsewhere
        int pictureType = Bytes.u8(b, p++);
        int descriptionEnd = terminator(b, p, data.end, encoding);
        String description = decode(b, p, descriptionEnd, encoding);
        p = descriptionEnd + terminatorLength(encoding);
        if (p >= data.end) return;
        int length = data.end - p;
        tags.picture(new CoverArt(CoverArt.normalizeMime(mime, b, p), pictureType, description,
                Bytes.slice(b, p, length), data.original ? p : -1));
    }

    private static int terminatorLength(int encoding) {
        return encoding == 1 || encoding == 2 ? 2 : 1;
    }

    /** Index of the string terminator from {@code start}, or {@code end} when there is none. */
    private static int terminator(ByteSource b, int start, int end, int encoding) {
        if (terminatorLength(encoding) == 1) {
            for (int i = start; i < end; i++) if (b.get(i) == 0) return i;
            return end;
        }
        for (int i = start; i + 1 < end; i += 2) if (b.get(i) == 0 && b.get(i + 1) == 0) return i;
        return end;
    }

    private static String decode(ByteSource b, int start, int end, int encoding) {
        if (end <= start) return "";
        switch (encoding) {
            case 0 -> { return Bytes.latin1(b, start, end - start); }
            case 3 -> { return Bytes.utf8(b, start, end - start); }
            case 1, 2 -> {
                Charset charset = encoding == 2 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
                if (Bytes.matches(b, start, 0xFF, 0xFE)) {
                    charset = StandardCharsets.UTF_16LE;
                    start += 2;
                } else if (Bytes.matches(b, start, 0xFE, 0xFF)) {
                    charset = StandardCharsets.UTF_16BE;
                    start += 2;
                }
                int length = (end - start) & ~1;
                return length <= 0 ? "" : Bytes.decode(b, start, length, charset);
            }
            default -> { return ""; }
        }
    }

    /** A range of bytes; {@code original} when they are the media buffer's own. */
    record Region(ByteSource bytes, int start, int end, boolean original) {
        static Region copyOf(byte[] copy) {
            return new Region(ByteSource.of(copy), 0, copy.length, false);
        }
    }
}
