package dev.bufferdeck.format;

import dev.bufferdeck.repository.ByteSource;

/**
 * The 7-byte (9 with CRC) header of an ADTS frame, the framing of raw AAC in {@code .aac} files
 * and radio streams (ISO 14496-3 1.A.2).
 *
 * @param objectType    MPEG-4 audio object type (profile + 1): 1 Main, 2 LC, 3 SSR, 4 LTP
 * @param rateIndex     sampling frequency index 0–12
 * @param channelConfig 0–7 (0: a program config element in the stream says)
 * @param frameLength   of the whole frame, header included
 * @param headerLength  7, or 9 with a CRC
 * @param rawBlocks     raw data blocks in the frame (1–4)
 */
public record AdtsHeader(int objectType, int rateIndex, int channelConfig, int frameLength, int headerLength, int rawBlocks) {
    public static final int SAMPLES_PER_BLOCK = 1024;

    /** The header at {@code p}, or null when the bytes there are not one. */
    public static AdtsHeader parse(ByteSource b, int p) {
        if (!Bytes.fits(b, p, 7)) return null;
        int b1 = Bytes.u8(b, p + 1);
        if (Bytes.u8(b, p) != 0xFF || (b1 & 0xF6) != 0xF0) return null;
        int b2 = Bytes.u8(b, p + 2);
        int rateIndex = (b2 >> 2) & 0xF;
        if (rateIndex >= 13) return null;
        int b3 = Bytes.u8(b, p + 3);
        int length = (b3 & 3) << 11 | Bytes.u8(b, p + 4) << 3 | Bytes.u8(b, p + 5) >> 5;
        int headerLength = (b1 & 1) == 1 ? 7 : 9;
        if (length <= headerLength) return null;
        return new AdtsHeader((b2 >> 6) + 1, rateIndex, (b2 & 1) << 2 | b3 >> 6, length, headerLength,
                (Bytes.u8(b, p + 6) & 3) + 1);
    }

    public int sampleRate() {
        return new int[] {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350}[rateIndex];
    }

    /** True when {@code other} continues the same stream (same profile, rate and channels). */
    public boolean sameStream(AdtsHeader other) {
        return other != null && other.objectType == objectType && other.rateIndex == rateIndex
                && other.channelConfig == channelConfig;
    }

    /** The two-byte AudioSpecificConfig this header stands for. */
    public byte[] audioSpecificConfig() {
        int v = objectType << 11 | rateIndex << 7 | channelConfig << 3;
        return new byte[] {(byte) (v >> 8), (byte) v};
    }
}
