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
        if (bytes == 2 && !big && !unsigned && channels == 2) {
            double[] left = out[0], right = out[1];
            for (int f = 0, at = off; f < frames; f++, at += 4) {
                left[f] = (short) ((b[at] & 0xFF) | (b[at + 1] << 8)) * scale;
                right[f] = (short) ((b[at + 2] & 0xFF) | (b[at + 3] << 8)) * scale;
            }
            return;
        }
        for (int f = 0, at = off; f < frames; f++) {
            for (int c = 0; c < channels; c++, at += bytes) out[c][f] = read(b, at);
        }
    }

    /**
     * Writes the per-channel arrays back as {@code frames} frames at {@code off}, clamped and rounded
     * (16-bit stereo: to the nearest, ties to even).
     */
    void fromPlanar(double[][] in, int frames, byte[] b, int off) {
        if (bytes == 2 && !big && !unsigned && channels == 2) {
            double[] left = in[0], right = in[1];
            for (int f = 0, at = off; f < frames; f++, at += 4) {
                int l = sixteenBits(left[f]), r = sixteenBits(right[f]);
                b[at] = (byte) l;
                b[at + 1] = (byte) (l >> 8);
                b[at + 2] = (byte) r;
                b[at + 3] = (byte) (r >> 8);
            }
            return;
        }
        for (int f = 0, at = off; f < frames; f++) {
            for (int c = 0; c < channels; c++, at += bytes) write(b, at, in[c][f]);
        }
    }

    /** Rounded to the nearest (ties to even) and clamped; {@link Math#rint} is one instruction where {@link Math#round} is a dozen. */
    private static int sixteenBits(double v) {
        int s = (int) Math.rint(v * 32768);
        return s < -32768 ? -32768 : s > 32767 ? 32767 : s;
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
