package dev.bufferdeck.audio.decode;

import dev.bufferdeck.format.mp4.Mp4Movie;
import dev.bufferdeck.format.mp4.Mp4Track;
import dev.bufferdeck.repository.MediaBuffer;
import net.sourceforge.jaad.aac.Decoder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code aac-tns-22k-stereo.m4a} has frames shaped with TNS, long and short, in a channel pair
 * (noise substitution is off, so arithmetic is the only other difference from ffmpeg). JAAD as
 * shipped leaves TNS out; with {@link AacTemporalNoiseShaping} in its streams the decode matches
 * ffmpeg's.
 */
class AacTemporalNoiseShapingTest {
    private static final String FILE = "aac-tns-22k-stereo.m4a";
    /** The edit list's start: ffmpeg's reference begins after it, the raw access units do not. */
    private static final int PRIMING = 1024;

    @Test
    void theFileMatchesFfmpegOnlyWithOurTns() throws Exception {
        short[] reference = TestBuffers.s16(TestBuffers.resource("aac-tns-22k-stereo.ffmpeg.s16le"));
        double withTns = LossyCompare.snr(reference, decodeUnits(true));
        double withoutTns = LossyCompare.snr(reference, decodeUnits(false));
        assertTrue(withTns >= 85, "with our TNS: " + withTns + " dB against ffmpeg");
        assertTrue(withoutTns < 45, "JAAD without TNS: " + withoutTns + " dB; the file must exercise TNS");
    }

    /** Every access unit through AacCodec (our TNS) or through a JAAD decoder as shipped; priming cut. */
    private static short[] decodeUnits(boolean ourTns) throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer(FILE);
        Mp4Track track = Mp4Movie.read(buffer.bytes()).firstAudioTrack().orElseThrow();
        byte[] config = new byte[track.decoderConfig().remaining()];
        track.decoderConfig().duplicate().get(config);
        Mp4AacUnits units = new Mp4AacUnits(buffer, track);
        AacCodec codec = new AacCodec(config);
        Decoder shipped = Decoder.create(config);
        AacCodec.Output shippedOut = new AacCodec.Output();
        short[] all = new short[0];
        for (int u = 0; u < units.count(); u++) {
            AacCodec.Output out;
            if (ourTns) {
                out = codec.decode(units.read(u));
            } else {
                shipped.decodeFrame(units.read(u), shippedOut);
                out = shippedOut;
            }
            int n = out.frames * out.channels;
            all = Arrays.copyOf(all, all.length + n);
            System.arraycopy(out.samples, 0, all, all.length - n, n);
        }
        return Arrays.copyOfRange(all, PRIMING * 2, all.length);
    }

    /** The LTP path's all-zero filter (no encoder here makes AAC-LTP) is the exact inverse of the decoder's all-pole one. */
    @Test
    void theAllZeroFilterUndoesTheAllPoleFilterInBothDirections() {
        Random random = new Random(7);
        float[] lpc = {0.5f, -0.2f, 0.1f, -0.05f}; // sum of |a| < 1: a stable all-pole filter
        for (int inc : new int[] {1, -1}) {
            float[] spectrum = new float[64];
            for (int i = 0; i < spectrum.length; i++) spectrum[i] = (float) random.nextGaussian();
            float[] filtered = spectrum.clone();
            int first = inc > 0 ? 8 : 55;
            AacTemporalNoiseShaping.allPole(filtered, first, 48, inc, lpc, lpc.length);
            assertFalse(Arrays.equals(spectrum, filtered));
            assertEquals(spectrum[7], filtered[7]);
            assertEquals(spectrum[56], filtered[56]);
            AacTemporalNoiseShaping.allZero(filtered, first, 48, inc, lpc, lpc.length);
            for (int i = 0; i < spectrum.length; i++) assertEquals(spectrum[i], filtered[i], 1e-5, "bin " + i + ", direction " + inc);
        }
    }
}
