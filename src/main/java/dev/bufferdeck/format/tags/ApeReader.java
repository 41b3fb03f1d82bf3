package dev.bufferdeck.format.tags;

import dev.bufferdeck.format.Bytes;

import dev.bufferdeck.repository.ByteSource;
import java.util.Locale;

/** Reads an APEv2 tag at the end of a buffer, or just before its ID3v1 tag (common in MP3s). */
final class ApeReader {
    private static final int FOOTER = 32;
    private static final int MAX_ITEMS = 1024;

    private ApeReader() {}

    static void read(ByteSource b, TagBuilder tags) {
        int footer = b.limit() - FOOTER;
        if (!Bytes.ascii(b, footer, "APETAGEX")) {
            footer -= Id3v1Reader.SIZE;
            if (!Id3v1Reader.present(b) || !Bytes.ascii(b, footer, "APETAGEX")) return;
        }
        long version = Bytes.le32(b, footer + 8);
        long size = Bytes.le32(b, footer + 12);
        long count = Bytes.le32(b, footer + 16);
        if ((version != 2000 && version != 1000) || size < FOOTER || size > footer + FOOTER) return;
        tags.format(version == 2000 ? "APEv2" : "APEv1");
        int p = (int) (footer + FOOTER - size);
        for (long i = 0; i < Math.min(count, MAX_ITEMS) && p + 8 < footer; i++) {
            long valueSize = Bytes.le32(b, p);
            long flags = Bytes.le32(b, p + 4);
            int keyStart = p + 8;
            int keyEnd = keyStart;
            while (keyEnd < footer && b.get(keyEnd) != 0) keyEnd++;
            int value = keyEnd + 1;
            if (keyEnd >= footer || valueSize < 0 || valueSize > footer - value) return;
            String key = Bytes.latin1(b, keyStart, keyEnd - keyStart).toLowerCase(Locale.ROOT);
            int kind = (int) ((flags >> 1) & 3);
            if (kind == 0) text(key, Bytes.utf8(b, value, (int) valueSize), tags);
            else if (kind == 1 && key.startsWith("cover art")) cover(b, key, value, (int) valueSize, tags);
            p = value + (int) valueSize;
        }
    }

    private static void text(String key, String value, TagBuilder tags) {
        switch (key) {
            case "title" -> tags.title(value);
            case "artist" -> tags.artist(value);
            case "album artist", "albumartist" -> tags.albumArtist(value);
            case "album" -> tags.album(value);
            case "year", "date" -> tags.year(value);
            case "track" -> tags.track(value);
            default -> tags.loudnessField(key, value);
        }
    }

    /** A binary cover item is a file name, a NUL, then the image. */
    private static void cover(ByteSource b, String key, int start, int length, TagBuilder tags) {
        int nul = start;
        while (nul < start + length && b.get(nul) != 0) nul++;
        int image = nul + 1;
        if (image >= start + length) return;
        int type = key.contains("front") ? CoverArt.FRONT_COVER : 0;
        tags.picture(new CoverArt(CoverArt.normalizeMime("", b, image), type, Bytes.latin1(b, start, nul - start),
                Bytes.slice(b, image, start + length - image), image));
    }
}
