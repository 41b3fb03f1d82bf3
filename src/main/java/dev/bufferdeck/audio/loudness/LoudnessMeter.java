package dev.bufferdeck.audio.loudness;

import javax.sound.sampled.AudioFormat;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * EBU R128 / ITU-R BS.1770-4 integrated loudness and true peak of a stream of PCM fed in order. Each
 * channel is K-weighted; the mean squares of 400 ms blocks that overlap by 75 % (one block every
 * 100 ms) are kept, and at the end the blocks below −70 LUFS (absolute gate) and then those more than
 * 10 LU below the mean of the rest (relative gate) are dropped. Channel weights follow the
 * recommendation for the usual layouts: L, R, C count 1, the surrounds 1.41 and the LFE nothing.
 * Not thread-safe: one thread feeds it.
 */
public final class LoudnessMeter {
    private static final double ABSOLUTE_GATE_LUFS = -70;
    private static final double RELATIVE_GATE_LU = -10;
    private static final int CHUNK_FRAMES = 4096;

    private final int channels;
    private final double[] weights;
    /** The channels that count (all but the LFE), metered two at a time. */
    private final int[] weighted;
    private final double[] pairSums = new double[2];
    private final KWeighting[] filters;
    private final TruePeak[] peaks;
    private final int stepFrames;
    private final double[] steps = new double[4];
    private final double[][] planar;
    private long stepsDone;
    private int frameInStep;
    private double stepEnergy;
    private double[] blocks = new double[256];
    private int blockCount;
    // for bytes
    private final int sampleBytes;
    private final boolean bigEndian;
    private final double fullScale;

    /** A meter for {@code channels} channels of PCM at {@code rate} Hz, fed with {@link #add(double[][], int)}. */
    public LoudnessMeter(double rate, int channels) {
        this(rate, channels, 2, false);
    }

    /** A meter for signed integer PCM of {@code format} (8–32 bits), fed with {@link #add(byte[], int, int)}. */
    public LoudnessMeter(AudioFormat format) {
        this(format.getSampleRate(), format.getChannels(), format.getSampleSizeInBits() / 8, format.isBigEndian());
        if (!AudioFormat.Encoding.PCM_SIGNED.equals(format.getEncoding()) || format.getSampleSizeInBits() % 8 != 0) {
            throw new IllegalArgumentException("the loudness meter reads signed integer PCM, not " + format);
        }
    }

    private LoudnessMeter(double rate, int channels, int sampleBytes, boolean bigEndian) {
        if (channels < 1 || rate <= 0) throw new IllegalArgumentException("no loudness for " + channels + " channels at " + rate + " Hz");
        this.channels = channels;
        this.sampleBytes = sampleBytes;
        this.bigEndian = bigEndian;
        this.fullScale = 1L << (sampleBytes * 8 - 1);
        weights = weights(channels);
        weighted = IntStream.range(0, channels).filter(c -> weights[c] != 0).toArray();
        filters = new KWeighting[channels];
        peaks = new TruePeak[channels];
        planar = new double[channels][CHUNK_FRAMES];
        for (int c = 0; c < channels; c++) {
            filters[c] = new KWeighting(rate);
            peaks[c] = new TruePeak(rate);
        }
        stepFrames = (int) ((rate + 5) / 10);
    }

    private static double[] weights(int channels) {
        double[] w = new double[channels];
        double[] layout = switch (channels) {
            case 4 -> new double[] {1, 1, 1.41, 1.41};
            case 5 -> new double[] {1, 1, 1, 1.41, 1.41};
            default -> new double[] {1, 1, 1, 0, 1.41, 1.41};
        };
        for (int c = 0; c < channels; c++) w[c] = c < layout.length ? layout[c] : 0;
        return w;
    }

    public int channels() { return channels; }

    /** Takes {@code frames} frames given per channel, samples in −1…1. */
    public void add(double[][] samples, int frames) {
        for (int done = 0; done < frames; ) {
            int n = Math.min(CHUNK_FRAMES, frames - done);
            for (int c = 0; c < channels; c++) System.arraycopy(samples[c], done, planar[c], 0, n);
            measure(n);
            done += n;
        }
    }

    /** Takes whole frames of PCM bytes in this meter's format. */
    public void add(byte[] pcm, int off, int len) {
        int frameBytes = sampleBytes * channels;
        int frames = len / frameBytes;
        for (int done = 0; done < frames; ) {
            int n = Math.min(CHUNK_FRAMES, frames - done);
            deinterleave(pcm, off + done * frameBytes, n);
            measure(n);
            done += n;
        }
    }

    private void deinterleave(byte[] b, int at, int frames) {
        double scale = 1 / fullScale;
        if (sampleBytes == 2 && !bigEndian && channels == 2) {
            double[] left = planar[0], right = planar[1];
            for (int f = 0; f < frames; f++, at += 4) {
                left[f] = (short) ((b[at] & 0xFF) | (b[at + 1] << 8)) * scale;
                right[f] = (short) ((b[at + 2] & 0xFF) | (b[at + 3] << 8)) * scale;
            }
            return;
        }
        if (sampleBytes == 2 && !bigEndian) {
            for (int f = 0; f < frames; f++) {
                for (int c = 0; c < channels; c++, at += 2) planar[c][f] = (short) ((b[at] & 0xFF) | (b[at + 1] << 8)) * scale;
            }
            return;
        }
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++, at += sampleBytes) planar[c][f] = sample(b, at) * scale;
        }
    }

    private long sample(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < sampleBytes; i++) {
            int idx = bigEndian ? at + i : at + sampleBytes - 1 - i;
            v = i == 0 ? b[idx] : (v << 8) | (b[idx] & 0xFF);
        }
        return v;
    }

    /** Meters {@code planar[..][0..n)}, cutting it at the 100 ms step boundaries. */
    private void measure(int n) {
        for (int c = 0; c < channels; c++) peaks[c].add(planar[c], n);
        int from = 0;
        while (from < n) {
            int to = Math.min(n, from + stepFrames - frameInStep);
            int w = 0;
            for (; w + 1 < weighted.length; w += 2) {
                int a = weighted[w], b = weighted[w + 1];
                KWeighting.sumsOfSquares(filters[a], planar[a], filters[b], planar[b], from, to, pairSums);
                stepEnergy += weights[a] * pairSums[0];
                stepEnergy += weights[b] * pairSums[1];
            }
            if (w < weighted.length) stepEnergy += weights[weighted[w]] * filters[weighted[w]].sumOfSquares(planar[weighted[w]], from, to);
            frameInStep += to - from;
            from = to;
            if (frameInStep == stepFrames) endStep();
        }
    }

    private void endStep() {
        steps[(int) (stepsDone % 4)] = stepEnergy;
        stepsDone++;
        stepEnergy = 0;
        frameInStep = 0;
        if (stepsDone < 4) return;
        if (blockCount == blocks.length) blocks = Arrays.copyOf(blocks, blockCount * 2);
        blocks[blockCount++] = (steps[0] + steps[1] + steps[2] + steps[3]) / (4.0 * stepFrames);
    }

    /** The integrated loudness of everything fed so far, in LUFS; −∞ when no block passes the gates. */
    public double integratedLufs() {
        double absolute = energy(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < blockCount; i++) {
            if (blocks[i] > absolute) {
                sum += blocks[i];
                n++;
            }
        }
        if (n == 0) return Double.NEGATIVE_INFINITY;
        double relative = Math.max(absolute, energy(lufs(sum / n) + RELATIVE_GATE_LU));
        sum = 0;
        n = 0;
        for (int i = 0; i < blockCount; i++) {
            if (blocks[i] > relative) {
                sum += blocks[i];
                n++;
            }
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : lufs(sum / n);
    }

    /** The highest true peak of any channel so far, in dBTP. */
    public double truePeakDbtp() {
        double p = 0;
        for (TruePeak t : peaks) p = Math.max(p, t.peak());
        return 20 * Math.log10(p);
    }

    public Loudness result() {
        return new Loudness(integratedLufs(), truePeakDbtp());
    }

    private static double lufs(double meanSquare) {
        return -0.691 + 10 * Math.log10(meanSquare);
    }

    private static double energy(double lufs) {
        return Math.pow(10, (lufs + 0.691) / 10);
    }
}
