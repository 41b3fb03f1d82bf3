package dev.bufferdeck.audio.decode.vorbis;

import java.util.Arrays;

/**
 * One codebook of a Vorbis setup header: its Huffman code, decoded through a 10-bit table for
 * the short codewords and a binary search over all codewords for the rest (as stb_vorbis does),
 * and its vector lookup (types 1 and 2), unpacked at setup into one vector per entry so that
 * decoding only adds.
 */
final class VorbisCodebook {
    private static final int FAST_BITS = 10;
    private static final int FAST_MASK = (1 << FAST_BITS) - 1;
    /**
     * Bounds on what one codebook may make us allocate, far above libvorbis' largest (a few thousand
     * entries of at most 8 dimensions); {@link VorbisSetup} bounds the sum over all books.
     */
    static final int MAX_ENTRIES = 1 << 17;
    static final long MAX_VECTOR_VALUES = 1 << 19;

    final int dimensions;
    final int entries;
    /** Values this book holds in tables, for {@link VorbisSetup}'s bound on the sum. */
    long tableValues() {
        return entries * 5L + (vectors == null ? 0 : vectors.length);
    }

    /** Entry × dimensions values, or null for a scalar-only book (lookup type 0). */
    final float[] vectors;
    /** Indexed by the next 10 bits: entry << 5 | codeword length, or -1 when longer (or unused). */
    private final int[] fast;
    /** Every codeword, most significant bit first and left-aligned, in increasing order; with their lengths and entries. */
    private final int[] sortedCodes;
    private final byte[] sortedLengths;
    private final int[] sortedEntries;

    private VorbisCodebook(int dimensions, int entries, float[] vectors, int[] fast,
                           int[] sortedCodes, byte[] sortedLengths, int[] sortedEntries) {
        this.dimensions = dimensions;
        this.entries = entries;
        this.vectors = vectors;
        this.fast = fast;
        this.sortedCodes = sortedCodes;
        this.sortedLengths = sortedLengths;
        this.sortedEntries = sortedEntries;
    }

    /** The entry whose codeword comes next, or -1 at the end of the packet (or on a codeword no entry has). */
    int decode(VorbisBits b) {
        if (b.bits < FAST_BITS) b.refill();
        int e = fast[(int) b.acc & FAST_MASK];
        if (e >= 0) {
            int len = e & 31;
            if (len > b.bits) {
                b.fail();
                return -1;
            }
            b.acc >>>= len;
            b.bits -= len;
            return e >>> 5;
        }
        return decodeLong(b);
    }

    private int decodeLong(VorbisBits b) {
        b.refill();
        int n = sortedCodes.length;
        if (n == 0) {
            b.fail();
            return -1;
        }
        int code = Integer.reverse((int) b.acc);
        int x = 0;
        while (n > 1) {
            int m = x + (n >> 1);
            if (Integer.compareUnsigned(sortedCodes[m], code) <= 0) {
                x = m;
                n -= n >> 1;
            } else {
                n >>= 1;
            }
        }
        int len = sortedLengths[x];
        if (len > b.bits) {
            b.fail();
            return -1;
        }
        b.acc >>>= len;
        b.bits -= len;
        return sortedEntries[x];
    }

    static VorbisCodebook read(VorbisBits b) throws VorbisFormatException {
        if (b.read(24) != 0x564342) throw VorbisFormatException.corrupt("codebook sync pattern missing");
        int dimensions = b.read(16);
        int entries = b.read(24);
        if (entries > MAX_ENTRIES) throw VorbisFormatException.corrupt("codebook of " + entries + " entries");
        if (dimensions == 0 && entries != 0) throw VorbisFormatException.corrupt("codebook of no dimensions");
        byte[] lengths = new byte[entries];   // 0: unused entry
        if (b.flag()) {   // ordered
            int entry = 0;
            int length = b.read(5) + 1;
            while (entry < entries) {
                int count = b.read(ilog(entries - entry));
                if (length > 32 || entry + count > entries || b.ended) throw VorbisFormatException.corrupt("codeword lengths");
                Arrays.fill(lengths, entry, entry + count, (byte) length);
                entry += count;
                length++;
            }
        } else {
            boolean sparse = b.flag();
            for (int i = 0; i < entries; i++) {
                if (!sparse || b.flag()) lengths[i] = (byte) (b.read(5) + 1);
            }
        }
        if (b.ended) throw VorbisFormatException.corrupt("setup header truncated in a codebook");
        int[] codes = codewords(lengths);

        int used = 0;
        for (byte l : lengths) if (l != 0) used++;
        int[] fast = new int[1 << FAST_BITS];
        Arrays.fill(fast, -1);
        long[] keyed = new long[used];
        for (int i = 0, k = 0; i < entries; i++) {
            int len = lengths[i];
            if (len == 0) continue;
            if (len <= FAST_BITS) {
                for (int z = codes[i]; z < fast.length; z += 1 << len) fast[z] = i << 5 | len;
            }
            keyed[k++] = (Integer.reverse(codes[i]) & 0xFFFFFFFFL) << 20 | i;
        }
        Arrays.sort(keyed);
        int[] sortedCodes = new int[used];
        byte[] sortedLengths = new byte[used];
        int[] sortedEntries = new int[used];
        for (int k = 0; k < used; k++) {
            sortedCodes[k] = (int) (keyed[k] >>> 20);
            sortedEntries[k] = (int) (keyed[k] & 0xFFFFF);
            sortedLengths[k] = lengths[sortedEntries[k]];
        }

        float[] vectors = null;
        int lookupType = b.read(4);
        if (lookupType > 2) throw VorbisFormatException.corrupt("codebook lookup type " + lookupType);
        if (lookupType > 0) {
            float minimum = float32(b.read(32));
            float delta = float32(b.read(32));
            int valueBits = b.read(4) + 1;
            boolean sequence = b.flag();
            long lookupValues = lookupType == 1 ? lookup1Values(entries, dimensions) : (long) entries * dimensions;
            if (lookupValues <= 0 || lookupValues * valueBits > b.remaining() || (long) entries * dimensions > MAX_VECTOR_VALUES) {
                throw VorbisFormatException.corrupt("codebook lookup table");
            }
            int[] multiplicands = new int[(int) lookupValues];
            for (int i = 0; i < multiplicands.length; i++) multiplicands[i] = b.read(valueBits);
            vectors = new float[entries * dimensions];
            for (int e = 0; e < entries; e++) {
                float last = 0;
                long divisor = 1;
                for (int d = 0; d < dimensions; d++) {
                    int offset = lookupType == 1 ? (int) ((e / divisor) % lookupValues) : e * dimensions + d;
                    float v = multiplicands[offset] * delta + minimum + last;
                    vectors[e * dimensions + d] = v;
                    if (sequence) last = v;
                    if (lookupType == 1) divisor = Math.min(divisor * lookupValues, Integer.MAX_VALUE + 1L);
                }
            }
        }
        if (b.ended) throw VorbisFormatException.corrupt("setup header truncated in a codebook");
        return new VorbisCodebook(dimensions, entries, vectors, fast, sortedCodes, sortedLengths, sortedEntries);
    }

    /**
     * The codewords of these lengths (0: unused) as the specification assigns them, each in the
     * order its bits are read (first bit lowest); throws when the lengths overfill the code tree.
     */
    private static int[] codewords(byte[] lengths) throws VorbisFormatException {
        int[] codes = new int[lengths.length];
        long[] available = new long[33];
        int k = 0;
        while (k < lengths.length && lengths[k] == 0) k++;
        if (k == lengths.length) return codes;
        for (int i = 1; i <= lengths[k]; i++) available[i] = 1L << (32 - i);
        for (int i = k + 1; i < lengths.length; i++) {
            int len = lengths[i];
            if (len == 0) continue;
            int z = len;
            while (z > 0 && available[z] == 0) z--;
            if (z == 0) throw VorbisFormatException.corrupt("overspecified Huffman code");
            long res = available[z];
            available[z] = 0;
            codes[i] = Integer.reverse((int) res);
            for (int y = len; y > z; y--) available[y] = res + (1L << (32 - y));
        }
        return codes;
    }

    /** The greatest r with r^dimensions ≤ entries. */
    static long lookup1Values(int entries, int dimensions) {
        long r = (long) Math.floor(Math.pow(entries, 1.0 / dimensions));
        while (r > 0 && power(r, dimensions) > entries) r--;
        while (power(r + 1, dimensions) <= entries) r++;
        return r;
    }

    private static long power(long base, int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= base;
            if (p > Integer.MAX_VALUE) return Long.MAX_VALUE;
        }
        return p;
    }

    /** The specification's float32_unpack. */
    static float float32(int x) {
        int mantissa = x & 0x1fffff;
        int exponent = (x & 0x7fe00000) >>> 21;
        double v = Math.scalb((double) mantissa, exponent - 788);
        return (float) (x < 0 ? -v : v);
    }

    /** The specification's ilog: the position of the highest set bit (0 for 0 and negative numbers). */
    static int ilog(int x) {
        return x <= 0 ? 0 : 32 - Integer.numberOfLeadingZeros(x);
    }
}
