package dev.bufferdeck.audio.decode.vorbis;

import java.util.Arrays;

/**
 * Decodes the audio packets of one Vorbis stream into 16-bit PCM: floors, residues, inverse
 * coupling, inverse MDCT, windowing and overlap-add, after stb_vorbis (public domain). Output
 * follows libvorbis' timing, which Ogg granule positions count: the first packet after a
 * {@link #reset} gives nothing, each later one the {@code previous/4 + current/4} frames between
 * the centres of the two blocks. Samples are rounded to nearest (ties to even) and clipped, as
 * ffmpeg converts float to 16-bit. Nothing is allocated per packet. Not thread-safe; the
 * {@link VorbisSetup} it reads may be shared.
 */
public final class VorbisSynthesis {
    private final VorbisSetup setup;
    private final int channels;
    private final VorbisBits bits = new VorbisBits();
    /** Two sets of block buffers, so the previous block stays while the next one decodes. */
    private final float[][][] blocks;
    private int current;
    private final int[][] floorY;
    private final boolean[] step2;
    private final boolean[] unused;
    private final boolean[] noResidue;
    private final boolean[] skip;
    private final float[][] submapBuffers;
    private final int[] classes;
    private final float[] fftRe;
    private final float[] fftIm;
    private final float[] mix;
    private final float[] mixBlock;

    /** The previous block: its size (0: none since the reset) and its falling slope. */
    private int previousSize;
    private int previousRightStart;
    private int previousRightEnd;
    private float[] previousSlope;

    public VorbisSynthesis(VorbisSetup setup) {
        this.setup = setup;
        this.channels = setup.channels();
        int n = setup.id.blocksize1();
        blocks = new float[2][channels][n];
        floorY = new int[channels][setup.maxFloorValues];
        step2 = new boolean[setup.maxFloorValues];
        unused = new boolean[channels];
        noResidue = new boolean[channels];
        skip = new boolean[channels];
        submapBuffers = new float[channels][];
        classes = new int[Math.max(1, setup.maxResiduePartitions)];
        fftRe = new float[n / 4];
        fftIm = new float[n / 4];
        mix = new float[n / 2];
        mixBlock = new float[n / 2];
    }

    /** Most frames one packet gives: {@code interleaved} passed to {@link #decode} needs this × channels. */
    public int maxFrames() { return setup.id.blocksize1() / 2; }

    /** Forgets the previous block: the next packet gives no samples. */
    public void reset() {
        previousSize = 0;
    }

    /**
     * Decodes the packet {@code data[offset, offset + length)} and writes the frames it completes
     * into {@code interleaved}; returns how many. A packet that is not audio gives 0 and changes
     * nothing; one cut short decodes as far as it goes, the rest being zero, as the specification says.
     */
    public int decode(byte[] data, int offset, int length, short[] interleaved) {
        VorbisBits b = bits;
        b.reset(data, offset, length);
        if (b.read(1) != 0 || b.ended) return 0;
        int mode = b.read(setup.modeBits);
        if (b.ended || mode >= setup.modeLong.length) return 0;
        boolean longBlock = setup.modeLong[mode];
        int blocksize0 = setup.id.blocksize0();
        int n = longBlock ? setup.id.blocksize1() : blocksize0;
        int n2 = n >> 1;
        boolean nextLong = false;
        if (longBlock) {
            b.read(1);   // previous window flag: the previous block's real size decides instead
            nextLong = b.flag();
        }
        VorbisMapping map = setup.mappings[setup.modeMapping[mode]];
        float[][] buffers = blocks[current];
        VorbisCodebook[] books = setup.codebooks;

        for (int c = 0; c < channels; c++) {
            VorbisFloor1 floor = setup.floors[map.submapFloor()[map.mux()[c]]];
            unused[c] = !floor.decode(b, books, floorY[c], step2);
        }
        System.arraycopy(unused, 0, noResidue, 0, channels);
        int[] magnitude = map.magnitude(), angle = map.angle();
        for (int i = 0; i < magnitude.length; i++) {
            if (!unused[magnitude[i]] || !unused[angle[i]]) noResidue[magnitude[i]] = noResidue[angle[i]] = false;
        }

        int[] mux = map.mux();
        for (int s = 0; s < map.submapResidue().length; s++) {
            int count = 0;
            for (int c = 0; c < channels; c++) {
                if (mux[c] != s) continue;
                Arrays.fill(buffers[c], 0, n2, 0f);
                submapBuffers[count] = buffers[c];
                skip[count] = noResidue[c];
                count++;
            }
            setup.residues[map.submapResidue()[s]].decode(b, books, submapBuffers, skip, count, n2, classes);
        }

        for (int i = magnitude.length - 1; i >= 0; i--) uncouple(buffers[magnitude[i]], buffers[angle[i]], n2);

        VorbisImdct imdct = setup.imdct[longBlock ? 1 : 0];
        for (int c = 0; c < channels; c++) {
            if (unused[c]) {
                Arrays.fill(buffers[c], 0, n, 0f);
            } else {
                setup.floors[map.submapFloor()[mux[c]]].apply(floorY[c], buffers[c], n2);
                imdct.inverse(buffers[c], fftRe, fftIm);
            }
        }

        boolean shortLeft = longBlock && previousSize != setup.id.blocksize1();
        int leftStart = shortLeft ? (n - blocksize0) >> 2 : 0;
        int leftEnd = shortLeft ? (n + blocksize0) >> 2 : n2;
        VorbisImdct leftSize = shortLeft ? setup.imdct[0] : imdct;
        float[] leftSlope = leftSize.window;
        boolean shortRight = longBlock && !nextLong;
        int rightStart = shortRight ? (3 * n - blocksize0) >> 2 : n2;
        int rightEnd = shortRight ? (3 * n + blocksize0) >> 2 : n;
        float[] rightSlope = shortRight ? setup.imdct[0].window : imdct.window;

        int frames = 0;
        if (previousSize > 0) {
            frames = (previousSize >> 2) + (n >> 2);
            float[][] previous = blocks[current ^ 1];
            int shift = (n >> 2) - (previousSize >> 2);   // this block's index = output index + shift
            int pc = previousSize >> 1;                     // the previous block's index = output index + pc
            boolean matched = previousRightStart - pc == leftStart - shift
                    && previousRightEnd - previousRightStart == leftEnd - leftStart;
            for (int c = 0; c < channels; c++) {
                if (matched) {
                    overlapMatched(previous[c], buffers[c], frames, pc, shift, leftStart, leftEnd, leftSize, interleaved, c);
                } else {
                    overlap(previous[c], buffers[c], frames, n, leftStart, leftEnd, leftSlope);
                    for (int i = 0, o = c; i < frames; i++, o += channels) interleaved[o] = s16(mix[i]);
                }
            }
        }
        previousSize = n;
        previousRightStart = rightStart;
        previousRightEnd = rightEnd;
        previousSlope = rightSlope;
        current ^= 1;
        return frames;
    }

    /**
     * Inverse coupling of one magnitude/angle pair, square polar to Cartesian: with σ = 1 when the
     * magnitude is positive, -1 when not, a positive angle gives (m, m − σa), any other (m + σa, m).
     * Without branches (the signs are noise to a branch predictor) and in float arithmetic alone
     * (min, max, multiplications), so that the JIT vectorises the loop; the results are the
     * specification's, up to the sign of a zero, which no sample shows.
     */
    static void uncouple(float[] m, float[] a, int n2) {
        for (int j = 0; j < n2; j++) {
            float mj = m[j], aj = a[j];
            // 1 when mj > 0, even the least denormal (2^-149 · 2^127 · 2^22 = 1); 0 when not
            float positive = Math.min(Math.max(mj * 0x1p127f, 0f) * 0x1p22f, 1f);
            float sigma = 2f * positive - 1f;
            m[j] = mj - sigma * Math.max(-aj, 0f);
            a[j] = mj - sigma * Math.max(aj, 0f);
        }
    }

    /**
     * Into {@link #mix}: the {@code frames} frames from the previous block's centre to this one's,
     * the previous block's falling half plus this block's rising half, each through its window.
     */
    private void overlap(float[] previous, float[] block, int frames, int n, int leftStart, int leftEnd, float[] leftSlope) {
        float[] out = mix;
        int pc = previousSize >> 1;
        int flatEnd = clamp(previousRightStart - pc, frames);
        int slopeEnd = clamp(previousRightEnd - pc, frames);
        System.arraycopy(previous, pc, out, 0, flatEnd);
        float[] slope = previousSlope;
        int last = previousRightEnd - 1;
        for (int i = flatEnd; i < slopeEnd; i++) out[i] = previous[pc + i] * slope[last - pc - i];
        Arrays.fill(out, slopeEnd, frames, 0f);

        int shift = (n >> 2) - (previousSize >> 2);   // block index = output index + shift
        int from = clamp(leftStart - shift, frames);
        int rise = clamp(leftEnd - shift, frames);
        for (int i = from; i < rise; i++) out[i] += block[i + shift] * leftSlope[i + shift - leftStart];
        for (int i = rise; i < frames; i++) out[i] += block[i + shift];
    }

    /**
     * The usual case of {@link #overlap}, written straight to 16-bit: the previous block's falling
     * slope lies exactly over this one's rising slope.
     */
    private void overlapMatched(float[] previous, float[] block, int frames, int pc, int shift, int leftStart, int leftEnd,
                                VorbisImdct slopes, short[] out, int channel) {
        int ch = channels;
        int rise = leftStart - shift;
        int length = leftEnd - leftStart;
        int o = channel;
        for (int i = 0; i < rise; i++, o += ch) out[o] = s16(previous[pc + i]);
        // The sum, scaled, clipped and offset for s16Bits, in a loop the JIT vectorises: one whose arrays
        // all start at the same index (hence the copies); the strided 16-bit stores cannot be vectorised.
        float[] m = mix, b = mixBlock, rising = slopes.window, falling = slopes.windowFalling;
        System.arraycopy(previous, pc + rise, m, 0, length);
        System.arraycopy(block, leftStart, b, 0, length);
        for (int j = 0; j < length; j++) {
            float f = (m[j] * falling[j] + b[j] * rising[j]) * 32768f;
            m[j] = Math.min(Math.max(f, -32768f), 32767f) + ROUNDING;
        }
        for (int j = 0; j < length; j++, o += ch) out[o] = s16Bits(m[j]);
        for (int i = rise + length; i < frames; i++, o += ch) out[o] = s16(block[i + shift]);
    }

    private static int clamp(int i, int frames) {
        return Math.max(0, Math.min(frames, i));
    }

    /** 1.5 × 2^23: a float in [-2^22, 2^22] plus this is rounded to a whole number (to nearest, ties to even) held in its low mantissa bits. */
    private static final float ROUNDING = 12582912f;

    /** Rounds to nearest, ties to even, after clipping. */
    private static short s16(float x) {
        float f = x * 32768f;
        f = f > 32767f ? 32767f : (f < -32768f ? -32768f : f);
        return s16Bits(f + ROUNDING);
    }

    /** The 16-bit sample a clipped sample plus {@link #ROUNDING} holds. */
    private static short s16Bits(float rounded) {
        return (short) (Float.floatToRawIntBits(rounded) - 0x4B400000);
    }
}
