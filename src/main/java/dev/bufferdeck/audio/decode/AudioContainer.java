package dev.bufferdeck.audio.decode;

import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.format.index.MpegFrameIndex;

import dev.bufferdeck.repository.ByteSource;

/** What kind of audio a buffer holds, told from its first bytes. */
enum AudioContainer {
    WAV, AIFF, AU, MP3, FLAC, OGG_VORBIS, OGG_OPUS, OGG_OTHER, MP4, AAC_ADTS, NOT_AUDIO;

    private static final FormatSniffer SNIFFER = new FormatSniffer();

    /** The decoder family for the bytes, from the same sniffer that names every buffer's format. */
    static AudioContainer sniff(ByteSource b) {
        return switch (SNIFFER.sniff(b)) {
            case WAV, RF64 -> WAV;
            case AIFF, AIFC -> AIFF;
            case AU -> AU;
            case MP3 -> MP3;
            case FLAC -> FLAC;
            case OGG_VORBIS -> OGG_VORBIS;
            case OGG_OPUS -> OGG_OPUS;
            case OGG, OGG_FLAC, OGG_SPEEX -> OGG_OTHER;
            case M4A, MP4 -> MP4;
            case AAC_ADTS -> AAC_ADTS;
            default -> NOT_AUDIO;
        };
    }

    /** Offset just after an ID3v2 tag at the start, or 0. */
    static int skipId3v2(ByteSource b) {
        return MpegFrameIndex.id3v2End(b);
    }
}
