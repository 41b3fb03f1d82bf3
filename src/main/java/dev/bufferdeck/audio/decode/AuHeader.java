package dev.bufferdeck.audio.decode;

import dev.bufferdeck.repository.MediaFormat;

import dev.bufferdeck.audio.UnsupportedMediaException;

import dev.bufferdeck.repository.ByteSource;
import java.nio.ByteOrder;

/** Reads a Sun/NeXT .au header (all fields big-endian). */
final class AuHeader {
    private AuHeader() {}

    static boolean matches(ByteSource b) {
        return b.limit() >= 4 && b.getInt(0) == 0x2E736E64; /* .snd */
    }

    static PcmLayout parse(ByteSource buffer) throws UnsupportedMediaException {
        HeaderReader r = new HeaderReader(buffer, ByteOrder.BIG_ENDIAN, "AU");
        long dataOffset = r.u32(4);
        long dataSize = r.u32(8);
        int code = (int) r.u32(12);
        long rate = r.u32(16);
        long channels = r.u32(20);
        if (dataOffset < 24 || dataOffset > r.size()) throw new UnsupportedMediaException("The AU file's header is corrupt (data offset " + dataOffset + ").");
        if (channels < 1 || channels > 32 || rate < 1 || rate > 1_536_000) {
            throw new UnsupportedMediaException("The AU file's header is corrupt (" + channels + " channels, " + rate + " Hz).");
        }
        SampleEncoding encoding;
        int bytesPerSample;
        String codec;
        switch (code) {
            case 1 -> { encoding = SampleEncoding.MU_LAW; bytesPerSample = 1; codec = "µ-law"; }
            case 2, 3, 4, 5 -> { encoding = SampleEncoding.SIGNED_BE; bytesPerSample = code - 1; codec = "PCM " + 8 * bytesPerSample + "-bit"; }
            case 6 -> { encoding = SampleEncoding.FLOAT_BE; bytesPerSample = 4; codec = "PCM float 32-bit"; }
            case 7 -> { encoding = SampleEncoding.FLOAT_BE; bytesPerSample = 8; codec = "PCM float 64-bit"; }
            case 27 -> { encoding = SampleEncoding.A_LAW; bytesPerSample = 1; codec = "A-law"; }
            default -> throw new UnsupportedMediaException("AU encoding " + code + " is not supported.");
        }
        int frameBytes = bytesPerSample * (int) channels;
        long declared = dataSize == 0xFFFFFFFFL ? -1 : dataSize;
        return new PcmLayout(MediaFormat.AU, codec, encoding, bytesPerSample, (int) channels, (int) rate, (int) dataOffset,
                PcmLayout.framesPresent(declared, (int) dataOffset, r.size(), frameBytes));
    }
}
