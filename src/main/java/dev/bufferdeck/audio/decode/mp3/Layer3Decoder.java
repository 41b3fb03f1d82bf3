package dev.bufferdeck.audio.decode.mp3;

import java.util.Arrays;

import static dev.bufferdeck.audio.decode.mp3.Layer3Tables.*;

/**
 * An MPEG-1, 2 and 2.5 Layer III frame decoder: one whole frame in (its bytes from the header on),
 * 16-bit PCM out, interleaved. A port of minimp3 (lieff/minimp3, CC0 public domain), its scalar
 * path, function for function and under the same names; nothing is allocated per frame. Where the
 * hot loops are rearranged for the JIT (the synthesis and its DCT along rows, the IMDCT over
 * locals, branch-free sign bits and refills), each sample still gets minimp3's operations in
 * minimp3's order, so the output is bit for bit what the straight port gave. The
 * caller finds the frames (our {@code MpegFrameIndex}, or a live stream's sync search); this class
 * keeps the bit reservoir, the IMDCT overlap and the synthesis filter state between them.
 * Not thread-safe: one decoder per stream.
 *
 * <p>Where it departs from minimp3, it does as ffmpeg does (our reference, {@code Mp3MatchesFfmpegTest}):
 * the 24 kHz long-block band table ({@link Layer3Tables#SCF_LONG}), no scfsi in the first granule,
 * rounding to nearest, and MPEG-2 intensity positions from 16 up meaning "not intensity-coded".
 * Layer I and II frames give no samples (the frame index lists Layer III only).
 */
public final class Layer3Decoder {
    /** Most samples one frame gives: 1152 per channel, two channels. */
    public static final int MAX_SAMPLES_PER_FRAME = 1152 * 2;
    private static final int MAX_FRAME_PAYLOAD_BYTES = 2304;
    private static final int MAX_RESERVOIR_BYTES = 511;
    /** The Huffman reader looks up to four bytes ahead and a damaged granule may overrun its limit. */
    private static final int READ_AHEAD_PADDING = 4096;
    private static final int SHORT_BLOCK_TYPE = 2;
    private static final int STOP_BLOCK_TYPE = 3;
    private static final int MAX_SCFI = 44;   // ((255 + BITS_DEQUANTIZER_OUT*4 - 210) + 3) & ~3

    // mp3dec_t
    private final float[] mdctOverlap = new float[2 * 9 * 32];
    /** Per channel, the bands from 0 whose {@link #mdctOverlap} may be non-zero. */
    private final int[] overlapBands = new int[2];
    private final float[] qmfState = new float[15 * 2 * 32];
    private int reserv;
    private final byte[] reservBuf = new byte[MAX_RESERVOIR_BYTES];
    private boolean haveHeader;
    private int h1, h2, h3;

    // mp3dec_scratch_t
    private final BitReader frameBits = new BitReader();
    private final BitReader bs = new BitReader();
    private final byte[] maindata = new byte[MAX_RESERVOIR_BYTES + MAX_FRAME_PAYLOAD_BYTES + READ_AHEAD_PADDING];
    private final Granule[] grInfo = {new Granule(), new Granule(), new Granule(), new Granule()};
    private final float[] grbuf = new float[2 * 576];
    private final float[] scf = new float[40];
    private final float[] syn = new float[(18 + 15) * 2 * 32];
    private final int[] istPos = new int[2 * 39];

    // locals kept to avoid allocation
    private final int[] scfSize = new int[4];
    private final int[] iscf = new int[43];
    private final int[] maxBand = new int[3];
    private final float[] tmp18 = new float[18];
    private final float[] co3 = new float[3];
    private final float[] si3 = new float[3];
    private final float[] dct = new float[32 * 18];
    private final float[] synthA = new float[60];
    private final float[] synthB = new float[60];

    /**
     * {@link Layer3Tables#WIN} laid out for {@link #synth}'s vectorised loop: row {@code 2k + j}
     * (k = 0..7 the tap pair, j = 0..1) holds, for column m = 4i + lane, the weight output pair i
     * uses, {@code WIN[(14 - i) * 16 + 2k + j]}.
     */
    private static final float[] SYNTH_WINDOW = new float[16 * 60];
    static {
        for (int r = 0; r < 16; r++) {
            for (int m = 0; m < 60; m++) SYNTH_WINDOW[r * 60 + m] = WIN[(14 - (m >> 2)) * 16 + r];
        }
    }

    /** Side information of one granule of one channel ({@code L3_gr_info_t}). */
    private static final class Granule {
        int[] sfbtab;
        int sfbOffset;
        int part23Length, bigValues, scalefacCompress;
        int globalGain, blockType, mixedBlockFlag, nLongSfb, nShortSfb;
        final int[] tableSelect = new int[3];
        final int[] regionCount = new int[3];
        final int[] subblockGain = new int[3];
        int preflag, scalefacScale, count1Table, scfsi;
    }

    /** {@code bs_t}: a bit position over a byte range. */
    private static final class BitReader {
        byte[] buf;
        int base;
        int pos;
        int limit;

        void init(byte[] data, int offset, int bytes) {
            buf = data;
            base = offset;
            pos = 0;
            limit = bytes * 8;
        }

        int get(int n) {
            int s = pos & 7;
            int shl = n + s;
            int p = base + (pos >> 3);
            if ((pos += n) > limit) return 0;
            int cache = 0;
            int next = buf[p++] & (255 >> s);
            while ((shl -= 8) > 0) {
                cache |= next << shl;
                next = buf[p++] & 0xFF;
            }
            return cache | (next >>> -shl);
        }
    }

    private static final int[][] HALF_KBPS = {   // hdr_bitrate_kbps' halfrate, Layer III rows: MPEG-2/2.5, MPEG-1
            {0, 4, 8, 12, 16, 20, 24, 28, 32, 40, 48, 56, 64, 72, 80},
            {0, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160},
    };
    private static final int[] HZ = {44100, 48000, 32000};

    /**
     * Bytes in the Layer III frame whose header is {@code b0..b3} (as unsigned ints), padding
     * included; 0 when they are not a Layer III header of known bitrate.
     */
    public static int frameBytes(int b0, int b1, int b2, int b3) {
        if (b0 != 0xFF || (b1 & 0xE0) != 0xE0 || ((b1 >> 1) & 3) != 1 || ((b1 >> 3) & 3) == 1) return 0;
        int bitrate = b2 >> 4, rate = (b2 >> 2) & 3;
        if (bitrate == 0 || bitrate == 15 || rate == 3) return 0;
        boolean mpeg1 = (b1 & 8) != 0;
        int hz = HZ[rate] >> (mpeg1 ? 0 : 1) >> ((b1 & 0x10) != 0 ? 0 : 1);
        int samples = mpeg1 ? 1152 : 576;
        return samples * 2 * HALF_KBPS[mpeg1 ? 1 : 0][bitrate] * 125 / hz + ((b2 & 2) != 0 ? 1 : 0);
    }

    /** Forgets the reservoir, overlap and filter state, as after a seek. */
    public void reset() {
        Arrays.fill(mdctOverlap, 0);
        Arrays.fill(overlapBands, 0);
        Arrays.fill(qmfState, 0);
        reserv = 0;
        haveHeader = false;
    }

    /**
     * Decodes the Layer III frame in {@code frame[offset, offset+length)} (header first) into
     * {@code pcm} (interleaved, at least {@link #MAX_SAMPLES_PER_FRAME} long). Returns the samples
     * per channel written, or 0 when the frame gave none: not Layer III, damaged side information,
     * or a bit reservoir reaching into frames not decoded (the first frames after a seek); the
     * frame still feeds the reservoir.
     */
    public int decodeFrame(byte[] frame, int offset, int length, short[] pcm) {
        if (length < 4 || (frame[offset] & 0xFF) != 0xFF) return 0;
        int b1 = frame[offset + 1] & 0xFF, b2 = frame[offset + 2] & 0xFF, b3 = frame[offset + 3] & 0xFF;
        if (((b1 >> 1) & 3) != 1 || (b2 >> 4) == 15 || ((b2 >> 2) & 3) == 3) return 0;
        if (haveHeader && (((h1 ^ b1) & 0xFE) != 0 || ((h2 ^ b2) & 0x0C) != 0 || (((h2 & 0xF0) == 0) ^ ((b2 & 0xF0) == 0)))) {
            reset();   // another stream: minimp3 clears its whole state here
        }
        haveHeader = true;
        h1 = b1;
        h2 = b2;
        h3 = b3;
        int channels = isMono() ? 1 : 2;
        int payload = Math.min(length - 4, MAX_FRAME_PAYLOAD_BYTES);
        frameBits.init(frame, offset + 4, payload);
        if ((h1 & 1) == 0) frameBits.get(16);   // CRC
        int mainDataBegin = readSideInfo(frameBits);
        if (mainDataBegin < 0 || frameBits.pos > frameBits.limit) {
            reset();
            return 0;
        }
        boolean success = restoreReservoir(frameBits, mainDataBegin);
        int granules = mpeg1() ? 2 : 1;
        if (success) {
            for (int igr = 0, out = 0; igr < granules; igr++, out += 576 * channels) {
                Arrays.fill(grbuf, 0);
                decodeGranule(igr * channels, channels);
                synthGranule(18, channels, pcm, out);
            }
        }
        saveReservoir();
        return success ? 576 * granules : 0;
    }

    // ---- header bits (HDR_* macros) ----

    private boolean isMono() { return (h3 & 0xC0) == 0xC0; }
    private boolean isMsStereo() { return (h3 & 0xE0) == 0x60; }
    private boolean mpeg1() { return (h1 & 0x8) != 0; }
    private boolean intensityStereo() { return (h3 & 0x10) != 0; }
    private boolean msStereoBit() { return (h3 & 0x20) != 0; }
    private int mySampleRate() { return ((h2 >> 2) & 3) + (((h1 >> 3) & 1) + ((h1 >> 4) & 1)) * 3; }

    // ---- side information ----

    private int readSideInfo(BitReader b) {
        int tables;
        int scfsi = 0;
        int mainDataBegin;
        int part23Sum = 0;
        int srIdx = mySampleRate();
        srIdx -= srIdx != 0 ? 1 : 0;
        int grCount = isMono() ? 1 : 2;
        int channels = grCount;
        if (mpeg1()) {
            grCount *= 2;
            mainDataBegin = b.get(9);
            scfsi = b.get(7 + grCount);
        } else {
            mainDataBegin = b.get(8 + grCount) >> grCount;
        }
        int g = 0;
        do {
            Granule gr = grInfo[g];
            if (isMono()) scfsi <<= 4;
            gr.part23Length = b.get(12);
            part23Sum += gr.part23Length;
            gr.bigValues = b.get(9);
            if (gr.bigValues > 288) return -1;
            gr.globalGain = b.get(8);
            gr.scalefacCompress = b.get(mpeg1() ? 4 : 9);
            gr.sfbtab = SCF_LONG;
            gr.sfbOffset = srIdx * 23;
            gr.nLongSfb = 22;
            gr.nShortSfb = 0;
            if (b.get(1) != 0) {
                gr.blockType = b.get(2);
                if (gr.blockType == 0) return -1;
                gr.mixedBlockFlag = b.get(1);
                gr.regionCount[0] = 7;
                gr.regionCount[1] = 255;
                if (gr.blockType == SHORT_BLOCK_TYPE) {
                    scfsi &= 0x0F0F;
                    if (gr.mixedBlockFlag == 0) {
                        gr.regionCount[0] = 8;
                        gr.sfbtab = SCF_SHORT;
                        gr.sfbOffset = srIdx * 40;
                        gr.nLongSfb = 0;
                        gr.nShortSfb = 39;
                    } else {
                        gr.sfbtab = SCF_MIXED;
                        gr.sfbOffset = srIdx * 40;
                        gr.nLongSfb = mpeg1() ? 8 : 6;
                        gr.nShortSfb = 30;
                    }
                }
                tables = b.get(10);
                tables <<= 5;
                gr.subblockGain[0] = b.get(3);
                gr.subblockGain[1] = b.get(3);
                gr.subblockGain[2] = b.get(3);
            } else {
                gr.blockType = 0;
                gr.mixedBlockFlag = 0;
                tables = b.get(15);
                gr.regionCount[0] = b.get(4);
                gr.regionCount[1] = b.get(3);
                gr.regionCount[2] = 255;
            }
            gr.tableSelect[0] = tables >> 10;
            gr.tableSelect[1] = (tables >> 5) & 31;
            gr.tableSelect[2] = tables & 31;
            gr.preflag = mpeg1() ? b.get(1) : (gr.scalefacCompress >= 500 ? 1 : 0);
            gr.scalefacScale = b.get(1);
            gr.count1Table = b.get(1);
            // scfsi applies to the second granule only (ffmpeg and the standard); minimp3 lets
            // private bits reach the first granule's here.
            gr.scfsi = g < channels ? 0 : (scfsi >> 12) & 15;
            scfsi <<= 4;
            g++;
        } while (--grCount != 0);
        if (part23Sum + b.pos > b.limit + mainDataBegin * 8) return -1;
        return mainDataBegin;
    }

    // ---- scale factors ----

    private void readScalefactors(int[] scfOut, int istOffset, int[] partition, int partOffset, BitReader b, int scfsi) {
        int s = 0;
        int ist = istOffset;
        for (int i = 0; i < 4 && partition[partOffset + i] != 0; i++, scfsi *= 2) {
            int cnt = partition[partOffset + i];
            if ((scfsi & 8) != 0) {
                System.arraycopy(istPos, ist, scfOut, s, cnt);
            } else {
                int bits = scfSize[i];
                if (bits == 0) {
                    Arrays.fill(scfOut, s, s + cnt, 0);
                    Arrays.fill(istPos, ist, ist + cnt, 0);
                } else {
                    for (int k = 0; k < cnt; k++) {
                        int v = b.get(bits);
                        istPos[ist + k] = v;
                        scfOut[s + k] = v;
                    }
                }
            }
            ist += cnt;
            s += cnt;
        }
        scfOut[s] = scfOut[s + 1] = scfOut[s + 2] = 0;
    }

    private static float ldexpQ2(float y, int expQ2) {
        int e;
        do {
            e = Math.min(30 * 4, expQ2);
            y *= EXPFRAC[e & 3] * (1 << 30 >> (e >> 2));
        } while ((expQ2 -= e) > 0);
        return y;
    }

    private void decodeScalefactors(int istOffset, BitReader b, Granule gr, int ch) {
        int partOffset = ((gr.nShortSfb != 0 ? 1 : 0) + (gr.nLongSfb == 0 ? 1 : 0)) * 28;
        int scfShift = gr.scalefacScale + 1;
        int scfsi = gr.scfsi;
        if (mpeg1()) {
            int part = SCFC_DECODE[gr.scalefacCompress];
            scfSize[1] = scfSize[0] = part >> 2;
            scfSize[3] = scfSize[2] = part & 3;
        } else {
            int ist = intensityStereo() && ch != 0 ? 1 : 0;
            int sfc = gr.scalefacCompress >> ist;
            int k;
            int modprod;
            for (k = ist * 3 * 4; sfc >= 0; sfc -= modprod, k += 4) {
                modprod = 1;
                for (int i = 3; i >= 0; i--) {
                    scfSize[i] = sfc / modprod % MOD[k + i];
                    modprod *= MOD[k + i];
                }
            }
            partOffset += k;
            scfsi = -16;
        }
        readScalefactors(iscf, istOffset, SCF_PARTITIONS, partOffset, b, scfsi);

        if (gr.nShortSfb != 0) {
            int sh = 3 - scfShift;
            for (int i = 0; i < gr.nShortSfb; i += 3) {
                iscf[gr.nLongSfb + i] = (iscf[gr.nLongSfb + i] + (gr.subblockGain[0] << sh)) & 0xFF;
                iscf[gr.nLongSfb + i + 1] = (iscf[gr.nLongSfb + i + 1] + (gr.subblockGain[1] << sh)) & 0xFF;
                iscf[gr.nLongSfb + i + 2] = (iscf[gr.nLongSfb + i + 2] + (gr.subblockGain[2] << sh)) & 0xFF;
            }
        } else if (gr.preflag != 0) {
            for (int i = 0; i < 10; i++) iscf[11 + i] = (iscf[11 + i] + PREAMP[i]) & 0xFF;
        }

        int gainExp = gr.globalGain - 4 - 210 - (isMsStereo() ? 2 : 0);
        float gain = ldexpQ2(1 << (MAX_SCFI / 4), MAX_SCFI - gainExp);
        int n = gr.nLongSfb + gr.nShortSfb;
        for (int i = 0; i < n; i++) scf[i] = ldexpQ2(gain, iscf[i] << scfShift);
    }

    // ---- Huffman decoding and requantisation ----

    private static float pow43(int x) {
        if (x < 129) return POW43[16 + x];
        int mult = 256;
        if (x < 1024) {
            mult = 16;
            x <<= 3;
        }
        int sign = 2 * x & 64;
        float frac = (float) ((x & 63) - sign) / ((x & ~63) + sign);
        return POW43[16 + ((x + sign) >> 6)] * (1.f + frac * ((4.f / 3) + frac * (2.f / 9))) * mult;
    }

    /**
     * The bytes at {@code next} placed for OR-ing into a bit cache whose free bits start at
     * {@code sh} (-8..23: at most 24 bits read since the last refill, and a pair takes at most 21): a branch-free
     * form of minimp3's byte-by-byte loop. Bits below the free ones are the stream's next bits, so
     * the next refill ORs them in again unchanged.
     */
    private static int refillBits(byte[] buf, int next, int sh) {
        long word = (buf[next] & 0xFFL) << 24 | (buf[next + 1] & 0xFF) << 16 | (buf[next + 2] & 0xFF) << 8;
        return (int) (word >>> (24 - sh));
    }

    private void huffman(int dst, Granule gr, int layer3grLimit) {
        byte[] buf = bs.buf;
        int[] sfbTab = gr.sfbtab;
        int sfb = gr.sfbOffset;
        int scfIdx = 0;
        float one = 0f;
        int ireg = 0;
        int bigValCnt = gr.bigValues;
        int next = bs.base + bs.pos / 8;
        int cache = (((buf[next] & 0xFF) << 24) | ((buf[next + 1] & 0xFF) << 16) | ((buf[next + 2] & 0xFF) << 8)
                | (buf[next + 3] & 0xFF)) << (bs.pos & 7);
        int sh = (bs.pos & 7) - 8;
        next += 4;
        int np;
        float[] out = grbuf;

        while (bigValCnt > 0) {
            int tabNum = gr.tableSelect[ireg];
            int sfbCnt = gr.regionCount[ireg++];
            int codebook = TABINDEX[tabNum];
            int linbits = LINBITS[tabNum];
            if (linbits != 0) {
                do {
                    np = sfbTab[sfb++] / 2;
                    if (np == 0) return;
                    int pairs = Math.min(bigValCnt, np);
                    one = scf[scfIdx++];
                    do {
                        int w = 5;
                        int leaf = TABS[codebook + (cache >>> (32 - w))];
                        while (leaf < 0) {
                            cache <<= w;
                            sh += w;
                            w = leaf & 7;
                            leaf = TABS[codebook + (cache >>> (32 - w)) - (leaf >> 3)];
                        }
                        cache <<= leaf >> 8;
                        sh += leaf >> 8;
                        for (int j = 0; j < 2; j++, dst++, leaf >>= 4) {
                            int lsb = leaf & 0x0F;
                            if (lsb == 15) {
                                lsb += cache >>> (32 - linbits);
                                cache <<= linbits;
                                sh += linbits;
                                while (sh >= 0) {
                                    cache |= (buf[next++] & 0xFF) << sh;
                                    sh -= 8;
                                }
                                out[dst] = one * pow43(lsb) * (cache < 0 ? -1 : 1);
                            } else {
                                out[dst] = POW43[16 + lsb - 16 * (cache >>> 31)] * one;
                            }
                            int signBits = -lsb >>> 31;
                            cache <<= signBits;
                            sh += signBits;
                        }
                        int refill = (sh + 8) >> 3;
                        cache |= refillBits(buf, next, sh);
                        next += refill;
                        sh -= refill << 3;
                    } while (--pairs != 0);
                } while ((bigValCnt -= np) > 0 && --sfbCnt >= 0);
            } else {
                do {
                    np = sfbTab[sfb++] / 2;
                    if (np == 0) return;
                    int pairs = Math.min(bigValCnt, np);
                    one = scf[scfIdx++];
                    do {
                        int w = 5;
                        int leaf = TABS[codebook + (cache >>> (32 - w))];
                        while (leaf < 0) {
                            cache <<= w;
                            sh += w;
                            w = leaf & 7;
                            leaf = TABS[codebook + (cache >>> (32 - w)) - (leaf >> 3)];
                        }
                        cache <<= leaf >> 8;
                        sh += leaf >> 8;
                        // each value but 0 is followed by its sign bit: shifted out without a branch
                        int lsb = leaf & 0x0F;
                        out[dst] = POW43[16 + lsb - 16 * (cache >>> 31)] * one;
                        int signBits = -lsb >>> 31;
                        cache <<= signBits;
                        sh += signBits;
                        lsb = (leaf >> 4) & 0x0F;
                        out[dst + 1] = POW43[16 + lsb - 16 * (cache >>> 31)] * one;
                        signBits = -lsb >>> 31;
                        cache <<= signBits;
                        sh += signBits;
                        dst += 2;
                        int refill = (sh + 8) >> 3;
                        cache |= refillBits(buf, next, sh);
                        next += refill;
                        sh -= refill << 3;
                    } while (--pairs != 0);
                } while ((bigValCnt -= np) > 0 && --sfbCnt >= 0);
            }
        }

        int[] count1 = gr.count1Table != 0 ? TAB33 : TAB32;
        for (np = 1 - bigValCnt; ; dst += 4) {
            int leaf = count1[cache >>> 28];
            if ((leaf & 8) == 0) leaf = count1[(leaf >> 3) + ((cache << 4) >>> (32 - (leaf & 3)))];
            cache <<= leaf & 7;
            sh += leaf & 7;
            if ((next - bs.base) * 8 - 24 + sh > layer3grLimit) break;
            if (--np == 0) {
                np = sfbTab[sfb++] / 2;
                if (np == 0) break;
                one = scf[scfIdx++];
            }
            if ((leaf & 128) != 0) {
                out[dst] = cache < 0 ? -one : one;
                cache <<= 1;
                sh++;
            }
            if ((leaf & 64) != 0) {
                out[dst + 1] = cache < 0 ? -one : one;
                cache <<= 1;
                sh++;
            }
            if (--np == 0) {
                np = sfbTab[sfb++] / 2;
                if (np == 0) break;
                one = scf[scfIdx++];
            }
            if ((leaf & 32) != 0) {
                out[dst + 2] = cache < 0 ? -one : one;
                cache <<= 1;
                sh++;
            }
            if ((leaf & 16) != 0) {
                out[dst + 3] = cache < 0 ? -one : one;
                cache <<= 1;
                sh++;
            }
            int refill = (sh + 8) >> 3;
            cache |= refillBits(buf, next, sh);
            next += refill;
            sh -= refill << 3;
        }
        bs.pos = layer3grLimit;
    }

    // ---- stereo ----

    private void midsideStereo(int left, int n) {
        float[] g = grbuf;
        int right = left + 576;
        for (int i = 0; i < n; i++) {
            float a = g[left + i];
            float b = g[right + i];
            g[left + i] = a + b;
            g[right + i] = a - b;
        }
    }

    private void intensityStereoBand(int left, int n, float kl, float kr) {
        float[] g = grbuf;
        for (int i = 0; i < n; i++) {
            g[left + i + 576] = g[left + i] * kr;
            g[left + i] = g[left + i] * kl;
        }
    }

    private void stereoTopBand(int right, int[] sfbTab, int sfb, int nbands) {
        maxBand[0] = maxBand[1] = maxBand[2] = -1;
        for (int i = 0; i < nbands; i++) {
            int width = sfbTab[sfb + i];
            for (int k = 0; k < width; k += 2) {
                if (grbuf[right + k] != 0 || grbuf[right + k + 1] != 0) {
                    maxBand[i % 3] = i;
                    break;
                }
            }
            right += width;
        }
    }

    private void stereoProcess(int left, int istOffset, int[] sfbTab, int sfb, int mpeg2Sh) {
        // MPEG-2 positions from 16 on are not intensity-coded, as in ffmpeg; minimp3 reads the
        // largest value of each field width as that mark, and 16 to 63 as positions.
        int maxPos = mpeg1() ? 7 : 16;
        for (int i = 0; sfbTab[sfb + i] != 0; i++) {
            int width = sfbTab[sfb + i];
            int ipos = istPos[istOffset + i];
            if (i > maxBand[i % 3] && ipos < maxPos) {
                float kl, kr;
                float s = msStereoBit() ? 1.41421356f : 1;
                if (mpeg1()) {
                    kl = PAN[2 * ipos];
                    kr = PAN[2 * ipos + 1];
                } else {
                    kl = 1;
                    kr = ldexpQ2(1, (ipos + 1) >> 1 << mpeg2Sh);
                    if ((ipos & 1) != 0) {
                        kl = kr;
                        kr = 1;
                    }
                }
                intensityStereoBand(left, width, kl * s, kr * s);
            } else if (msStereoBit()) {
                midsideStereo(left, width);
            }
            left += width;
        }
    }

    private void intensityStereo(int istOffset, int g) {
        Granule gr = grInfo[g];
        int nSfb = gr.nLongSfb + gr.nShortSfb;
        int maxBlocks = gr.nShortSfb != 0 ? 3 : 1;
        stereoTopBand(576, gr.sfbtab, gr.sfbOffset, nSfb);
        if (gr.nLongSfb != 0) {
            maxBand[0] = maxBand[1] = maxBand[2] = Math.max(Math.max(maxBand[0], maxBand[1]), maxBand[2]);
        }
        for (int i = 0; i < maxBlocks; i++) {
            int defaultPos = mpeg1() ? 3 : 0;
            int itop = nSfb - maxBlocks + i;
            int prev = itop - maxBlocks;
            istPos[istOffset + itop] = maxBand[i] >= prev ? defaultPos : istPos[istOffset + prev];
        }
        stereoProcess(0, istOffset, gr.sfbtab, gr.sfbOffset, grInfo[g + 1].scalefacCompress & 1);
    }

    // ---- reorder, antialias, IMDCT ----

    private void reorder(int grOffset, int[] sfbTab, int sfb) {
        float[] g = grbuf;
        float[] scratch = syn;
        int src = grOffset;
        int dst = 0;
        int len;
        for (; (len = sfbTab[sfb]) != 0; sfb += 3, src += 2 * len) {
            for (int i = 0; i < len; i++, src++) {
                scratch[dst++] = g[src];
                scratch[dst++] = g[src + len];
                scratch[dst++] = g[src + 2 * len];
            }
        }
        System.arraycopy(scratch, 0, g, grOffset, dst);
    }

    private void antialias(int off, int nbands) {
        float[] g = grbuf;
        for (; nbands > 0; nbands--, off += 18) {
            for (int i = 0; i < 8; i++) {
                float u = g[off + 18 + i];
                float d = g[off + 17 - i];
                g[off + 18 + i] = u * AA[i] - d * AA[8 + i];
                g[off + 17 - i] = u * AA[8 + i] + d * AA[i];
            }
        }
    }

    /** {@code L3_imdct36}, with both 9-point DCTs written out over locals the JIT keeps in registers. */
    private void imdct36(int g, int overlap, int window, int nbands) {
        float[] buf = grbuf;
        float[] ov = mdctOverlap;
        for (int j = 0; j < nbands; j++, g += 18, overlap += 9) {
            float ovl, sum;
            float co0 = -buf[g];
            float si0 = buf[g + 17];
            float si8 = buf[g + 1] - buf[g + 2];
            float co1 = buf[g + 1] + buf[g + 2];
            float si7 = buf[g + 4] - buf[g + 3];
            float co2 = -(buf[g + 3] + buf[g + 4]);
            float si6 = buf[g + 5] - buf[g + 6];
            float co3 = buf[g + 5] + buf[g + 6];
            float si5 = buf[g + 8] - buf[g + 7];
            float co4 = -(buf[g + 7] + buf[g + 8]);
            float si4 = buf[g + 9] - buf[g + 10];
            float co5 = buf[g + 9] + buf[g + 10];
            float si3 = buf[g + 12] - buf[g + 11];
            float co6 = -(buf[g + 11] + buf[g + 12]);
            float si2 = buf[g + 13] - buf[g + 14];
            float co7 = buf[g + 13] + buf[g + 14];
            float si1 = buf[g + 16] - buf[g + 15];
            float co8 = -(buf[g + 15] + buf[g + 16]);
            float ct0, ct2, ct4;
            float cs0 = co0, cs2 = co2, cs4 = co4, cs6 = co6, cs8 = co8;
            ct0 = cs0 + cs6 * 0.5f;
            cs0 -= cs6;
            ct4 = (cs4 + cs2) * 0.93969262f;
            ct2 = (cs8 + cs2) * 0.76604444f;
            cs6 = (cs4 - cs8) * 0.17364818f;
            cs4 += cs8 - cs2;
            cs2 = cs0 - cs4 * 0.5f;
            float cy4 = cs4 + cs0;
            cs8 = ct0 - ct2 + cs6;
            cs0 = ct0 - ct4 + ct2;
            cs4 = ct0 + ct4 - cs6;
            float cs1 = co1, cs3 = co3, cs5 = co5, cs7 = co7;
            cs3 *= 0.86602540f;
            ct0 = (cs5 + cs1) * 0.98480775f;
            ct4 = (cs5 - cs7) * 0.34202014f;
            ct2 = (cs1 + cs7) * 0.64278761f;
            cs1 = (cs1 - cs5 - cs7) * 0.86602540f;
            cs5 = ct0 - cs3 - ct2;
            cs7 = ct4 - cs3 - ct0;
            cs3 = ct4 + cs3 - ct2;
            float cy0 = cs4 - cs7;
            float cy1 = cs2 + cs1;
            float cy2 = cs0 - cs3;
            float cy3 = cs8 + cs5;
            float cy5 = cs8 - cs5;
            float cy6 = cs0 + cs3;
            float cy7 = cs2 - cs1;
            float cy8 = cs4 + cs7;
            float st0, st2, st4;
            float ss0 = si0, ss2 = si2, ss4 = si4, ss6 = si6, ss8 = si8;
            st0 = ss0 + ss6 * 0.5f;
            ss0 -= ss6;
            st4 = (ss4 + ss2) * 0.93969262f;
            st2 = (ss8 + ss2) * 0.76604444f;
            ss6 = (ss4 - ss8) * 0.17364818f;
            ss4 += ss8 - ss2;
            ss2 = ss0 - ss4 * 0.5f;
            float sy4 = ss4 + ss0;
            ss8 = st0 - st2 + ss6;
            ss0 = st0 - st4 + st2;
            ss4 = st0 + st4 - ss6;
            float ss1 = si1, ss3 = si3, ss5 = si5, ss7 = si7;
            ss3 *= 0.86602540f;
            st0 = (ss5 + ss1) * 0.98480775f;
            st4 = (ss5 - ss7) * 0.34202014f;
            st2 = (ss1 + ss7) * 0.64278761f;
            ss1 = (ss1 - ss5 - ss7) * 0.86602540f;
            ss5 = st0 - ss3 - st2;
            ss7 = st4 - ss3 - st0;
            ss3 = st4 + ss3 - st2;
            float sy0 = ss4 - ss7;
            float sy1 = ss2 + ss1;
            float sy2 = ss0 - ss3;
            float sy3 = ss8 + ss5;
            float sy5 = ss8 - ss5;
            float sy6 = ss0 + ss3;
            float sy7 = ss2 - ss1;
            float sy8 = ss4 + ss7;
            ovl = ov[overlap + 0];
            sum = cy0 * TWID9[9] + sy0 * TWID9[0];
            ov[overlap + 0] = cy0 * TWID9[0] - sy0 * TWID9[9];
            buf[g + 0] = ovl * MDCT_WINDOW[window + 0] - sum * MDCT_WINDOW[window + 9];
            buf[g + 17] = ovl * MDCT_WINDOW[window + 9] + sum * MDCT_WINDOW[window + 0];
            float ny1 = -sy1;
            ovl = ov[overlap + 1];
            sum = cy1 * TWID9[10] + ny1 * TWID9[1];
            ov[overlap + 1] = cy1 * TWID9[1] - ny1 * TWID9[10];
            buf[g + 1] = ovl * MDCT_WINDOW[window + 1] - sum * MDCT_WINDOW[window + 10];
            buf[g + 16] = ovl * MDCT_WINDOW[window + 10] + sum * MDCT_WINDOW[window + 1];
            ovl = ov[overlap + 2];
            sum = cy2 * TWID9[11] + sy2 * TWID9[2];
            ov[overlap + 2] = cy2 * TWID9[2] - sy2 * TWID9[11];
            buf[g + 2] = ovl * MDCT_WINDOW[window + 2] - sum * MDCT_WINDOW[window + 11];
            buf[g + 15] = ovl * MDCT_WINDOW[window + 11] + sum * MDCT_WINDOW[window + 2];
            float ny3 = -sy3;
            ovl = ov[overlap + 3];
            sum = cy3 * TWID9[12] + ny3 * TWID9[3];
            ov[overlap + 3] = cy3 * TWID9[3] - ny3 * TWID9[12];
            buf[g + 3] = ovl * MDCT_WINDOW[window + 3] - sum * MDCT_WINDOW[window + 12];
            buf[g + 14] = ovl * MDCT_WINDOW[window + 12] + sum * MDCT_WINDOW[window + 3];
            ovl = ov[overlap + 4];
            sum = cy4 * TWID9[13] + sy4 * TWID9[4];
            ov[overlap + 4] = cy4 * TWID9[4] - sy4 * TWID9[13];
            buf[g + 4] = ovl * MDCT_WINDOW[window + 4] - sum * MDCT_WINDOW[window + 13];
            buf[g + 13] = ovl * MDCT_WINDOW[window + 13] + sum * MDCT_WINDOW[window + 4];
            float ny5 = -sy5;
            ovl = ov[overlap + 5];
            sum = cy5 * TWID9[14] + ny5 * TWID9[5];
            ov[overlap + 5] = cy5 * TWID9[5] - ny5 * TWID9[14];
            buf[g + 5] = ovl * MDCT_WINDOW[window + 5] - sum * MDCT_WINDOW[window + 14];
            buf[g + 12] = ovl * MDCT_WINDOW[window + 14] + sum * MDCT_WINDOW[window + 5];
            ovl = ov[overlap + 6];
            sum = cy6 * TWID9[15] + sy6 * TWID9[6];
            ov[overlap + 6] = cy6 * TWID9[6] - sy6 * TWID9[15];
            buf[g + 6] = ovl * MDCT_WINDOW[window + 6] - sum * MDCT_WINDOW[window + 15];
            buf[g + 11] = ovl * MDCT_WINDOW[window + 15] + sum * MDCT_WINDOW[window + 6];
            float ny7 = -sy7;
            ovl = ov[overlap + 7];
            sum = cy7 * TWID9[16] + ny7 * TWID9[7];
            ov[overlap + 7] = cy7 * TWID9[7] - ny7 * TWID9[16];
            buf[g + 7] = ovl * MDCT_WINDOW[window + 7] - sum * MDCT_WINDOW[window + 16];
            buf[g + 10] = ovl * MDCT_WINDOW[window + 16] + sum * MDCT_WINDOW[window + 7];
            ovl = ov[overlap + 8];
            sum = cy8 * TWID9[17] + sy8 * TWID9[8];
            ov[overlap + 8] = cy8 * TWID9[8] - sy8 * TWID9[17];
            buf[g + 8] = ovl * MDCT_WINDOW[window + 8] - sum * MDCT_WINDOW[window + 17];
            buf[g + 9] = ovl * MDCT_WINDOW[window + 17] + sum * MDCT_WINDOW[window + 8];
        }
    }

    /** Bands of the granule at {@code g} up to and including the last that holds a non-zero line. */
    private int nonzeroBands(int g) {
        float[] buf = grbuf;
        int i = 575;
        while (i >= 0 && buf[g + i] == 0) i--;
        return (i + 18) / 18;
    }

    /** {@link #imdct36} of bands whose lines are all zero: the overlap windowed, and no overlap left. */
    private void imdctZero(int g, int overlap, int window, int nbands) {
        float[] buf = grbuf;
        float[] ov = mdctOverlap;
        for (int j = 0; j < nbands; j++, g += 18, overlap += 9) {
            for (int i = 0; i < 9; i++) {
                float ovl = ov[overlap + i];
                ov[overlap + i] = 0;
                buf[g + i] = ovl * MDCT_WINDOW[window + i];
                buf[g + 17 - i] = ovl * MDCT_WINDOW[window + 9 + i];
            }
        }
    }

    private static void idct3(float x0, float x1, float x2, float[] dst) {
        float m1 = x1 * 0.86602540f;
        float a1 = x0 - x2 * 0.5f;
        dst[1] = x0 + x2;
        dst[0] = a1 + m1;
        dst[2] = a1 - m1;
    }

    /** {@code L3_imdct12}: x from {@link #tmp18} at {@code x}, out to {@code dst[dstOff..]}, overlap at {@code ov}. */
    private void imdct12(int x, float[] dst, int dstOff, int ov) {
        float[] t = tmp18;
        float[] overlap = mdctOverlap;
        idct3(-t[x], t[x + 6] + t[x + 3], t[x + 12] + t[x + 9], co3);
        idct3(t[x + 15], t[x + 12] - t[x + 9], t[x + 6] - t[x + 3], si3);
        si3[1] = -si3[1];
        for (int i = 0; i < 3; i++) {
            float ovl = overlap[ov + i];
            float sum = co3[i] * TWID3[3 + i] + si3[i] * TWID3[i];
            overlap[ov + i] = co3[i] * TWID3[i] - si3[i] * TWID3[3 + i];
            dst[dstOff + i] = ovl * TWID3[2 - i] - sum * TWID3[5 - i];
            dst[dstOff + 5 - i] = ovl * TWID3[5 - i] + sum * TWID3[2 - i];
        }
    }

    private void imdctShort(int g, int overlap, int nbands) {
        for (; nbands > 0; nbands--, overlap += 9, g += 18) {
            System.arraycopy(grbuf, g, tmp18, 0, 18);
            System.arraycopy(mdctOverlap, overlap, grbuf, g, 6);
            imdct12(0, grbuf, g + 6, overlap + 6);
            imdct12(1, grbuf, g + 12, overlap + 6);
            imdct12(2, mdctOverlap, overlap, overlap + 6);
        }
    }

    private void changeSign(int g) {
        float[] buf = grbuf;
        g += 18;
        for (int b = 0; b < 32; b += 2, g += 36) {
            for (int i = 1; i < 18; i += 2) buf[g + i] = -buf[g + i];
        }
    }

    private void imdctGranule(int g, int overlap, int blockType, int nLongBands) {
        if (nLongBands != 0) {
            imdct36(g, overlap, 0, nLongBands);
            g += 18 * nLongBands;
            overlap += 9 * nLongBands;
        }
        if (blockType == SHORT_BLOCK_TYPE) imdctShort(g, overlap, 32 - nLongBands);
        else imdct36(g, overlap, blockType == STOP_BLOCK_TYPE ? 18 : 0, 32 - nLongBands);
    }

    // ---- reservoir ----

    private void saveReservoir() {
        int pos = (bs.pos + 7) / 8;
        int remains = bs.limit / 8 - pos;
        if (remains > MAX_RESERVOIR_BYTES) {
            pos += remains - MAX_RESERVOIR_BYTES;
            remains = MAX_RESERVOIR_BYTES;
        }
        if (remains > 0) System.arraycopy(maindata, pos, reservBuf, 0, remains);
        reserv = Math.max(0, remains);
    }

    private boolean restoreReservoir(BitReader frame, int mainDataBegin) {
        int frameBytes = (frame.limit - frame.pos) / 8;
        int bytesHave = Math.min(reserv, mainDataBegin);
        System.arraycopy(reservBuf, Math.max(0, reserv - mainDataBegin), maindata, 0, bytesHave);
        System.arraycopy(frame.buf, frame.base + frame.pos / 8, maindata, bytesHave, frameBytes);
        Arrays.fill(maindata, bytesHave + frameBytes, Math.min(maindata.length, bytesHave + frameBytes + 8), (byte) 0);
        bs.init(maindata, 0, bytesHave + frameBytes);
        return reserv >= mainDataBegin;
    }

    // ---- one granule ----

    private void decodeGranule(int g, int nch) {
        for (int ch = 0; ch < nch; ch++) {
            int layer3grLimit = bs.pos + grInfo[g + ch].part23Length;
            decodeScalefactors(ch * 39, bs, grInfo[g + ch], ch);
            huffman(576 * ch, grInfo[g + ch], layer3grLimit);
            bs.pos = layer3grLimit;
        }
        if (intensityStereo()) {
            intensityStereo(39, g);
        } else if (isMsStereo()) {
            midsideStereo(0, 576);
        }
        for (int ch = 0; ch < nch; ch++) {
            Granule gr = grInfo[g + ch];
            int nLongBands = (gr.mixedBlockFlag != 0 ? 2 : 0) << (mySampleRate() == 2 ? 1 : 0);
            if (gr.nShortSfb == 0 && nLongBands == 0) {
                // Bands above the last non-zero line (above the encoder's lowpass) stay zero through
                // the antialias butterflies but one; the IMDCT of a zero band is its overlap windowed.
                int bands = nonzeroBands(576 * ch);
                antialias(576 * ch, Math.min(31, bands));
                int inputBands = bands == 0 ? 0 : Math.min(32, bands + 1);
                int window = gr.blockType == STOP_BLOCK_TYPE ? 18 : 0;
                imdct36(576 * ch, 288 * ch, window, inputBands);
                int overlapped = Math.max(inputBands, overlapBands[ch]);
                imdctZero(576 * ch + 18 * inputBands, 288 * ch + 9 * inputBands, window, overlapped - inputBands);
                overlapBands[ch] = inputBands;
            } else {
                int aaBands = 31;
                if (gr.nShortSfb != 0) {
                    aaBands = nLongBands - 1;
                    reorder(576 * ch + nLongBands * 18, gr.sfbtab, gr.sfbOffset + gr.nLongSfb);
                }
                antialias(576 * ch, aaBands);
                imdctGranule(576 * ch, 288 * ch, gr.blockType, nLongBands);
                overlapBands[ch] = 32;
            }
            changeSign(576 * ch);
        }
    }

    // ---- polyphase synthesis ----

    /**
     * The 32-point DCT of each of the {@code n} time slots, which are the columns of the 32 rows
     * of 18 at {@code g}. Every step runs along a row, over all slots at once, so the JIT can
     * vectorise it; each slot gets minimp3's operations in minimp3's order.
     */
    private void dctII(int g, int n) {
        float[] buf = grbuf;
        float[] t = dct;
        for (int i = 0; i < 8; i++) {
            int r0 = g + i * 18, r1 = g + (15 - i) * 18, r2 = g + (16 + i) * 18, r3 = g + (31 - i) * 18;
            int o0 = i * 18, o1 = (8 + i) * 18, o2 = (16 + i) * 18, o3 = (24 + i) * 18;
            float sec0 = SEC[3 * i], sec1 = SEC[3 * i + 1], sec2 = SEC[3 * i + 2];
            for (int k = 0; k < n; k++) {
                float x0 = buf[r0 + k];
                float x1 = buf[r1 + k];
                float x2 = buf[r2 + k];
                float x3 = buf[r3 + k];
                float t0 = x0 + x3;
                float t1 = x1 + x2;
                float t2 = (x1 - x2) * sec0;
                float t3 = (x0 - x3) * sec1;
                t[o0 + k] = t0 + t1;
                t[o1 + k] = (t0 - t1) * sec2;
                t[o2 + k] = t3 + t2;
                t[o3 + k] = (t3 - t2) * sec2;
            }
        }
        for (int x = 0; x < 32 * 18; x += 8 * 18) {
            for (int k = x; k < x + n; k++) {
                float x0 = t[k], x1 = t[k + 18], x2 = t[k + 2 * 18], x3 = t[k + 3 * 18], x4 = t[k + 4 * 18],
                        x5 = t[k + 5 * 18], x6 = t[k + 6 * 18], x7 = t[k + 7 * 18], xt;
                xt = x0 - x7; x0 += x7;
                x7 = x1 - x6; x1 += x6;
                x6 = x2 - x5; x2 += x5;
                x5 = x3 - x4; x3 += x4;
                x4 = x0 - x3; x0 += x3;
                x3 = x1 - x2; x1 += x2;
                t[k] = x0 + x1;
                t[k + 4 * 18] = (x0 - x1) * 0.70710677f;
                x5 = x5 + x6;
                x6 = (x6 + x7) * 0.70710677f;
                x7 = x7 + xt;
                x3 = (x3 + x4) * 0.70710677f;
                x5 -= x7 * 0.198912367f;  // rotate by PI/8
                x7 += x5 * 0.382683432f;
                x5 -= x7 * 0.198912367f;
                x0 = xt - x6; xt += x6;
                t[k + 18] = (xt + x7) * 0.50979561f;
                t[k + 2 * 18] = (x4 + x3) * 0.54119611f;
                t[k + 3 * 18] = (x0 - x5) * 0.60134488f;
                t[k + 5 * 18] = (x0 + x5) * 0.89997619f;
                t[k + 6 * 18] = (x4 - x3) * 1.30656302f;
                t[k + 7 * 18] = (xt - x7) * 2.56291556f;
            }
        }
        for (int i = 0; i < 7; i++) {
            int y = g + 4 * i * 18;
            int a = i * 18, b = (8 + i) * 18, c = (16 + i) * 18, d = (24 + i) * 18;
            for (int k = 0; k < n; k++) {
                buf[y + k] = t[a + k];
                buf[y + 18 + k] = t[c + k] + t[d + k] + t[d + 18 + k];
                buf[y + 2 * 18 + k] = t[b + k] + t[b + 18 + k];
                buf[y + 3 * 18 + k] = t[c + 18 + k] + t[d + k] + t[d + 18 + k];
            }
        }
        int y = g + 28 * 18;
        for (int k = 0; k < n; k++) {
            buf[y + k] = t[7 * 18 + k];
            buf[y + 18 + k] = t[23 * 18 + k] + t[31 * 18 + k];
            buf[y + 2 * 18 + k] = t[15 * 18 + k];
            buf[y + 3 * 18 + k] = t[31 * 18 + k];
        }
    }

    private static short scalePcm(float sample) {
        // to nearest, ties up as Math.round, clamped (minimp3's scalar rounding sends (-1.5, -0.5)
        // to 0): the sum is exact in double and truncates as floor does while it is not negative
        return (short) (Math.max(0, Math.min(65535, (int) (sample + 32768.5d))) - 32768);
    }

    private static void synthPair(short[] pcm, int p, int nch, float[] z, int zi) {
        float a;
        a = (z[zi + 14 * 64] - z[zi]) * 29;
        a += (z[zi + 64] + z[zi + 13 * 64]) * 213;
        a += (z[zi + 12 * 64] - z[zi + 2 * 64]) * 459;
        a += (z[zi + 3 * 64] + z[zi + 11 * 64]) * 2037;
        a += (z[zi + 10 * 64] - z[zi + 4 * 64]) * 5153;
        a += (z[zi + 5 * 64] + z[zi + 9 * 64]) * 6574;
        a += (z[zi + 8 * 64] - z[zi + 6 * 64]) * 37489;
        a += z[zi + 7 * 64] * 75038;
        pcm[p] = scalePcm(a);
        zi += 2;
        a = z[zi + 14 * 64] * 104;
        a += z[zi + 12 * 64] * 1567;
        a += z[zi + 10 * 64] * 9727;
        a += z[zi + 8 * 64] * 64019;
        a += z[zi + 6 * 64] * -9975;
        a += z[zi + 4 * 64] * -45;
        a += z[zi + 2 * 64] * 146;
        a += z[zi] * -5;
        pcm[p + 16 * nch] = scalePcm(a);
    }

    private void synth(int xl, short[] pcm, int dstl, int nch, int lins) {
        float[] x = grbuf;
        float[] z = syn;
        int xr = xl + 576 * (nch - 1);
        int dstr = dstl + (nch - 1);
        int zlin = lins + 15 * 64;
        z[zlin + 4 * 15] = x[xl + 18 * 16];
        z[zlin + 4 * 15 + 1] = x[xr + 18 * 16];
        z[zlin + 4 * 15 + 2] = x[xl];
        z[zlin + 4 * 15 + 3] = x[xr];

        z[zlin + 4 * 31] = x[xl + 1 + 18 * 16];
        z[zlin + 4 * 31 + 1] = x[xr + 1 + 18 * 16];
        z[zlin + 4 * 31 + 2] = x[xl + 1];
        z[zlin + 4 * 31 + 3] = x[xr + 1];

        synthPair(pcm, dstr, nch, z, lins + 4 * 15 + 1);
        synthPair(pcm, dstr + 32 * nch, nch, z, lins + 4 * 15 + 64 + 1);
        synthPair(pcm, dstl, nch, z, lins + 4 * 15);
        synthPair(pcm, dstl + 32 * nch, nch, z, lins + 4 * 15 + 64);

        for (int i = 14; i >= 0; i--) {
            int zi = zlin + 4 * i;
            z[zi] = x[xl + 18 * (31 - i)];
            z[zi + 1] = x[xr + 18 * (31 - i)];
            z[zi + 2] = x[xl + 1 + 18 * (31 - i)];
            z[zi + 3] = x[xr + 1 + 18 * (31 - i)];
            z[zi + 64] = x[xl + 1 + 18 * (1 + i)];
            z[zi + 64 + 1] = x[xr + 1 + 18 * (1 + i)];
            z[zi - 64 + 2] = x[xl + 18 * (1 + i)];
            z[zi - 64 + 3] = x[xr + 18 * (1 + i)];
        }
        // Column 4i + lane of each row belongs to output pair i alone, so all 60 columns are one
        // loop the JIT vectorises; the sums run in minimp3's order (S0 S2 S1 S2 S1 S2 S1 S2).
        float[] wv = SYNTH_WINDOW;
        float[] sa = synthA, sb = synthB;
        for (int m = 0; m < 60; m++) {
            float p = z[zlin + m], q = z[zlin - 15 * 64 + m];
            float b = p * wv[60 + m] + q * wv[m];
            float a = p * wv[m] - q * wv[60 + m];
            p = z[zlin - 64 + m]; q = z[zlin - 14 * 64 + m];
            b += p * wv[3 * 60 + m] + q * wv[2 * 60 + m];
            a += q * wv[3 * 60 + m] - p * wv[2 * 60 + m];
            p = z[zlin - 2 * 64 + m]; q = z[zlin - 13 * 64 + m];
            b += p * wv[5 * 60 + m] + q * wv[4 * 60 + m];
            a += p * wv[4 * 60 + m] - q * wv[5 * 60 + m];
            p = z[zlin - 3 * 64 + m]; q = z[zlin - 12 * 64 + m];
            b += p * wv[7 * 60 + m] + q * wv[6 * 60 + m];
            a += q * wv[7 * 60 + m] - p * wv[6 * 60 + m];
            p = z[zlin - 4 * 64 + m]; q = z[zlin - 11 * 64 + m];
            b += p * wv[9 * 60 + m] + q * wv[8 * 60 + m];
            a += p * wv[8 * 60 + m] - q * wv[9 * 60 + m];
            p = z[zlin - 5 * 64 + m]; q = z[zlin - 10 * 64 + m];
            b += p * wv[11 * 60 + m] + q * wv[10 * 60 + m];
            a += q * wv[11 * 60 + m] - p * wv[10 * 60 + m];
            p = z[zlin - 6 * 64 + m]; q = z[zlin - 9 * 64 + m];
            b += p * wv[13 * 60 + m] + q * wv[12 * 60 + m];
            a += p * wv[12 * 60 + m] - q * wv[13 * 60 + m];
            p = z[zlin - 7 * 64 + m]; q = z[zlin - 8 * 64 + m];
            b += p * wv[15 * 60 + m] + q * wv[14 * 60 + m];
            a += q * wv[15 * 60 + m] - p * wv[14 * 60 + m];
            sa[m] = a;
            sb[m] = b;
        }
        for (int i = 0; i < 15; i++) {
            int m = 4 * i;
            pcm[dstr + (15 - i) * nch] = scalePcm(sa[m + 1]);
            pcm[dstr + (17 + i) * nch] = scalePcm(sb[m + 1]);
            pcm[dstl + (15 - i) * nch] = scalePcm(sa[m]);
            pcm[dstl + (17 + i) * nch] = scalePcm(sb[m]);
            pcm[dstr + (47 - i) * nch] = scalePcm(sa[m + 3]);
            pcm[dstr + (49 + i) * nch] = scalePcm(sb[m + 3]);
            pcm[dstl + (47 - i) * nch] = scalePcm(sa[m + 2]);
            pcm[dstl + (49 + i) * nch] = scalePcm(sb[m + 2]);
        }
    }

    private void synthGranule(int nbands, int nch, short[] pcm, int out) {
        for (int i = 0; i < nch; i++) dctII(576 * i, nbands);
        System.arraycopy(qmfState, 0, syn, 0, 15 * 64);
        for (int i = 0; i < nbands; i += 2) synth(i, pcm, out + 32 * nch * i, nch, i * 64);
        if (nch == 1) {
            for (int i = 0; i < 15 * 64; i += 2) qmfState[i] = syn[nbands * 64 + i];
        } else {
            System.arraycopy(syn, nbands * 64, qmfState, 0, 15 * 64);
        }
    }
}
