package dev.bufferdeck.format.tags;

import dev.bufferdeck.format.Bytes;

import dev.bufferdeck.repository.ByteSource;

/** Reads the 128-byte ID3v1 / ID3v1.1 tag at the end of a buffer. */
final class Id3v1Reader {
    static final int SIZE = 128;

    private Id3v1Reader() {}

    static boolean present(ByteSource b) {
        return b.limit() >= SIZE && Bytes.ascii(b, b.limit() - SIZE, "TAG");
    }

    static void read(ByteSource b, TagBuilder tags) {
        if (!present(b)) return;
        int p = b.limit() - SIZE;
        tags.format("ID3v1");
        tags.title(field(b, p + 3, 30));
        tags.artist(field(b, p + 33, 30));
        tags.album(field(b, p + 63, 30));
        tags.year(field(b, p + 93, 4));
        if (b.get(p + 125) == 0 && b.get(p + 126) != 0) tags.track(Integer.toString(b.get(p + 126) & 0xFF));
    }

    private static String field(ByteSource b, int at, int length) {
        int end = at;
        while (end < at + length && b.get(end) != 0) end++;
        return Bytes.latin1(b, at, end - at).strip();
    }
}
