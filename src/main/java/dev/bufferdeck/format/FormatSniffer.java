package dev.bufferdeck.format;

import dev.bufferdeck.repository.FormatDetector;

import java.nio.ByteBuffer;

/**
 * Tells a buffer's format from its bytes, never from its name. Looks only at the first few KiB
 * (and at header fields it has checked against the buffer's length), so it is fast on any buffer,
 * allocates nothing in proportion to a size the data claims, and never throws.
 */
public final class FormatSniffer implements FormatDetector {
    /** How far into the data an MPEG or ADTS stream may start ("a little junk"). */
    static final int JUNK_WINDOW = 8 * 1024;
    /** How far past an ID3v2 tag padding may run before the audio starts. */
    static final int AFTER_TAG_WINDOW = 16 * 1024;
    private static final int MAX_CHAINED_TAGS = 4;

    @Override
    public Detection detect(ByteBuffer bytes, String declaredType) {
        DetectedFormat format = sniff(bytes);
        DeclaredType declared = DeclaredType.of(declaredType);
        if (!declared.contradictedBy(format)) return new Detection(format.displayName(), false, "");
        String noun = format.noun();
        String note = Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + " where " + declared.describe();
        return new Detection(format.displayName(), true, note);
    }

    /** The format of the bytes from the buffer's position to its limit. */
    public DetectedFormat sniff(ByteBuffer bytes) {
        try {
            return sniffUnguarded(bytes.slice());
        } catch (RuntimeException e) {
            return DetectedFormat.UNKNOWN; // a parser bug must not stop a load
        }
    }

    /** {@link #sniff} without its safety net, so tests see any exception a parser lets slip. */
    DetectedFormat sniffUnguarded(ByteBuffer b) {
        if (b.limit() == 0) return DetectedFormat.EMPTY;
        long afterTags = 0;
        for (int i = 0; i < MAX_CHAINED_TAGS && afterTags < b.limit(); i++) {
            Id3v2Header tag = Id3v2Header.parse(b, (int) afterTags);
            if (tag == null) break;
            afterTags = tag.end();
        }
        if (afterTags > 0) return afterId3(b, afterTags);

        DetectedFormat format = byMagic(b, 0);
        if (format != null) return format;
        format = TextSniffer.classify(b);
        if (format != null) return format;
        format = mpegStream(b, 0, JUNK_WINDOW);
        return format != null ? format : DetectedFormat.UNKNOWN;
    }

    /** An ID3v2 tag is an MP3 tag in practice; FLAC and AAC files sometimes carry one too. */
    private DetectedFormat afterId3(ByteBuffer b, long afterTags) {
        if (afterTags >= b.limit()) return DetectedFormat.MP3;
        int start = (int) afterTags;
        DetectedFormat format = byMagic(b, start);
        if (format != null) return format;
        format = mpegStream(b, start, AFTER_TAG_WINDOW);
        return format != null ? format : DetectedFormat.MP3;
    }

    private static DetectedFormat byMagic(ByteBuffer b, int at) {
        if (Bytes.ascii(b, at, "RIFF")) {
            if (Bytes.ascii(b, at + 8, "WAVE")) return DetectedFormat.WAV;
            if (Bytes.ascii(b, at + 8, "RMID")) return DetectedFormat.MIDI;
            return null;
        }
        if ((Bytes.ascii(b, at, "RF64") || Bytes.ascii(b, at, "BW64")) && Bytes.ascii(b, at + 8, "WAVE")) {
            return DetectedFormat.RF64;
        }
        if (Bytes.ascii(b, at, "FORM")) {
            if (Bytes.ascii(b, at + 8, "AIFF")) return DetectedFormat.AIFF;
            if (Bytes.ascii(b, at + 8, "AIFC")) return DetectedFormat.AIFC;
            return null;
        }
        if (Bytes.ascii(b, at, ".snd") && Bytes.be32(b, at + 4) >= 24) return DetectedFormat.AU;
        if (Bytes.ascii(b, at, "OggS")) return ogg(b, at);
        if (Bytes.ascii(b, at, "fLaC")) return DetectedFormat.FLAC;
        if (Bytes.ascii(b, at, "MThd") && Bytes.be32(b, at + 4) >= 6) return DetectedFormat.MIDI;
        if (Bytes.ascii(b, at + 4, "ftyp")) return IsoBrands.classify(b, at);
        if (Bytes.matches(b, at, 0x1A, 0x45, 0xDF, 0xA3)) return Ebml.classify(b, at);
        if (Bytes.matches(b, at, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return DetectedFormat.PNG;
        if (Bytes.matches(b, at, 0xFF, 0xD8, 0xFF)) return DetectedFormat.JPEG;
        if (Bytes.ascii(b, at, "GIF87a") || Bytes.ascii(b, at, "GIF89a")) return DetectedFormat.GIF;
        if (Bytes.ascii(b, at, "%PDF-")) return DetectedFormat.PDF;
        if (Bytes.matches(b, at, 'P', 'K', 3, 4) || Bytes.matches(b, at, 'P', 'K', 5, 6)
                || Bytes.matches(b, at, 'P', 'K', 7, 8)) {
            return DetectedFormat.ZIP;
        }
        return null;
    }

    /** The codec of an Ogg stream is named by the start of its first packet. */
    private static DetectedFormat ogg(ByteBuffer b, int at) {
        int segments = Bytes.u8(b, at + 26);
        if (Bytes.u8(b, at + 4) != 0 || segments < 0) return DetectedFormat.OGG;
        int packet = at + 27 + segments;
        if (Bytes.matches(b, packet, 1, 'v', 'o', 'r', 'b', 'i', 's')) return DetectedFormat.OGG_VORBIS;
        if (Bytes.ascii(b, packet, "OpusHead")) return DetectedFormat.OGG_OPUS;
        if (Bytes.matches(b, packet, 0x7F, 'F', 'L', 'A', 'C')) return DetectedFormat.OGG_FLAC;
        if (Bytes.ascii(b, packet, "Speex   ")) return DetectedFormat.OGG_SPEEX;
        return DetectedFormat.OGG;
    }

    /**
     * An MPEG audio or ADTS stream starting within {@code window} bytes of {@code from}: two
     * consecutive frame headers of the same stream, or one frame at {@code from} that runs to the
     * end of the data.
     */
    static DetectedFormat mpegStream(ByteBuffer b, int from, int window) {
        int n = b.limit();
        long last = Math.min((long) n - 4, (long) from + window);
        for (int p = from; p <= last; p++) {
            if ((b.get(p) & 0xFF) != 0xFF) continue;
            MpegAudioHeader header = MpegAudioHeader.parse(b, p);
            if (header != null) {
                long next = (long) p + header.frameLength();
                if (next + 4 <= n) {
                    MpegAudioHeader second = MpegAudioHeader.parse(b, (int) next);
                    if (second != null && header.sameStreamAs(second)) return mpegFormat(header);
                } else if (p == from) {
                    return mpegFormat(header);
                }
                continue;
            }
            int adtsLength = adtsFrameLength(b, p);
            if (adtsLength > 0) {
                long next = (long) p + adtsLength;
                if (next + 7 <= n ? adtsFrameLength(b, (int) next) > 0 : p == from) return DetectedFormat.AAC_ADTS;
            }
        }
        return null;
    }

    private static DetectedFormat mpegFormat(MpegAudioHeader header) {
        return switch (header.layer()) {
            case 1 -> DetectedFormat.MPEG_LAYER_1;
            case 2 -> DetectedFormat.MPEG_LAYER_2;
            default -> DetectedFormat.MP3;
        };
    }

    /** Length of the ADTS frame whose header is at {@code p}, or -1 when there is none. */
    static int adtsFrameLength(ByteBuffer b, int p) {
        AdtsHeader header = AdtsHeader.parse(b, p);
        return header == null ? -1 : header.frameLength();
    }
}
