package dev.bufferdeck.audio.decode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** What kind of audio a buffer holds, told from its first bytes. */
enum AudioContainer {
    WAV, AIFF, AU, MP3, FLAC, OGG_VORBIS, OGG_OPUS, OGG_OTHER, MP4, AAC_ADTS, NOT_AUDIO;

    static AudioContainer sniff(ByteBuffer b) {
        if (WavHeader.matches(b)) return WAV;
        if (AiffHeader.matches(b)) return AIFF;
        if (AuHeader.matches(b)) return AU;
        if (startsWith(b, 0, "OggS")) return oggKind(b);
        if (b.limit() >= 12 && startsWith(b, 4, "ftyp")) return MP4;
        int start = skipId3v2(b);
        if (startsWith(b, start, "fLaC")) return FLAC;
        if (start + 2 <= b.limit() && (b.get(start) & 0xFF) == 0xFF && (b.get(start + 1) & 0xF6) == 0xF0) return AAC_ADTS;
        if (dev.bufferdeck.format.index.MpegFrameIndex.findFirstFrame(b, start) >= 0) return MP3;
        return NOT_AUDIO;
    }

    /** Offset just after an ID3v2 tag at the start, or 0. */
    static int skipId3v2(ByteBuffer b) {
        return dev.bufferdeck.format.index.MpegFrameIndex.id3v2End(b);
    }

    private static AudioContainer oggKind(ByteBuffer b) {
        if (b.limit() < 28) return OGG_OTHER;
        int segments = b.get(26) & 0xFF;
        int packet = 27 + segments;
        if (startsWith(b, packet, "\u0001vorbis")) return OGG_VORBIS;
        if (startsWith(b, packet, "OpusHead")) return OGG_OPUS;
        return OGG_OTHER;
    }

    static boolean startsWith(ByteBuffer b, int offset, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        if (offset < 0 || offset + m.length > b.limit()) return false;
        for (int i = 0; i < m.length; i++) if (b.get(offset + i) != m[i]) return false;
        return true;
    }
}
