package dev.bufferdeck.audio.decode;

import dev.bufferdeck.repository.MediaFormat;

/**
 * Where the samples of an uncompressed file are and how they are stored.
 *
 * @param codec         a short readable name, e.g. "PCM 16-bit", "µ-law"
 * @param bytesPerSample the stored size of one sample (1..8)
 * @param dataOffset    byte offset of the first frame in the buffer
 * @param frameCount    whole frames present (already clamped to the bytes that exist)
 */
record PcmLayout(MediaFormat container, String codec, SampleEncoding encoding, int bytesPerSample,
                 int channels, int sampleRate, int dataOffset, long frameCount) {

    int frameBytes() { return bytesPerSample * channels; }

    /** 24-bit output for sources finer than 16 bits, else 16-bit. */
    int outputBits() {
        boolean fine = switch (encoding) {
            case FLOAT_LE, FLOAT_BE -> true;
            case SIGNED_LE, SIGNED_BE -> bytesPerSample > 2;
            default -> false;
        };
        return fine ? 24 : 16;
    }

    /** Whole frames that fit between {@code dataOffset} and the end of the buffer, at most {@code declaredBytes}. */
    static long framesPresent(long declaredBytes, int dataOffset, int bufferSize, int frameBytes) {
        long available = Math.max(0, bufferSize - (long) dataOffset);
        long bytes = declaredBytes < 0 ? available : Math.min(declaredBytes, available);
        return bytes / frameBytes;
    }
}
