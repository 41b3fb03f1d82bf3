package dev.bufferdeck.format.tags;

import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.format.Id3v2Header;
import dev.bufferdeck.repository.MediaBuffer;

import dev.bufferdeck.repository.ByteSource;

/**
 * Reads title, artist, album, year, track and pictures from a buffer, whatever tag format it uses:
 * ID3v2 (2.2–2.4), APEv2 and ID3v1, Vorbis comments in Ogg Vorbis, Opus and FLAC, FLAC pictures, RIFF
 * INFO, AIFF text chunks and MP4 item lists. When a file has several, ID3v2 wins over the others.
 * Never throws; damaged tags yield what could be read.
 */
public final class TagReader {
    private static final FormatSniffer SNIFFER = new FormatSniffer();
    private static final int MAX_CHAINED_TAGS = 4;

    private TagReader() {}

    public static Tags read(MediaBuffer buffer) {
        return read(buffer.bytes());
    }

    /** Reads the bytes from the buffer's position to its limit. */
    public static Tags read(ByteSource bytes) {
        TagBuilder tags = new TagBuilder();
        try {
            read(bytes, tags);
        } catch (RuntimeException e) {
            // a reader missed a bound: keep what was read before it
        }
        return tags.build();
    }

    /**
     * The tags of one Ogg comment header packet (Vorbis {@code \3vorbis} or {@code OpusTags}), as
     * each link of a chained Ogg stream carries its own.
     */
    public static Tags oggCommentPacket(ByteSource packet) {
        TagBuilder tags = new TagBuilder();
        try {
            OggTags.commentPacket(packet, tags);
        } catch (RuntimeException e) {
            // damaged comments: keep what was read
        }
        return tags.build();
    }

    /** {@link #read(ByteSource)} without its safety net, so tests see any exception a reader lets slip. */
    static Tags readUnguarded(ByteSource bytes) {
        TagBuilder tags = new TagBuilder();
        read(bytes, tags);
        return tags.build();
    }

    private static void read(ByteSource b, TagBuilder tags) {
        long p = 0;
        for (int i = 0; i < MAX_CHAINED_TAGS && p < b.limit(); i++) {
            Id3v2Header header = Id3v2Header.parse(b, (int) p);
            if (header == null) break;
            Id3v2Reader.read(b, header, tags);
            p = header.end();
        }
        MediaFormat format = SNIFFER.sniff(b);
        switch (format.family()) {
            case FLAC -> FlacMetadata.read(b, (int) Math.min(p, b.limit()), tags);
            case OGG -> OggTags.read(b, format, tags);
            case WAV -> ChunkTags.readWav(b, tags);
            case AIFF -> ChunkTags.readAiff(b, tags);
            case MP4 -> Mp4Tags.read(b, tags);
            default -> { }
        }
        MediaFormat.Family family = format.family();
        if (family == MediaFormat.Family.MPEG || family == MediaFormat.Family.AAC
                || family == MediaFormat.Family.FLAC || tags.hasFormat("ID3v2")) {
            ApeReader.read(b, tags);
            Id3v1Reader.read(b, tags);
        }
    }
}
