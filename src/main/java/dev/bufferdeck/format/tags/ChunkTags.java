package dev.bufferdeck.format.tags;

import dev.bufferdeck.format.Bytes;
import dev.bufferdeck.format.Id3v2Header;

import dev.bufferdeck.repository.ByteSource;

/** Tags in RIFF/WAV (LIST INFO, "id3 " chunk) and AIFF (NAME, AUTH, "ID3 " chunk) files. */
final class ChunkTags {
    private static final int MAX_CHUNKS = 4096;

    private ChunkTags() {}

    static void readWav(ByteSource b, TagBuilder tags) {
        walk(b, 12, false, tags);
    }

    static void readAiff(ByteSource b, TagBuilder tags) {
        walk(b, 12, true, tags);
    }

    private static void walk(ByteSource b, int from, boolean bigEndian, TagBuilder tags) {
        long p = from;
        for (int i = 0; i < MAX_CHUNKS && p + 8 <= b.limit(); i++) {
            int at = (int) p;
            String id = Bytes.latin1(b, at, 4);
            long size = bigEndian ? Bytes.be32(b, at + 4) : Bytes.le32(b, at + 4);
            int start = at + 8;
            int end = (int) Math.min(start + size, b.limit());
            switch (id) {
                case "LIST" -> { if (!bigEndian && Bytes.ascii(b, start, "INFO")) info(b, start + 4, end, tags); }
                case "id3 ", "ID3 " -> {
                    Id3v2Header header = Id3v2Header.parse(b, start);
                    if (header != null) Id3v2Reader.read(b, header, tags);
                }
                case "NAME" -> { if (bigEndian) tags.title(Bytes.latin1(b, start, end - start)); }
                case "AUTH" -> { if (bigEndian) tags.artist(Bytes.latin1(b, start, end - start)); }
                default -> { }
            }
            p = start + size + (size & 1);
        }
    }

    private static void info(ByteSource b, int from, int end, TagBuilder tags) {
        tags.format("RIFF INFO");
        long p = from;
        while (p + 8 <= end) {
            int at = (int) p;
            String id = Bytes.latin1(b, at, 4);
            long size = Bytes.le32(b, at + 4);
            int start = at + 8;
            if (size > end - start) break;
            String value = Bytes.utf8(b, start, (int) size);
            switch (id) {
                case "INAM" -> tags.title(value);
                case "IART" -> tags.artist(value);
                case "IPRD" -> tags.album(value);
                case "ICRD" -> tags.year(value);
                case "ITRK", "IPRT" -> tags.track(value);
                default -> { }
            }
            p = start + size + (size & 1);
        }
    }
}
