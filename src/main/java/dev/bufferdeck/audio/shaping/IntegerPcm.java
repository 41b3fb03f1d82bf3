package dev.bufferdeck.audio.shaping;

import dev.bufferdeck.audio.SoftwareGain;

import javax.sound.sampled.AudioFormat;

/** Integer PCM samples of one format read as doubles in −1…1 and written back rounded and clamped. */
final class IntegerPcm {
    final int bytes;
    final int channels;
    private final boolean big;
    private final boolean unsigned;
    private final double full;

    private IntegerPcm(AudioFormat format) {
        bytes = format.getSampleSizeInBits() / 8;
        channels = format.getChannels();
        big = format.isBigEndian();
        unsigned = format.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
        full = 1L << (bytes * 8 - 1);
    }

    /** The reader for {@code format}, or null when it is not 8–32-bit integer PCM (such PCM is left alone). */
    static IntegerPcm of(AudioFormat format) {
        boolean integer = format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED)
                || format.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
        int bits = format.getSampleSizeInBits();
        if (!integer || bits % 8 != 0 || bits < 8 || bits > 32 || format.getChannels() < 1) return null;
        return new IntegerPcm(format);
    }

    double read(byte[] b, int at) {
        return SoftwareGain.read(b, at, bytes, big, unsigned) / full;
    }

    void write(byte[] b, int at, double v) {
        long s = Math.round(v * full);
        s = Math.max((long) -full, Math.min((long) full - 1, s));
        SoftwareGain.write(b, at, bytes, big, unsigned, s);
    }
}
