package dev.bufferdeck.format;

import dev.bufferdeck.repository.ByteSource;

/**
 * One MPEG audio frame header (MPEG-1, 2 and 2.5, Layers I–III), decoded from its four bytes.
 * Free-format frames (bitrate index 0) are not accepted: their length cannot be known from the header.
 *
 * @param layer       1, 2 or 3
 * @param channelMode 0 stereo, 1 joint stereo, 2 dual channel, 3 mono
 * @param frameLength bytes in the whole frame, header included
 */
public record MpegAudioHeader(Version version, int layer, int bitrateKbps, int sampleRate, boolean padding,
                              int channelMode, boolean crcProtected, int frameLength) {

    /** The MPEG audio version; its label is what people read after "MPEG-". */
    public enum Version {
        MPEG_1("1"), MPEG_2("2"), MPEG_2_5("2.5");

        private final String label;

        Version(String label) { this.label = label; }

        public String label() { return label; }
    }

    private static final int[][] BITRATES = {
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // V1 L1
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // V1 L2
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // V1 L3
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // V2 L1
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // V2 L2, L3
    };
    private static final int[] SAMPLE_RATES_V1 = {44100, 48000, 32000};

    public int channels() { return channelMode == 3 ? 1 : 2; }

    /** Samples per channel in one frame. */
    public int samplesPerFrame() {
        if (layer == 1) return 384;
        if (layer == 2 || version == Version.MPEG_1) return 1152;
        return 576;
    }

    /** Bytes of Layer III side information after the header (where a Xing/Info tag starts). */
    public int sideInfoLength() {
        if (version == Version.MPEG_1) return channels() == 1 ? 17 : 32;
        return channels() == 1 ? 9 : 17;
    }

    /** True when {@code other} could be the next frame of the same stream (same version, layer, rate and channels). */
    public boolean sameStreamAs(MpegAudioHeader other) {
        return other != null && other.version == version && other.layer == layer && other.sampleRate == sampleRate
                && other.channels() == channels();
    }

    /** The header at absolute index {@code at} of {@code bytes}, or null when there is none. */
    public static MpegAudioHeader parse(ByteSource bytes, int at) {
        if (at < 0 || at > bytes.limit() - 4) return null;
        return parse(bytes.get(at) & 0xFF, bytes.get(at + 1) & 0xFF, bytes.get(at + 2) & 0xFF,
                bytes.get(at + 3) & 0xFF);
    }

    /** The Layer III (MP3) header at absolute index {@code at}, or null when there is none. */
    public static MpegAudioHeader parseLayer3(ByteSource bytes, int at) {
        MpegAudioHeader h = parse(bytes, at);
        return h != null && h.layer == 3 ? h : null;
    }

    public static MpegAudioHeader parse(int b0, int b1, int b2, int b3) {
        if (b0 != 0xFF || (b1 & 0xE0) != 0xE0) return null;
        int versionBits = (b1 >> 3) & 3;
        int layerBits = (b1 >> 1) & 3;
        int bitrateIndex = (b2 >> 4) & 15;
        int rateIndex = (b2 >> 2) & 3;
        if (versionBits == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15
                || rateIndex == 3 || (b3 & 3) == 2) {
            return null;
        }
        Version version = versionBits == 3 ? Version.MPEG_1 : versionBits == 2 ? Version.MPEG_2 : Version.MPEG_2_5;
        int layer = 4 - layerBits;
        int table = version == Version.MPEG_1 ? layer - 1 : (layer == 1 ? 3 : 4);
        int bitrate = BITRATES[table][bitrateIndex];
        int sampleRate = SAMPLE_RATES_V1[rateIndex] / switch (version) { case MPEG_1 -> 1; case MPEG_2 -> 2; case MPEG_2_5 -> 4; };
        boolean padding = ((b2 >> 1) & 1) == 1;
        int length;
        if (layer == 1) {
            length = (12 * bitrate * 1000 / sampleRate + (padding ? 1 : 0)) * 4;
        } else {
            int coefficient = (layer == 3 && version != Version.MPEG_1) ? 72 : 144;
            length = coefficient * bitrate * 1000 / sampleRate + (padding ? 1 : 0);
        }
        return new MpegAudioHeader(version, layer, bitrate, sampleRate, padding, (b3 >> 6) & 3, (b1 & 1) == 0, length);
    }
}
