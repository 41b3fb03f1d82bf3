package dev.bufferdeck.audio.decode.vorbis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast inverse MDCT gives what the Vorbis I specification's formula gives,
 * y[n] = Σ X[k]·cos(2π/N·(n + 1/2 + N/4)·(k + 1/2)), for every block size Vorbis allows
 * (64 to 8192), to float precision (an O(N²) sum in doubles is the reference).
 */
class VorbisImdctTest {

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {64, 128, 256, 512, 1024, 2048, 4096, 8192})
    void matchesTheDefinition(int n) {
        Random random = new Random(n);
        float[] coefficients = new float[n / 2];
        for (int k = 0; k < n / 2; k++) coefficients[k] = (float) (random.nextGaussian() * Math.exp(-k * 8.0 / n));
        float[] block = new float[n];
        System.arraycopy(coefficients, 0, block, 0, n / 2);
        new VorbisImdct(n).inverse(block, new float[n / 4], new float[n / 4]);

        double signal = 0, noise = 0;
        for (int t = 0; t < n; t++) {
            double y = 0;
            for (int k = 0; k < n / 2; k++) y += coefficients[k] * Math.cos(2 * Math.PI / n * (t + 0.5 + n / 4.0) * (k + 0.5));
            signal += y * y;
            noise += (y - block[t]) * (y - block[t]);
        }
        double snr = 10 * Math.log10(signal / noise);
        assertTrue(snr > 120, "N = " + n + ": " + snr + " dB against the definition");
    }
}
