package dev.bufferdeck.audio.decode;

import dev.bufferdeck.repository.MediaFormat;

import dev.bufferdeck.audio.UnsupportedMediaException;

import dev.bufferdeck.repository.ByteSource;
import java.nio.ByteOrder;

/** Reads a RIFF/WAVE header: the fmt chunk and where the data chunk is. */
final class WavHeader {
    private static final int PCM = 1, FLOAT = 3, A_LAW = 6, MU_LAW = 7, EXTENSIBLE = 0xFFFE;

    private WavHeader() {}

    static boolean matches(ByteSource b) {
        return b.limit() >= 12 && b.getInt(0) == 0x52494646 /* RIFF */ && b.getInt(8) == 0x57415645 /* WAVE */;
    }

    static PcmLayout parse(ByteSource buffer) throws UnsupportedMediaException {
        HeaderReader r = new HeaderReader(buffer, ByteOrder.LITTLE_ENDIAN, "WAV");
        int format = -1, channels = 0, rate = 0, bits = 0, blockAlign = 0;
        long pos = 12;
        while (pos + 8 <= r.size()) {
            String id = r.fourCc(pos);
            long size = r.u32(pos + 4);
            long body = pos + 8;
            if (id.equals("fmt ")) {
                format = r.u16(body);
                channels = r.u16(body + 2);
                rate = (int) r.u32(body + 4);
                blockAlign = r.u16(body + 12);
                bits = r.u16(body + 14);
                if (format == EXTENSIBLE) {
                    if (size < 40) throw new UnsupportedMediaException("The WAV file's extensible format chunk is truncated.");
                    format = r.u16(body + 24);
                }
            } else if (id.equals("data")) {
                if (format < 0) throw new UnsupportedMediaException("The WAV file has no format chunk before its data.");
                return layout(format, channels, rate, bits, blockAlign, (int) body, size, r.size());
            }
            pos = body + size + (size & 1);
        }
        throw new UnsupportedMediaException(format < 0
                ? "The WAV file is truncated or corrupt: no format chunk."
                : "The WAV file is truncated or corrupt: no data chunk.");
    }

    private static PcmLayout layout(int format, int channels, int rate, int bits, int blockAlign,
                                    int dataOffset, long dataSize, int bufferSize) throws UnsupportedMediaException {
        if (channels < 1 || channels > 32 || rate < 1 || rate > 1_536_000) {
            throw new UnsupportedMediaException("The WAV file's format chunk is corrupt (" + channels
                    + " channels, " + rate + " Hz).");
        }
        int bytesPerSample = (bits + 7) / 8;
        SampleEncoding encoding;
        String codec;
        switch (format) {
            case PCM -> {
                if (bits < 1 || bits > 32) throw new UnsupportedMediaException("WAV PCM with " + bits + " bits per sample is not supported.");
                encoding = bytesPerSample == 1 ? SampleEncoding.UNSIGNED : SampleEncoding.SIGNED_LE;
                codec = "PCM " + bits + "-bit";
            }
            case FLOAT -> {
                if (bits != 32 && bits != 64) throw new UnsupportedMediaException("WAV float with " + bits + " bits per sample is not supported.");
                encoding = SampleEncoding.FLOAT_LE;
                codec = "PCM float " + bits + "-bit";
            }
            case MU_LAW -> { encoding = SampleEncoding.MU_LAW; codec = "µ-law"; bytesPerSample = 1; }
            case A_LAW -> { encoding = SampleEncoding.A_LAW; codec = "A-law"; bytesPerSample = 1; }
            case 0x55 -> throw new UnsupportedMediaException("This WAV file holds MP3 data, which is not supported inside WAV.");
            case 2, 0x11 -> throw new UnsupportedMediaException("ADPCM WAV files are not supported.");
            default -> throw new UnsupportedMediaException(String.format("WAV format code 0x%04X is not supported.", format));
        }
        if (blockAlign != bytesPerSample * channels) {
            throw new UnsupportedMediaException("The WAV file's format chunk is corrupt (block align "
                    + blockAlign + " for " + channels + " × " + bits + "-bit).");
        }
        int frameBytes = bytesPerSample * channels;
        long declared = dataSize == 0xFFFFFFFFL || dataSize == 0 ? -1 : dataSize;
        return new PcmLayout(MediaFormat.WAV, codec, encoding, bytesPerSample, channels, rate, dataOffset,
                PcmLayout.framesPresent(declared, dataOffset, bufferSize, frameBytes));
    }
}
