package dev.bufferdeck.audio;

import javax.sound.sampled.AudioFormat;

/** Volume as people hear it, and scaling of integer PCM samples in place when a line has no gain control. */
public final class SoftwareGain {
    private SoftwareGain() {}

    /** The perceptual curve: amplitude factor for a volume slider position 0..1 (cubic, ≈ -18 dB at 0.5). */
    public static double amplitude(double volume) {
        double v = Math.max(0, Math.min(1, volume));
        return v * v * v;
    }

    /** The same curve in decibels, for a line's MASTER_GAIN; -infinity at 0. */
    public static double decibels(double volume) {
        return 20 * Math.log10(amplitude(volume));
    }

    /** Multiplies every sample by {@code factor} (0..1) with rounding; 1 leaves the bytes untouched. */
    public static void apply(byte[] b, int off, int len, AudioFormat format, double factor) {
        if (factor >= 1) return;
        int bytes = format.getSampleSizeInBits() / 8;
        boolean signed = format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED);
        boolean unsigned = format.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
        if (!(signed || unsigned) || bytes < 1 || bytes > 4) {
            throw new IllegalArgumentException("software volume supports integer PCM only, not " + format);
        }
        boolean big = format.isBigEndian();
        if (bytes == 2 && signed && !big) {
            apply16(b, off, len, factor);
            return;
        }
        for (int i = off; i + bytes <= off + len; i += bytes) {
            long v = read(b, i, bytes, big, unsigned);
            write(b, i, bytes, big, unsigned, Math.round(v * factor));
        }
    }

    /** The same for 16-bit signed little-endian, what nearly every decoder gives, without the general byte loops. */
    private static void apply16(byte[] b, int off, int len, double factor) {
        for (int i = off, end = off + len - 1; i < end; i += 2) {
            int v = (b[i] & 0xFF) | (b[i + 1] << 8);
            long scaled = Math.round(v * factor);
            b[i] = (byte) scaled;
            b[i + 1] = (byte) (scaled >> 8);
        }
    }

    /** One integer sample of {@code bytes} bytes as a signed value. */
    public static long read(byte[] b, int at, int bytes, boolean big, boolean unsigned) {
        long v = 0;
        for (int k = 0; k < bytes; k++) {
            int index = big ? at + k : at + bytes - 1 - k;
            v = (v << 8) | (b[index] & 0xFF);
        }
        int shift = 64 - bytes * 8;
        v = (v << shift) >> shift;
        if (unsigned) v ^= Long.MIN_VALUE >> shift;
        return v;
    }

    /** Writes a signed value as an integer sample of {@code bytes} bytes (no clamping). */
    public static void write(byte[] b, int at, int bytes, boolean big, boolean unsigned, long v) {
        if (unsigned) v ^= Long.MIN_VALUE >> (64 - bytes * 8);
        for (int k = 0; k < bytes; k++) {
            int index = big ? at + bytes - 1 - k : at + k;
            b[index] = (byte) (v >> (8 * k));
        }
    }
}
