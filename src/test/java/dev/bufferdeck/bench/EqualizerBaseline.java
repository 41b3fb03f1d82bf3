package dev.bufferdeck.bench;

import dev.bufferdeck.audio.PcmStage;
import dev.bufferdeck.audio.shaping.EqualizerSettings;
import dev.bufferdeck.audio.shaping.EqualizerStage;

import javax.sound.sampled.AudioFormat;
import java.util.Arrays;

/**
 * The equalizer's steady state as it was at commit 3d0c0a2 (16-bit little-endian stereo only): split
 * into two channel arrays, each band over the whole chunk in a plain direct-form-I loop with both
 * channels, output gain, rounded back with {@link Math#round}. Kept so {@link EqualizerCpuBench} can
 * report today's stage as a ratio against it, measured in the same run under the same load.
 */
final class EqualizerBaseline implements PcmStage {
    private static final double Q = Math.sqrt(2);

    private final double[][] coefficients; // per band: b0, b1, b2, a1, a2
    private final double[][] state; // per band: x1, x2, y1, y2 of the left, then of the right channel
    private final double outputGain;
    private double[][] planar = new double[0][];

    EqualizerBaseline(EqualizerSettings settings, AudioFormat format) {
        double rate = format.getSampleRate();
        int bands = 0;
        double[][] all = new double[EqualizerSettings.CENTRES_HZ.length][];
        for (int band = 0; band < all.length; band++) {
            double centre = EqualizerSettings.CENTRES_HZ[band];
            if (settings.gainDb(band) == 0 || centre > 0.45 * rate) continue;
            double a = Math.pow(10, settings.gainDb(band) / 40);
            double w0 = 2 * Math.PI * centre / rate;
            double alpha = Math.sin(w0) / (2 * Q);
            double cos = Math.cos(w0);
            double a0 = 1 + alpha / a;
            all[bands++] = new double[] {(1 + alpha * a) / a0, -2 * cos / a0, (1 - alpha * a) / a0, -2 * cos / a0, (1 - alpha / a) / a0};
        }
        coefficients = Arrays.copyOf(all, bands);
        state = new double[bands][8];
        double headroomDb = new EqualizerStage(format, () -> settings).headroomDb();
        outputGain = Math.pow(10, (settings.preampDb() - headroomDb) / 20);
    }

    @Override
    public void apply(byte[] b, int off, int len) {
        int frames = len / 4;
        if (planar.length == 0 || planar[0].length < frames) planar = new double[2][frames];
        double[] l = planar[0], r = planar[1];
        for (int f = 0, at = off; f < frames; f++, at += 4) {
            l[f] = (short) ((b[at] & 0xFF) | (b[at + 1] << 8)) / 32768.0;
            r[f] = (short) ((b[at + 2] & 0xFF) | (b[at + 3] << 8)) / 32768.0;
        }
        for (int band = 0; band < coefficients.length; band++) filter(coefficients[band], state[band], l, r, frames);
        if (outputGain != 1) {
            for (int i = 0; i < frames; i++) {
                l[i] *= outputGain;
                r[i] *= outputGain;
            }
        }
        for (int f = 0, at = off; f < frames; f++) {
            for (int c = 0; c < 2; c++, at += 2) {
                long s = Math.round(planar[c][f] * 32768);
                int v = (int) Math.max(-32768, Math.min(32767, s));
                b[at] = (byte) v;
                b[at + 1] = (byte) (v >> 8);
            }
        }
    }

    private static void filter(double[] k, double[] s, double[] a, double[] b, int n) {
        double b0 = k[0], b1 = k[1], b2 = k[2], a1 = k[3], a2 = k[4];
        double ax1 = s[0], ax2 = s[1], ay1 = s[2], ay2 = s[3], bx1 = s[4], bx2 = s[5], by1 = s[6], by2 = s[7];
        for (int i = 0; i < n; i++) {
            double ain = a[i], bin = b[i];
            double ay = b0 * ain + b1 * ax1 + b2 * ax2 - a1 * ay1 - a2 * ay2;
            double by = b0 * bin + b1 * bx1 + b2 * bx2 - a1 * by1 - a2 * by2;
            ax2 = ax1;
            ax1 = ain;
            ay2 = ay1;
            ay1 = ay;
            bx2 = bx1;
            bx1 = bin;
            by2 = by1;
            by1 = by;
            a[i] = ay;
            b[i] = by;
        }
        s[0] = ax1;
        s[1] = ax2;
        s[2] = ay1;
        s[3] = ay2;
        s[4] = bx1;
        s[5] = bx2;
        s[6] = by1;
        s[7] = by2;
    }
}
