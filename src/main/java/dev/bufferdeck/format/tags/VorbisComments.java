package dev.bufferdeck.format.tags;

import dev.bufferdeck.format.Bytes;

import dev.bufferdeck.repository.ByteSource;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads a Vorbis comment block (vendor string, then KEY=value pairs), as found in Ogg Vorbis and
 * Opus comment headers and FLAC VORBIS_COMMENT blocks, with pictures in METADATA_BLOCK_PICTURE.
 */
final class VorbisComments {
    private VorbisComments() {}

    static void read(ByteSource b, int start, int end, TagBuilder tags) {
        tags.format("Vorbis comments");
        long vendorLength = Bytes.le32(b, start);
        if (vendorLength < 0 || vendorLength > end - start - 4) return;
        int p = start + 4 + (int) vendorLength;
        long count = Bytes.le32(b, p);
        if (count < 0) return;
        p += 4;
        String coverArtMime = "";
        for (long i = 0; i < count && p + 4 <= end; i++) {
            long length = Bytes.le32(b, p);
            if (length < 0 || length > end - p - 4) return;
            int entry = p + 4;
            p = entry + (int) length;
            int eq = indexOf(b, entry, p, (byte) '=');
            if (eq < 0) continue;
            String key = Bytes.latin1(b, entry, eq - entry).toUpperCase(Locale.ROOT);
            int value = eq + 1;
            switch (key) {
                case "METADATA_BLOCK_PICTURE" -> picture(base64(b, value, p), tags);
                case "COVERART" -> {
                    ByteBuffer image = base64(b, value, p);
                    if (image != null) {
                        tags.picture(new CoverArt(CoverArt.normalizeMime(coverArtMime, ByteSource.of(image), 0),
                                CoverArt.FRONT_COVER, "", image, -1));
                    }
                }
                case "COVERARTMIME" -> coverArtMime = Bytes.utf8(b, value, p - value);
                default -> field(key, Bytes.utf8(b, value, p - value), tags);
            }
        }
    }

    private static void field(String key, String value, TagBuilder tags) {
        switch (key) {
            case "TITLE" -> tags.title(value);
            case "ARTIST" -> tags.artist(value);
            case "ALBUMARTIST", "ALBUM ARTIST" -> tags.albumArtist(value);
            case "ALBUM" -> tags.album(value);
            case "DATE", "YEAR", "ORIGINALDATE" -> tags.year(value);
            case "TRACKNUMBER" -> tags.track(value);
            case "TRACKTOTAL", "TOTALTRACKS" -> tags.trackTotal(value);
            default -> tags.loudnessField(key, value);
        }
    }

    private static void picture(ByteBuffer decoded, TagBuilder tags) {
        if (decoded == null) return;
        ByteSource block = ByteSource.of(decoded);
        CoverArt picture = FlacPicture.parse(block, 0, block.limit(), false);
        if (picture != null) tags.picture(picture);
    }

    /** Decodes base64 text in {@code [start, end)}; the result is at most 3/4 of the range. */
    private static ByteBuffer base64(ByteSource b, int start, int end) {
        try {
            return Base64.getMimeDecoder().decode(Bytes.slice(b, start, end - start));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int indexOf(ByteSource b, int start, int end, byte value) {
        for (int i = start; i < end; i++) if (b.get(i) == value) return i;
        return -1;
    }
}
