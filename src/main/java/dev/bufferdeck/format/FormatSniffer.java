package dev.bufferdeck.format;

import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.repository.FormatDetector;

import dev.bufferdeck.repository.ByteSource;

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
    public Detection detect(ByteSource bytes, String declaredType) {
        MediaFormat format = sniff(bytes);
        DeclaredType declared = DeclaredType.of(declaredType);
        if (!declared.contradictedBy(format)) return new Detection(format, false, "");
        String noun = format.noun();
        String note = Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + " where " + declared.describe();
        return new Detection(format, true, note);
    }

    /** The format of the bytes. */
    public MediaFormat sniff(ByteSource bytes) {
        try {
            return sniffUnguarded(bytes);
        } catch (RuntimeException e) {
            return MediaFormat.UNKNOWN; // a parser bug must not stop a load
        }
    }

    /** {@link #sniff} without its safety net, so tests see any exception a parser lets slip. */
    MediaFormat sniffUnguarded(ByteSource b) {
        if (b.limit() == 0) return MediaFormat.EMPTY;
        long afterTags = 0;
        for (int i = 0; i < MAX_CHAINED_TAGS && afterTags < b.limit(); i++) {
            Id3v2Header tag = Id3v2Header.parse(b, (int) afterTags);
            if (tag == null) break;
            afterTags = tag.end();
        }
        if (afterTags > 0) return afterId3(b, afterTags);

        MediaFormat format = byMagic(b, 0);
        if (format != null) return format;
        format = TextSniffer.classify(b);
        if (format != null) return format;
        format = mpegStream(b, 0, JUNK_WINDOW);
        return format != null ? format : MediaFormat.UNKNOWN;
    }

    /** An ID3v2 tag is an MP3 tag in practice; FLAC and AAC files sometimes carry one too. */
    private MediaFormat afterId3(ByteSource b, long afterTags) {
        if (afterTags >= b.limit()) return MediaFormat.MP3;
        int start = (int) afterTags;
        MediaFormat format = byMagic(b, start);
        if (format != null) return format;
        format = mpegStream(b, start, AFTER_TAG_WINDOW);
        return format != null ? format : MediaFormat.MP3;
    }

    private static MediaFormat byMagic(ByteSource b, int at) {
        if (Bytes.ascii(b, at, "RIFF")) {
            if (Bytes.ascii(b, at + 8, "WAVE")) return MediaFormat.WAV;
            if (Bytes.ascii(b, at + 8, "RMID")) return MediaFormat.MIDI;
            return null;
        }
        if ((Bytes.ascii(b, at, "RF64") || Bytes.ascii(b, at, "BW64")) && Bytes.ascii(b, at + 8, "WAVE")) {
            return MediaFormat.RF64;
        }
        if (Bytes.ascii(b, at, "FORM")) {
            if (Bytes.ascii(b, at + 8, "AIFF")) return MediaFormat.AIFF;
            if (Bytes.ascii(b, at + 8, "AIFC")) return MediaFormat.AIFC;
            return null;
        }
        if (Bytes.ascii(b, at, ".snd") && Bytes.be32(b, at + 4) >= 24) return MediaFormat.AU;
        if (Bytes.ascii(b, at, "OggS")) return ogg(b, at);
        if (Bytes.ascii(b, at, "fLaC")) return MediaFormat.FLAC;
        if (Bytes.ascii(b, at, "MThd") && Bytes.be32(b, at + 4) >= 6) return MediaFormat.MIDI;
        if (Bytes.ascii(b, at + 4, "ftyp")) return IsoBrands.classify(b, at);
        if (Bytes.matches(b, at, 0x1A, 0x45, 0xDF, 0xA3)) return Ebml.classify(b, at);
        if (Bytes.matches(b, at, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return MediaFormat.PNG;
        if (Bytes.matches(b, at, 0xFF, 0xD8, 0xFF)) return MediaFormat.JPEG;
        if (Bytes.ascii(b, at, "GIF87a") || Bytes.ascii(b, at, "GIF89a")) return MediaFormat.GIF;
        if (Bytes.ascii(b, at, "%PDF-")) return MediaFormat.PDF;
        if (Bytes.matches(b, at, 'P', 'K', 3, 4) || Bytes.matches(b, at, 'P', 'K', 5, 6)
                || Bytes.matches(b, at, 'P', 'K', 7, 8)) {
            return MediaFormat.ZIP;
        }
        return null;
    }

    /** The codec of an Ogg stream is named by the start of its first packet. */
    private static MediaFormat ogg(ByteSource b, int at) {
        int segments = Bytes.u8(b, at + 26);
        if (Bytes.u8(b, at + 4) != 0 || segments < 0) return MediaFormat.OGG;
        int packet = at + 27 + segments;
        if (Bytes.matches(b, packet, 1, 'v', 'o', 'r', 'b', 'i', 's')) return MediaFormat.OGG_VORBIS;
        if (Bytes.ascii(b, packet, "OpusHead")) return MediaFormat.OGG_OPUS;
        if (Bytes.matches(b, packet, 0x7F, 'F', 'L', 'A', 'C')) return MediaFormat.OGG_FLAC;
        if (Bytes.ascii(b, packet, "Speex   ")) return MediaFormat.OGG_SPEEX;
        return MediaFormat.OGG;
    }

    /**
     * An MPEG audio or ADTS stream starting within {@code window} bytes of {@code from}: two
     * consecutive frame headers of the same stream, or one frame at {@code from} that runs to the
     * end of the data.
     */
    static MediaFormat mpegStream(ByteSource b, int from, int window) {
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
                if (next + 7 <= n ? adtsFrameLength(b, (int) next) > 0 : p == from) return MediaFormat.AAC_ADTS;
            }
        }
        return null;
    }

    private static MediaFormat mpegFormat(MpegAudioHeader header) {
        return switch (header.layer()) {
            case 1 -> MediaFormat.MPEG_LAYER_1;
            case 2 -> MediaFormat.MPEG_LAYER_2;
            default -> MediaFormat.MP3;
        };
    }

    /** Length of the ADTS frame whose header is at {@code p}, or -1 when there is none. */
    static int adtsFrameLength(ByteSource b, int p) {
        AdtsHeader header = AdtsHeader.parse(b, p);
        return header == null ? -1 : header.frameLength();
    }
}
