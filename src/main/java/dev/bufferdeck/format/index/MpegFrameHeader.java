package dev.bufferdeck.format.index;

/**
 * One MPEG audio Layer III frame header (the 4 bytes before each frame).
 *
 * @param version "1", "2" or "2.5"
 * @param frameLength bytes in the whole frame, header included
 */
public record MpegFrameHeader(String version, int bitrateKbps, int sampleRate, int channels,
                              boolean crcProtected, int frameLength, int samplesPerFrame) {

    private static final int[] BITRATES_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] BITRATES_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[][] RATES = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000}};

    /** The header at {@code offset} of {@code b}, or null when those bytes are not a Layer III header we can play. */
    public static MpegFrameHeader parse(java.nio.ByteBuffer b, int offset) {
        if (offset < 0 || offset + 4 > b.limit()) return null;
        int h = b.getInt(offset);
        if ((h >>> 21) != 0x7FF) return null;
        int versionBits = (h >>> 19) & 3;
        int layerBits = (h >>> 17) & 3;
        int bitrateIndex = (h >>> 12) & 15;
        int rateIndex = (h >>> 10) & 3;
        if (versionBits == 1 || layerBits != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) return null;
        boolean v1 = versionBits == 3;
        int bitrate = (v1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex];
        int rate = RATES[versionBits][rateIndex];
        int padding = (h >>> 9) & 1;
        int channels = ((h >>> 6) & 3) == 3 ? 1 : 2;
        int length = (v1 ? 144_000 : 72_000) * bitrate / rate + padding;
        String version = v1 ? "1" : versionBits == 2 ? "2" : "2.5";
        return new MpegFrameHeader(version, bitrate, rate, channels, ((h >>> 16) & 1) == 0, length, v1 ? 1152 : 576);
    }

    /** Bytes of side information after the header (where a Xing/Info tag starts). */
    public int sideInfoLength() {
        if (version.equals("1")) return channels == 1 ? 17 : 32;
        return channels == 1 ? 9 : 17;
    }

    /** Same stream parameters (version, rate, channels): a frame that belongs with this one. */
    public boolean sameStream(MpegFrameHeader other) {
        return other != null && version.equals(other.version) && sampleRate == other.sampleRate
                && channels == other.channels;
    }
}
