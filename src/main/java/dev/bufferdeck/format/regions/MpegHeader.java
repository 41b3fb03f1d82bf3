package dev.bufferdeck.format.regions;

/** A decoded 4-byte MPEG audio frame header. */
record MpegHeader(int version, int layer, int bitrateKbps, int sampleRate, boolean padding,
                  boolean crc, int channelMode, int frameLength) {

    /** 10 = MPEG-1, 20 = MPEG-2, 25 = MPEG-2.5. */
    private static final int[][] BITRATES = {
        {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
        {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
        {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
        {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
        {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};
    private static final int[][] RATES = {{44100, 48000, 32000}, {22050, 24000, 16000}, {11025, 12000, 8000}};

    /** The header at {@code pos}, or null when those bytes are not a valid one (free format included). */
    static MpegHeader at(Bytes b, long pos) {
        if (!b.has(pos, 4)) return null;
        int h1 = b.u8(pos), h2 = b.u8(pos + 1), h3 = b.u8(pos + 2), h4 = b.u8(pos + 3);
        if (h1 != 0xFF || (h2 & 0xE0) != 0xE0) return null;
        int versionBits = (h2 >> 3) & 3;
        int layerBits = (h2 >> 1) & 3;
        int bitrateIndex = (h3 >> 4) & 15;
        int rateIndex = (h3 >> 2) & 3;
        if (versionBits == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) return null;
        if ((h4 & 3) == 2) return null;
        int version = versionBits == 3 ? 10 : versionBits == 2 ? 20 : 25;
        int layer = 4 - layerBits;
        int table = version == 10 ? layer - 1 : (layer == 1 ? 3 : 4);
        int bitrate = BITRATES[table][bitrateIndex - 1];
        int rate = RATES[version == 10 ? 0 : version == 20 ? 1 : 2][rateIndex];
        boolean padding = ((h3 >> 1) & 1) == 1;
        int length;
        if (layer == 1) {
            length = (12 * bitrate * 1000 / rate + (padding ? 1 : 0)) * 4;
        } else if (layer == 3 && version != 10) {
            length = 72 * bitrate * 1000 / rate + (padding ? 1 : 0);
        } else {
            length = 144 * bitrate * 1000 / rate + (padding ? 1 : 0);
        }
        return new MpegHeader(version, layer, bitrate, rate, padding, (h2 & 1) == 0, (h4 >> 6) & 3, length);
    }

    /** Two headers in a row with the same version, layer and rate: a confident sync. */
    static boolean confirmedAt(Bytes b, long pos) {
        MpegHeader h = at(b, pos);
        if (h == null) return false;
        long next = pos + h.frameLength();
        if (next == b.size()) return true;
        MpegHeader n = at(b, next);
        return n != null && n.version == h.version && n.layer == h.layer && n.sampleRate == h.sampleRate;
    }

    int samplesPerFrame() {
        if (layer == 1) return 384;
        if (layer == 3 && version != 10) return 576;
        return 1152;
    }

    boolean mono() { return channelMode == 3; }

    /** Bytes of Layer III side information after the header (and CRC). */
    int sideInfoSize() {
        if (version == 10) return mono() ? 17 : 32;
        return mono() ? 9 : 17;
    }

    String versionName() {
        return version == 10 ? "MPEG-1" : version == 20 ? "MPEG-2" : "MPEG-2.5";
    }

    String layerName() {
        return layer == 1 ? "Layer I" : layer == 2 ? "Layer II" : "Layer III";
    }

    String describe() {
        return versionName() + " " + layerName() + " frame · " + bitrateKbps + " kbps · "
                + Describe.hz(sampleRate) + " · " + Describe.bytes(frameLength);
    }
}
