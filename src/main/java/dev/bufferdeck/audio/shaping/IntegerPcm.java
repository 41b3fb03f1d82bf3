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

    /** Splits {@code frames} frames at {@code off} into one array per channel. */
    void toPlanar(byte[] b, int off, int frames, double[][] out) {
        double scale = 1 / full;
        if (bytes == 2 && !big && !unsigned) {
            for (int f = 0, at = off; f < frames; f++) {
                for (int c = 0; c < channels; c++, at += 2) out[c][f] = (short) ((b[at] & 0xFF) | (b[at + 1] << 8)) * scale;
            }
            return;
        }
        for (int f = 0, at = off; f < frames; f++) {
            for (int c = 0; c < channels; c++, at += bytes) out[c][f] = read(b, at);
        }
    }

    /** Writes the per-channel arrays back as {@code frames} frames at {@code off}, rounded and clamped. */
    void fromPlanar(double[][] in, int frames, byte[] b, int off) {
        if (bytes == 2 && !big && !unsigned) {
            for (int f = 0, at = off; f < frames; f++) {
                for (int c = 0; c < channels; c++, at += 2) {
                    long s = Math.round(in[c][f] * full);
                    int v = (int) Math.max(-32768, Math.min(32767, s));
                    b[at] = (byte) v;
                    b[at + 1] = (byte) (v >> 8);
                }
            }
            return;
        }
        for (int f = 0, at = off; f < frames; f++) {
            for (int c = 0; c < channels; c++, at += bytes) write(b, at, in[c][f]);
        }
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
