package dev.bufferdeck.audio.decode.vorbis;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inverse coupling, done in branch-free float arithmetic ({@link VorbisSynthesis#uncouple}), gives
 * what the Vorbis I specification's branches give (section 1.3.3), value for value: magnitudes and
 * angles of both signs, zeros of both signs, the least denormals and the greatest floats.
 */
class VorbisUncoupleTest {

    @Test
    void everyPairComesOutAsTheSpecificationsBranchesPutIt() {
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL,
                1f, -1f, 0.5f, -3.25f, Float.MAX_VALUE, -Float.MAX_VALUE};
        Random random = new Random(7);
        int n = special.length * special.length + 10_000;
        float[] m = new float[n], a = new float[n];
        for (int i = 0; i < special.length * special.length; i++) {
            m[i] = special[i / special.length];
            a[i] = special[i % special.length];
        }
        for (int i = special.length * special.length; i < n; i++) {
            m[i] = random.nextInt(4) == 0 ? 0f : (float) random.nextGaussian();
            a[i] = random.nextInt(4) == 0 ? 0f : (float) random.nextGaussian();
        }
        float[] m0 = m.clone(), a0 = a.clone();
        VorbisSynthesis.uncouple(m, a, n);
        for (int i = 0; i < n; i++) {
            float[] expected = specification(m0[i], a0[i]);
            int at = i;
            // == and not equals: the sign of a zero may differ, and no sample shows it
            assertTrue(expected[0] == m[i], () -> "magnitude " + m0[at] + ", angle " + a0[at] + ": new magnitude " + m[at] + ", expected " + expected[0]);
            assertTrue(expected[1] == a[i], () -> "magnitude " + m0[at] + ", angle " + a0[at] + ": new angle " + a[at] + ", expected " + expected[1]);
        }
    }

    private static float[] specification(float magnitude, float angle) {
        if (magnitude > 0) {
            return angle > 0 ? new float[] {magnitude, magnitude - angle} : new float[] {magnitude + angle, magnitude};
        }
        return angle > 0 ? new float[] {magnitude, magnitude + angle} : new float[] {magnitude - angle, magnitude};
    }
}
