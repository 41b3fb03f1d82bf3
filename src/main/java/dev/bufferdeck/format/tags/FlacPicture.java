package dev.bufferdeck.format.tags;

import dev.bufferdeck.format.Bytes;

import dev.bufferdeck.repository.ByteSource;

/** The FLAC PICTURE block layout, also used base64-encoded in Vorbis comments (METADATA_BLOCK_PICTURE). */
final class FlacPicture {
    private FlacPicture() {}

    /** The picture in {@code [start, end)} of {@code b}, or null when it does not fit its own lengths. */
    static CoverArt parse(ByteSource b, int start, int end, boolean original) {
        int p = start;
        long type = Bytes.be32(b, p);
        long mimeLength = Bytes.be32(b, p + 4);
        if (type < 0 || mimeLength < 0 || mimeLength > end - p - 8) return null;
        p += 8;
        String mime = Bytes.latin1(b, p, (int) mimeLength);
        p += (int) mimeLength;
        long descriptionLength = Bytes.be32(b, p);
        if (descriptionLength < 0 || descriptionLength > end - p - 4) return null;
        p += 4;
        String description = Bytes.utf8(b, p, (int) descriptionLength);
        p += (int) descriptionLength + 16; // width, height, colour depth, palette size
        long dataLength = Bytes.be32(b, p);
        if (dataLength < 0 || p + 4 > end || dataLength > end - p - 4) return null;
        p += 4;
        return new CoverArt(CoverArt.normalizeMime(mime, b, p), (int) Math.min(type, Integer.MAX_VALUE), description,
                Bytes.slice(b, p, (int) dataLength), original ? p : -1);
    }
}
