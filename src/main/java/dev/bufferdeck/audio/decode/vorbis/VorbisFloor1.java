package dev.bufferdeck.audio.decode.vorbis;

import java.util.Arrays;

/**
 * A floor of type 1 (the only floor libvorbis has written since 2000): its configuration from the
 * setup header, the decode of one channel's amplitude points, and the piecewise-linear curve drawn
 * through them and multiplied into the residue, integer step for integer step as the specification
 * draws it.
 */
final class VorbisFloor1 {
    private static final int[] RANGES = {256, 128, 86, 64};

    private final int[] partitionClasses;
    private final int[] classDimensions;
    private final int[] classSubclasses;
    private final int[] classMasterbooks;
    private final int[][] subclassBooks;
    private final int multiplier;
    private final int[] xList;
    /** Point indexes in increasing x order. */
    private final int[] sortedOrder;
    private final int[] low;
    private final int[] high;
    private final int range;
    private final int yBits;

    private VorbisFloor1(int[] partitionClasses, int[] classDimensions, int[] classSubclasses, int[] classMasterbooks,
                         int[][] subclassBooks, int multiplier, int[] xList) {
        this.partitionClasses = partitionClasses;
        this.classDimensions = classDimensions;
        this.classSubclasses = classSubclasses;
        this.classMasterbooks = classMasterbooks;
        this.subclassBooks = subclassBooks;
        this.multiplier = multiplier;
        this.xList = xList;
        this.range = RANGES[multiplier - 1];
        this.yBits = VorbisCodebook.ilog(range - 1);
        int values = xList.length;
        Integer[] order = new Integer[values];
        for (int i = 0; i < values; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(xList[a], xList[b]));
        sortedOrder = new int[values];
        for (int i = 0; i < values; i++) sortedOrder[i] = order[i];
        low = new int[values];
        high = new int[values];
        for (int j = 2; j < values; j++) {
            int lowX = -1, highX = Integer.MAX_VALUE;
            for (int i = 0; i < j; i++) {
                if (xList[i] > lowX && xList[i] < xList[j]) {
                    low[j] = i;
                    lowX = xList[i];
                }
                if (xList[i] < highX && xList[i] > xList[j]) {
                    high[j] = i;
                    highX = xList[i];
                }
            }
        }
    }

    /** Points this floor decodes per channel. */
    int values() { return xList.length; }

    static VorbisFloor1 read(VorbisBits b, int codebooks) throws VorbisFormatException {
        int partitions = b.read(5);
        int[] partitionClasses = new int[partitions];
        int maxClass = -1;
        for (int i = 0; i < partitions; i++) {
            partitionClasses[i] = b.read(4);
            maxClass = Math.max(maxClass, partitionClasses[i]);
        }
        int[] dimensions = new int[maxClass + 1];
        int[] subclasses = new int[maxClass + 1];
        int[] masterbooks = new int[maxClass + 1];
        int[][] subclassBooks = new int[maxClass + 1][];
        for (int c = 0; c <= maxClass; c++) {
            dimensions[c] = b.read(3) + 1;
            subclasses[c] = b.read(2);
            if (subclasses[c] != 0) {
                masterbooks[c] = b.read(8);
                if (masterbooks[c] >= codebooks) throw VorbisFormatException.corrupt("floor 1 master book");
            }
            subclassBooks[c] = new int[1 << subclasses[c]];
            for (int k = 0; k < subclassBooks[c].length; k++) {
                subclassBooks[c][k] = b.read(8) - 1;
                if (subclassBooks[c][k] >= codebooks) throw VorbisFormatException.corrupt("floor 1 subclass book");
            }
        }
        int multiplier = b.read(2) + 1;
        int rangeBits = b.read(4);
        int values = 2;
        for (int p : partitionClasses) values += dimensions[p];
        if (values > 65) throw VorbisFormatException.corrupt("floor 1 of " + values + " points");
        int[] xList = new int[values];
        xList[1] = 1 << rangeBits;
        for (int i = 0, v = 2; i < partitions; i++) {
            for (int k = 0; k < dimensions[partitionClasses[i]]; k++) xList[v++] = b.read(rangeBits);
        }
        int[] sorted = xList.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) throw VorbisFormatException.corrupt("floor 1 repeats an x");
        }
        if (b.ended) throw VorbisFormatException.corrupt("setup header truncated in a floor");
        return new VorbisFloor1(partitionClasses, dimensions, subclasses, masterbooks, subclassBooks, multiplier, xList);
    }

    /**
     * Decodes one channel's points into {@code y} (-1 where a point draws no line), with
     * {@code step2} as scratch (both at least {@link #values} long); false when the
     * channel is unused in this packet (its floor flag is 0, or the packet ends inside the floor).
     */
    boolean decode(VorbisBits b, VorbisCodebook[] books, int[] y, boolean[] step2) {
        if (!b.flag()) return false;
        y[0] = b.read(yBits);
        y[1] = b.read(yBits);
        int offset = 2;
        for (int p : partitionClasses) {
            int dims = classDimensions[p];
            int bits = classSubclasses[p];
            int mask = (1 << bits) - 1;
            int cval = 0;
            if (bits != 0) cval = books[classMasterbooks[p]].decode(b);
            for (int k = 0; k < dims; k++) {
                int book = subclassBooks[p][cval & mask];
                cval >>= bits;
                y[offset++] = book >= 0 ? books[book].decode(b) : 0;
            }
        }
        if (b.ended) return false;
        int values = xList.length;
        step2[0] = step2[1] = true;
        for (int j = 2; j < values; j++) {
            int lo = low[j], hi = high[j];
            int predicted = predict(xList[j], xList[lo], xList[hi], y[lo], y[hi]);
            int val = y[j];
            int highRoom = range - predicted;
            int lowRoom = predicted;
            int room = (highRoom < lowRoom ? highRoom : lowRoom) * 2;
            if (val != 0) {
                step2[lo] = step2[hi] = step2[j] = true;
                if (val >= room) {
                    y[j] = highRoom > lowRoom ? val - lowRoom + predicted : predicted - val + highRoom - 1;
                } else {
                    y[j] = (val & 1) != 0 ? predicted - ((val + 1) >> 1) : predicted + (val >> 1);
                }
            } else {
                step2[j] = false;
                y[j] = predicted;
            }
        }
        for (int j = 0; j < values; j++) if (!step2[j]) y[j] = -1;
        return true;
    }

    private static int predict(int x, int x0, int x1, int y0, int y1) {
        int dy = y1 - y0;
        int off = Math.abs(dy) * (x - x0) / (x1 - x0);
        return dy < 0 ? y0 - off : y0 + off;
    }

    /** Multiplies {@code target[0, n2)} by the curve through the points {@link #decode} gave. */
    void apply(int[] y, float[] target, int n2) {
        int lx = 0;
        int ly = y[0] * multiplier;
        for (int q = 1; q < sortedOrder.length; q++) {
            int j = sortedOrder[q];
            if (y[j] >= 0) {
                int hy = y[j] * multiplier;
                int hx = xList[j];
                if (lx != hx) line(target, lx, ly, hx, hy, n2);
                lx = hx;
                ly = hy;
            }
        }
        if (lx < n2) {
            float v = INVERSE_DB[ly & 255];
            for (int j = lx; j < n2; j++) target[j] *= v;
        }
    }

    /**
     * Multiplies {@code out[x0, min(x1, n))} by the specification's line from (x0, y0) to (x1, y1).
     * Its integer steps put y at x0 + k at y0 ± ⌊k·|dy| / adx⌋; for the y a floor of the specification
     * holds (below 256) that quotient is a multiplication and a shift, each x independent of the one
     * before, where the specification's stepping makes each wait on the previous one.
     */
    static void line(float[] out, int x0, int y0, int x1, int y1, int n) {
        int dy = y1 - y0;
        int adx = x1 - x0;
        int ady = Math.abs(dy);
        if (ady >= QUOTIENT_LIMIT) {
            lineStepped(out, x0, y0, x1, y1, n);
            return;
        }
        int end = Math.min(x1, n);
        // ⌊v / adx⌋ = v·m >> shift for every v < 2^23, with m = ⌊2^shift / adx⌋ + 1 and shift = 23 + ⌈log2 adx⌉ (Granlund and Montgomery)
        int shift = 23 + 32 - Integer.numberOfLeadingZeros(adx - 1);
        long m = (1L << shift) / adx + 1;
        int sign = dy >> 31;   // -1 falling, 0 level or rising
        long v = 0;   // k·|dy|, below 2^23: k < adx < 2^15, |dy| < 2^8
        for (int x = x0; x < end; x++, v += ady) {
            int step = (int) ((v * m) >>> shift);
            out[x] *= INVERSE_DB[(y0 + ((step ^ sign) - sign)) & 255];
        }
    }

    /** |dy| below this keeps k·|dy| below 2^23, where {@link #line}'s quotient is exact. */
    static final int QUOTIENT_LIMIT = 256;

    /** {@link #line} as the specification steps it: for the y no conforming floor holds. */
    static void lineStepped(float[] out, int x0, int y0, int x1, int y1, int n) {
        int dy = y1 - y0;
        int adx = x1 - x0;
        int ady = Math.abs(dy);
        int base = dy / adx;
        int sy = dy < 0 ? base - 1 : base + 1;
        ady -= Math.abs(base) * adx;
        if (x1 > n) x1 = n;
        int x = x0, yv = y0, err = 0;
        if (x < x1) {
            out[x] *= INVERSE_DB[yv & 255];
            for (++x; x < x1; ++x) {
                err += ady;
                if (err >= adx) {
                    err -= adx;
                    yv += sy;
                } else {
                    yv += base;
                }
                out[x] *= INVERSE_DB[yv & 255];
            }
        }
    }

    /** The specification's floor1_inverse_dB_table. */
    static final float[] INVERSE_DB = {
        1.0649863e-07f, 1.1341951e-07f, 1.2079015e-07f, 1.2863978e-07f,
        1.3699951e-07f, 1.4590251e-07f, 1.5538408e-07f, 1.6548181e-07f,
        1.7623575e-07f, 1.8768855e-07f, 1.9988561e-07f, 2.1287530e-07f,
        2.2670913e-07f, 2.4144197e-07f, 2.5713223e-07f, 2.7384213e-07f,
        2.9163793e-07f, 3.1059021e-07f, 3.3077411e-07f, 3.5226968e-07f,
        3.7516214e-07f, 3.9954229e-07f, 4.2550680e-07f, 4.5315863e-07f,
        4.8260743e-07f, 5.1396998e-07f, 5.4737065e-07f, 5.8294187e-07f,
        6.2082472e-07f, 6.6116941e-07f, 7.0413592e-07f, 7.4989464e-07f,
        7.9862701e-07f, 8.5052630e-07f, 9.0579828e-07f, 9.6466216e-07f,
        1.0273513e-06f, 1.0941144e-06f, 1.1652161e-06f, 1.2409384e-06f,
        1.3215816e-06f, 1.4074654e-06f, 1.4989305e-06f, 1.5963394e-06f,
        1.7000785e-06f, 1.8105592e-06f, 1.9282195e-06f, 2.0535261e-06f,
        2.1869758e-06f, 2.3290978e-06f, 2.4804557e-06f, 2.6416497e-06f,
        2.8133190e-06f, 2.9961443e-06f, 3.1908506e-06f, 3.3982101e-06f,
        3.6190449e-06f, 3.8542308e-06f, 4.1047004e-06f, 4.3714470e-06f,
        4.6555282e-06f, 4.9580707e-06f, 5.2802740e-06f, 5.6234160e-06f,
        5.9888572e-06f, 6.3780469e-06f, 6.7925283e-06f, 7.2339451e-06f,
        7.7040476e-06f, 8.2047000e-06f, 8.7378876e-06f, 9.3057248e-06f,
        9.9104632e-06f, 1.0554501e-05f, 1.1240392e-05f, 1.1970856e-05f,
        1.2748789e-05f, 1.3577278e-05f, 1.4459606e-05f, 1.5399272e-05f,
        1.6400004e-05f, 1.7465768e-05f, 1.8600792e-05f, 1.9809576e-05f,
        2.1096914e-05f, 2.2467911e-05f, 2.3928002e-05f, 2.5482978e-05f,
        2.7139006e-05f, 2.8902651e-05f, 3.0780908e-05f, 3.2781225e-05f,
        3.4911534e-05f, 3.7180282e-05f, 3.9596466e-05f, 4.2169667e-05f,
        4.4910090e-05f, 4.7828601e-05f, 5.0936773e-05f, 5.4246931e-05f,
        5.7772202e-05f, 6.1526565e-05f, 6.5524908e-05f, 6.9783085e-05f,
        7.4317983e-05f, 7.9147585e-05f, 8.4291040e-05f, 8.9768747e-05f,
        9.5602426e-05f, 0.00010181521f, 0.00010843174f, 0.00011547824f,
        0.00012298267f, 0.00013097477f, 0.00013948625f, 0.00014855085f,
        0.00015820453f, 0.00016848555f, 0.00017943469f, 0.00019109536f,
        0.00020351382f, 0.00021673929f, 0.00023082423f, 0.00024582449f,
        0.00026179955f, 0.00027881276f, 0.00029693158f, 0.00031622787f,
        0.00033677814f, 0.00035866388f, 0.00038197188f, 0.00040679456f,
        0.00043323036f, 0.00046138411f, 0.00049136745f, 0.00052329927f,
        0.00055730621f, 0.00059352311f, 0.00063209358f, 0.00067317058f,
        0.00071691700f, 0.00076350630f, 0.00081312324f, 0.00086596457f,
        0.00092223983f, 0.00098217216f, 0.0010459992f,  0.0011139742f,
        0.0011863665f,  0.0012634633f,  0.0013455702f,  0.0014330129f,
        0.0015261382f,  0.0016253153f,  0.0017309374f,  0.0018434235f,
        0.0019632195f,  0.0020908006f,  0.0022266726f,  0.0023713743f,
        0.0025254795f,  0.0026895994f,  0.0028643847f,  0.0030505286f,
        0.0032487691f,  0.0034598925f,  0.0036847358f,  0.0039241906f,
        0.0041792066f,  0.0044507950f,  0.0047400328f,  0.0050480668f,
        0.0053761186f,  0.0057254891f,  0.0060975636f,  0.0064938176f,
        0.0069158225f,  0.0073652516f,  0.0078438871f,  0.0083536271f,
        0.0088964928f,  0.009474637f,   0.010090352f,   0.010746080f,
        0.011444421f,   0.012188144f,   0.012980198f,   0.013823725f,
        0.014722068f,   0.015678791f,   0.016697687f,   0.017782797f,
        0.018938423f,   0.020169149f,   0.021479854f,   0.022875735f,
        0.024362330f,   0.025945531f,   0.027631618f,   0.029427276f,
        0.031339626f,   0.033376252f,   0.035545228f,   0.037855157f,
        0.040315199f,   0.042935108f,   0.045725273f,   0.048696758f,
        0.051861348f,   0.055231591f,   0.058820850f,   0.062643361f,
        0.066714279f,   0.071049749f,   0.075666962f,   0.080584227f,
        0.085821044f,   0.091398179f,   0.097337747f,   0.10366330f,
        0.11039993f,    0.11757434f,    0.12521498f,    0.13335215f,
        0.14201813f,    0.15124727f,    0.16107617f,    0.17154380f,
        0.18269168f,    0.19456402f,    0.20720788f,    0.22067342f,
        0.23501402f,    0.25028656f,    0.26655159f,    0.28387361f,
        0.30232132f,    0.32196786f,    0.34289114f,    0.36517414f,
        0.38890521f,    0.41417847f,    0.44109412f,    0.46975890f,
        0.50028648f,    0.53279791f,    0.56742212f,    0.60429640f,
        0.64356699f,    0.68538959f,    0.72993007f,    0.77736504f,
        0.82788260f,    0.88168307f,    0.9389798f,     1.0f
    };
}
