package dev.bufferdeck.audio.shaping;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EqualizerStageTest {
    private static final float RATE = 44100;
    private static final AudioFormat STEREO16 = new AudioFormat(RATE, 16, 2, true, false);
    private static final double[] CENTRES = {31, 62, 125, 250, 500, 1000, 2000, 4000, 8000, 16000};

    @Test
    void cutsMatchTheCookbookDesignAtEveryBandCentre() {
        double[] gains = {-6, -3, -9, 0, -12, -1, -6, -3, -9, -6};
        EqualizerSettings settings = new EqualizerSettings(gains, 0);
        for (double f : CENTRES) {
            double measured = measuredGainDb(settings, f);
            double designed = designDb(gains, f);
            assertEquals(designed, measured, 0.5, "response at " + f + " Hz");
        }
    }

    @Test
    void boostsAreTurnedDownByTheirPeakSoTheyDoNotClip() {
        double[] gains = {0, 0, 0, 0, 12, 0, 0, 0, 0, 0};
        EqualizerSettings settings = new EqualizerSettings(gains, 0);
        double peak = Double.NEGATIVE_INFINITY;
        for (double f = 20; f < RATE / 2; f *= 1.001) peak = Math.max(peak, designDb(gains, f));
        assertEquals(12, peak, 0.1);
        for (double f : new double[] {250, 500, 1000}) {
            assertEquals(designDb(gains, f) - peak, measuredGainDb(settings, f), 0.5, "response at " + f + " Hz");
        }
        byte[] loud = sine(500, 0.999, (int) RATE);
        new EqualizerStage(STEREO16, () -> settings).apply(loud, 0, loud.length);
        assertTrue(maxAbs(loud) < 32767, "a full-scale sine at the boosted band stays below full scale");
    }

    @Test
    void flatSettingsLeaveTheBytesUntouched() {
        byte[] noise = new byte[44100 * 4];
        new Random(7).nextBytes(noise);
        byte[] copy = noise.clone();
        new EqualizerStage(STEREO16, () -> EqualizerSettings.FLAT).apply(noise, 0, noise.length);
        assertArrayEquals(copy, noise);
    }

    @Test
    void switchingOnDuringPlaybackFadesInWithoutAJump() {
        AtomicReference<EqualizerSettings> wanted = new AtomicReference<>(EqualizerSettings.FLAT);
        EqualizerStage stage = new EqualizerStage(STEREO16, wanted::get);
        byte[] pcm = sine(1000, 0.5, 8820);
        stage.apply(pcm, 0, 4410 * 4);
        wanted.set(EqualizerSettings.preset("bass"));
        stage.apply(pcm, 4410 * 4, 4410 * 4);
        double maxStep = 0;
        for (int i = 4400; i < 4410 + 441 * 2; i++) maxStep = Math.max(maxStep, Math.abs(left(pcm, i + 1) - left(pcm, i)));
        double sineStep = 2 * Math.PI * 1000 / RATE * 0.5 * 32768;
        assertTrue(maxStep < sineStep * 1.2, "largest step " + maxStep + " vs the sine's own " + sineStep);
    }

    @Test
    void chunksOfAnySizeGiveWhatOneStraightCascadeComputedHereGives() {
        double[] gains = {-6, 0, -3, -9, 0, -12, -1, -6, -3, -9};
        EqualizerSettings settings = new EqualizerSettings(gains, 0);
        for (int channels : new int[] {1, 2, 3}) {
            AudioFormat format = new AudioFormat(RATE, 16, channels, true, false);
            byte[] pcm = new byte[20_000 * 2 * channels];
            Random random = new Random(channels);
            random.nextBytes(pcm);
            short[] input = new short[pcm.length / 2];
            for (int i = 0; i < input.length; i++) input[i] = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
            EqualizerStage stage = new EqualizerStage(format, () -> settings);
            for (int off = 0; off < pcm.length; ) {
                int len = Math.min(pcm.length - off, (1 + random.nextInt(3000)) * 2 * channels);
                stage.apply(pcm, off, len);
                off += len;
            }
            for (int c = 0; c < channels; c++) {
                double[] expected = new double[input.length / channels];
                for (int f = 0; f < expected.length; f++) expected[f] = input[f * channels + c] / 32768.0;
                for (int band = 0; band < CENTRES.length; band++) {
                    if (gains[band] != 0) peakingFilter(gains[band], CENTRES[band], expected);
                }
                for (int f = 0; f < expected.length; f++) {
                    int at = 2 * (f * channels + c);
                    int got = (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8));
                    double clamped = Math.max(-32768, Math.min(32767, expected[f] * 32768));
                    assertEquals(clamped, got, 1.0, channels + " channels, channel " + c + ", frame " + f);
                }
            }
        }
    }

    @Test
    void presetsAndTheCommaListParse() {
        assertEquals(8, EqualizerSettings.presetNames().size());
        for (String name : EqualizerSettings.presetNames()) EqualizerSettings.preset(name);
        assertTrue(EqualizerSettings.preset("flat").isFlat());
        assertEquals(3, EqualizerSettings.parse("0,0,3,0,0,0,0,0,0,-2").gainDb(2));
    }

    /** Output RMS over input RMS of a sine at {@code f} after the filters settled, in dB. */
    private static double measuredGainDb(EqualizerSettings settings, double f) {
        int frames = 2 * (int) RATE;
        byte[] pcm = sine(f, 0.25, frames);
        byte[] input = pcm.clone();
        EqualizerStage stage = new EqualizerStage(STEREO16, () -> settings);
        for (int off = 0; off < pcm.length; off += 8192) stage.apply(pcm, off, Math.min(8192, pcm.length - off));
        return 20 * Math.log10(rms(pcm, frames / 2) / rms(input, frames / 2));
    }

    /** Sum of the RBJ peaking filters' magnitudes (Q = √2) in dB, evaluated here on its own. */
    private static double designDb(double[] gains, double f) {
        double db = 0;
        for (int band = 0; band < CENTRES.length; band++) {
            if (gains[band] == 0) continue;
            double a = Math.pow(10, gains[band] / 40), w0 = 2 * Math.PI * CENTRES[band] / RATE;
            double alpha = Math.sin(w0) / (2 * Math.sqrt(2));
            double[] num = {1 + alpha * a, -2 * Math.cos(w0), 1 - alpha * a};
            double[] den = {1 + alpha / a, -2 * Math.cos(w0), 1 - alpha / a};
            double w = 2 * Math.PI * f / RATE;
            db += 20 * Math.log10(abs(num, w) / abs(den, w));
        }
        return db;
    }

    /** The RBJ peaking filter (Q = √2) over {@code x} in place, direct form I, written out here on its own. */
    private static void peakingFilter(double gainDb, double centre, double[] x) {
        double a = Math.pow(10, gainDb / 40), w0 = 2 * Math.PI * centre / RATE;
        double alpha = Math.sin(w0) / (2 * Math.sqrt(2));
        double a0 = 1 + alpha / a;
        double b0 = (1 + alpha * a) / a0, b1 = -2 * Math.cos(w0) / a0, b2 = (1 - alpha * a) / a0, a2 = (1 - alpha / a) / a0;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double y = b0 * x[i] + b1 * x1 + b2 * x2 - b1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = y;
            x[i] = y;
        }
    }

    private static double abs(double[] c, double w) {
        double re = c[0] + c[1] * Math.cos(w) + c[2] * Math.cos(2 * w);
        double im = -c[1] * Math.sin(w) - c[2] * Math.sin(2 * w);
        return Math.hypot(re, im);
    }

    static byte[] sine(double f, double amplitude, int frames) {
        byte[] b = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * f * i / RATE));
            for (int ch = 0; ch < 2; ch++) {
                b[i * 4 + ch * 2] = (byte) s;
                b[i * 4 + ch * 2 + 1] = (byte) (s >> 8);
            }
        }
        return b;
    }

    static int left(byte[] b, int frame) {
        return (short) ((b[frame * 4] & 0xFF) | (b[frame * 4 + 1] << 8));
    }

    /** RMS of the left channel from {@code fromFrame} to the end. */
    static double rms(byte[] b, int fromFrame) {
        double sum = 0;
        int n = b.length / 4;
        for (int i = fromFrame; i < n; i++) sum += (double) left(b, i) * left(b, i);
        return Math.sqrt(sum / (n - fromFrame));
    }

    private static int maxAbs(byte[] b) {
        int max = 0;
        for (int i = 0; i < b.length / 4; i++) max = Math.max(max, Math.abs(left(b, i)));
        return max;
    }
}
