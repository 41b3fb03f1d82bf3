package dev.bufferdeck.audio.decode;

import dev.bufferdeck.repository.MediaFormat;

import dev.bufferdeck.audio.UnsupportedMediaException;

import dev.bufferdeck.repository.ByteSource;
import java.nio.ByteOrder;

/** Reads an AIFF or AIFF-C header: the COMM chunk and where the SSND samples start. */
final class AiffHeader {
    private AiffHeader() {}

    static boolean matches(ByteSource b) {
        if (b.limit() < 12 || b.getInt(0) != 0x464F524D /* FORM */) return false;
        int type = b.getInt(8);
        return type == 0x41494646 /* AIFF */ || type == 0x41494643 /* AIFC */;
    }

    static PcmLayout parse(ByteSource buffer) throws UnsupportedMediaException {
        HeaderReader r = new HeaderReader(buffer, ByteOrder.BIG_ENDIAN, "AIFF");
        boolean aifc = r.fourCc(8).equals("AIFC");
        int channels = -1, bits = 0, rate = 0;
        long frames = 0;
        String compression = "NONE";
        long pos = 12;
        while (pos + 8 <= r.size()) {
            String id = r.fourCc(pos);
            long size = r.u32(pos + 4);
            long body = pos + 8;
            if (id.equals("COMM")) {
                channels = r.u16(body);
                frames = r.u32(body + 2);
                bits = r.u16(body + 6);
                double exact = r.extended(body + 8);
                rate = (int) Math.round(exact);
                if (aifc) compression = r.fourCc(body + 18);
            } else if (id.equals("SSND")) {
                if (channels < 0) throw new UnsupportedMediaException("The AIFF file has no COMM chunk before its samples.");
                long offset = r.u32(body);
                long dataOffset = body + 8 + offset;
                if (dataOffset > r.size()) throw new UnsupportedMediaException("The AIFF file is truncated: its sound data is missing.");
                return layout(aifc, compression, channels, bits, rate, (int) dataOffset, frames, size - 8 - offset, r.size());
            }
            pos = body + size + (size & 1);
        }
        throw new UnsupportedMediaException(channels < 0
                ? "The AIFF file is truncated or corrupt: no COMM chunk."
                : "The AIFF file is truncated or corrupt: no SSND chunk.");
    }

    private static PcmLayout layout(boolean aifc, String compression, int channels, int bits, int rate,
                                    int dataOffset, long frames, long dataSize, int bufferSize)
            throws UnsupportedMediaException {
        if (channels < 1 || channels > 32 || rate < 1 || rate > 1_536_000) {
            throw new UnsupportedMediaException("The AIFF file's COMM chunk is corrupt (" + channels
                    + " channels, " + rate + " Hz).");
        }
        int bytesPerSample = (bits + 7) / 8;
        SampleEncoding encoding;
        String codec;
        switch (compression) {
            case "NONE", "twos" -> { encoding = SampleEncoding.SIGNED_BE; codec = "PCM " + bits + "-bit"; }
            case "sowt" -> { encoding = SampleEncoding.SIGNED_LE; codec = "PCM " + bits + "-bit (little-endian)"; }
            case "raw " -> { encoding = SampleEncoding.UNSIGNED; codec = "PCM 8-bit unsigned"; bytesPerSample = 1; }
            case "fl32", "FL32" -> { encoding = SampleEncoding.FLOAT_BE; codec = "PCM float 32-bit"; bytesPerSample = 4; }
            case "fl64", "FL64" -> { encoding = SampleEncoding.FLOAT_BE; codec = "PCM float 64-bit"; bytesPerSample = 8; }
            case "ulaw", "ULAW" -> { encoding = SampleEncoding.MU_LAW; codec = "µ-law"; bytesPerSample = 1; }
            case "alaw", "ALAW" -> { encoding = SampleEncoding.A_LAW; codec = "A-law"; bytesPerSample = 1; }
            default -> throw new UnsupportedMediaException("AIFF-C compression '" + compression.trim() + "' is not supported.");
        }
        if (bytesPerSample < 1 || bytesPerSample > 8 || (encoding == SampleEncoding.SIGNED_BE && bytesPerSample > 4)) {
            throw new UnsupportedMediaException("AIFF with " + bits + " bits per sample is not supported.");
        }
        int frameBytes = bytesPerSample * channels;
        long declared = Math.min(frames * frameBytes, Math.max(0, dataSize));
        return new PcmLayout(aifc ? MediaFormat.AIFC : MediaFormat.AIFF, codec, encoding, bytesPerSample, channels, rate,
                dataOffset, PcmLayout.framesPresent(declared, dataOffset, bufferSize, frameBytes));
    }
}
