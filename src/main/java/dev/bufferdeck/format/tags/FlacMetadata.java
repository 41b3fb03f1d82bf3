package dev.bufferdeck.format.tags;

import dev.bufferdeck.format.Bytes;

import dev.bufferdeck.repository.ByteSource;

/** Walks the metadata blocks of a native FLAC stream for VORBIS_COMMENT and PICTURE. */
final class FlacMetadata {
    static final int VORBIS_COMMENT = 4;
    static final int PICTURE = 6;
    private static final int MAX_BLOCKS = 1024;

    private FlacMetadata() {}

    /** {@code at} is where "fLaC" starts. */
    static void read(ByteSource b, int at, TagBuilder tags) {
        if (!Bytes.ascii(b, at, "fLaC")) return;
        int p = at + 4;
        for (int i = 0; i < MAX_BLOCKS && p + 4 <= b.limit(); i++) {
            int header = Bytes.u8(b, p);
            int length = Bytes.be24(b, p + 1);
            int start = p + 4;
            int end = (int) Math.min((long) start + length, b.limit());
            block(header & 0x7F, b, start, end, true, tags);
            if ((header & 0x80) != 0) break;
            p = start + length;
        }
    }

    static void block(int type, ByteSource b, int start, int end, boolean original, TagBuilder tags) {
        if (type == VORBIS_COMMENT) {
            VorbisComments.read(b, start, end, tags);
        } else if (type == PICTURE) {
            CoverArt picture = FlacPicture.parse(b, start, end, original);
            if (picture != null) tags.picture(picture);
        }
    }
}
