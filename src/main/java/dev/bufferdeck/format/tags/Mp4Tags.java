package dev.bufferdeck.format.tags;

import dev.bufferdeck.format.Bytes;

import java.nio.ByteBuffer;

/** iTunes-style tags of MP4/M4A files: moov/udta/meta/ilst items holding "data" boxes. */
final class Mp4Tags {
    private static final int MAX_BOXES = 4096;

    private Mp4Tags() {}

    static void read(ByteBuffer b, TagBuilder tags) {
        int[] moov = find(b, 0, b.limit(), "moov");
        int[] udta = moov == null ? null : find(b, moov[0], moov[1], "udta");
        int[] meta = udta == null ? null : find(b, udta[0], udta[1], "meta");
        if (meta == null) return;
        int metaChildren = Bytes.ascii(b, meta[0] + 4, "hdlr") ? meta[0] : meta[0] + 4; // full box, except in QuickTime
        int[] ilst = find(b, metaChildren, meta[1], "ilst");
        if (ilst == null) return;
        tags.format("MP4");
        int p = ilst[0];
        for (int i = 0; i < MAX_BOXES && p + 8 <= ilst[1]; i++) {
            long size = Bytes.be32(b, p);
            if (size < 8 || size > ilst[1] - p) break;
            item(b, Bytes.latin1(b, p + 4, 4), p + 8, p + (int) size, tags);
            p += (int) size;
        }
    }

    private static void item(ByteBuffer b, String name, int start, int end, TagBuilder tags) {
        int p = start;
        for (int i = 0; i < MAX_BOXES && p + 16 <= end; i++) {
            long size = Bytes.be32(b, p);
            if (size < 16 || size > end - p) return;
            if (Bytes.ascii(b, p + 4, "data")) {
                int type = (int) (Bytes.be32(b, p + 8) & 0xFFFFFF);
                int data = p + 16;
                int length = (int) size - 16;
                switch (name) {
                    case "\u00a9nam" -> tags.title(Bytes.utf8(b, data, length));
                    case "\u00a9ART" -> tags.artist(Bytes.utf8(b, data, length));
                    case "aART" -> tags.albumArtist(Bytes.utf8(b, data, length));
                    case "\u00a9alb" -> tags.album(Bytes.utf8(b, data, length));
                    case "\u00a9day" -> tags.year(Bytes.utf8(b, data, length));
                    case "trkn" -> {
                        if (length >= 4 && Bytes.be16(b, data + 2) > 0) {
                            int total = length >= 6 ? Bytes.be16(b, data + 4) : 0;
                            tags.track(Bytes.be16(b, data + 2) + (total > 0 ? "/" + total : ""));
                        }
                    }
                    case "covr" -> {
                        String mime = type == 14 ? "image/png" : type == 13 ? "image/jpeg" : "";
                        tags.picture(new CoverArt(CoverArt.normalizeMime(mime, b, data), CoverArt.FRONT_COVER, "",
                                Bytes.slice(b, data, length), data));
                    }
                    default -> { }
                }
            }
            p += (int) size;
        }
    }

    /** {start, end} of the payload of the first child box named {@code type} in {@code [from, to)}, or null. */
    private static int[] find(ByteBuffer b, int from, int to, String type) {
        long p = from;
        for (int i = 0; i < MAX_BOXES && p + 8 <= to; i++) {
            int at = (int) p;
            long size = Bytes.be32(b, at);
            int header = 8;
            if (size == 1) {
                long high = Bytes.be32(b, at + 8);
                long low = Bytes.be32(b, at + 12);
                if (high != 0 || low < 16) return null;
                size = low;
                header = 16;
            } else if (size == 0) {
                size = to - p;
            }
            if (size < header || size > to - p) return null;
            if (Bytes.ascii(b, at + 4, type)) return new int[] {at + header, at + (int) size};
            p += size;
        }
        return null;
    }
}
