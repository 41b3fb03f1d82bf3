package dev.bufferdeck.audio;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class SoftwareGainTest {

    /** Scales like the general per-byte path: read a sample, multiply, round, write it back. */
    private static byte[] scaledSampleBySample(byte[] pcm, AudioFormat format, double factor) {
        byte[] out = pcm.clone();
        int bytes = format.getSampleSizeInBits() / 8;
        boolean unsigned = format.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
        for (int i = 0; i + bytes <= out.length; i += bytes) {
            long v = SoftwareGain.read(out, i, bytes, format.isBigEndian(), unsigned);
            SoftwareGain.write(out, i, bytes, format.isBigEndian(), unsigned, Math.round(v * factor));
        }
        return out;
    }

    @Test
    void sixteenBitLittleEndianScalesExactlyLikeEveryOtherLayout() {
        byte[] pcm = new byte[8_192];
        new Random(14).nextBytes(pcm);
        pcm[0] = 0x00; pcm[1] = (byte) 0x80;    // -32768
        pcm[2] = (byte) 0xFF; pcm[3] = 0x7F;    // 32767
        for (double factor : new double[] {0, 0.001, 0.125, 0.37, 0.5, 0.999}) {
            for (AudioFormat format : new AudioFormat[] {
                    new AudioFormat(44_100f, 16, 2, true, false),
                    new AudioFormat(44_100f, 16, 2, true, true),
                    new AudioFormat(44_100f, 24, 2, true, false),
                    new AudioFormat(44_100f, 8, 1, false, false)}) {
                byte[] expected = scaledSampleBySample(pcm, format, factor);
                byte[] actual = pcm.clone();
                SoftwareGain.apply(actual, 0, actual.length - actual.length % format.getFrameSize(), format, factor);
                assertArrayEquals(expected, actual, format + " × " + factor);
            }
        }
    }
}
