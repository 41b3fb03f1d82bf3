package dev.bufferdeck.audio.decode.vorbis;

/**
 * A residue of type 0, 1 or 2: its configuration from the setup header and the decode of one
 * submap's channels, each codebook vector added where the type puts it (type 0 interleaved
 * within a partition, type 1 in order, type 2 interleaved across the channels).
 */
final class VorbisResidue {
    /** Partitions one class book entry classifies: libvorbis' books give 1–8; more is hostile. */
    private static final int MAX_CLASSWORDS = 1024;

    private final int type;
    private final int begin;
    private final int end;
    private final int partitionSize;
    private final int classifications;
    private final int classbook;
    /** [classification][pass]: the codebook, or -1. */
    private final int[][] books;
    private final int classwords;

    private VorbisResidue(int type, int begin, int end, int partitionSize, int classifications, int classbook,
                          int[][] books, VorbisCodebook[] codebooks) {
        this.type = type;
        this.begin = begin;
        this.end = end;
        this.partitionSize = partitionSize;
        this.classifications = classifications;
        this.classbook = classbook;
        this.books = books;
        classwords = codebooks[classbook].dimensions;
    }

    /** The classifications class book entry {@code q} gives, first partition first, into {@code classes[at..]}. */
    private void classify(int q, int[] classes, int at) {
        for (int k = classwords - 1; k >= 0; k--) {
            classes[at + k] = q % classifications;
            q /= classifications;
        }
    }

    static VorbisResidue read(VorbisBits b, int type, VorbisCodebook[] codebooks) throws VorbisFormatException {
        int begin = b.read(24);
        int end = b.read(24);
        int partitionSize = b.read(24) + 1;
        int classifications = b.read(6) + 1;
        int classbook = b.read(8);
        if (end < begin || classbook >= codebooks.length) throw VorbisFormatException.corrupt("residue header");
        int[] cascade = new int[classifications];
        for (int i = 0; i < classifications; i++) {
            int lowBits = b.read(3);
            int highBits = b.flag() ? b.read(5) : 0;
            cascade[i] = highBits << 3 | lowBits;
        }
        int[][] books = new int[classifications][8];
        for (int i = 0; i < classifications; i++) {
            for (int k = 0; k < 8; k++) {
                if ((cascade[i] & (1 << k)) != 0) {
                    books[i][k] = b.read(8);
                    if (books[i][k] >= codebooks.length || codebooks[books[i][k]].vectors == null) {
                        throw VorbisFormatException.corrupt("residue book");
                    }
                } else {
                    books[i][k] = -1;
                }
            }
        }
        if (b.ended) throw VorbisFormatException.corrupt("setup header truncated in a residue");
        int classwords = codebooks[classbook].dimensions;
        if (classwords == 0 || classwords > MAX_CLASSWORDS) throw VorbisFormatException.corrupt("residue class book of " + classwords + " dimensions");
        return new VorbisResidue(type, begin, end, partitionSize, classifications, classbook, books, codebooks);
    }

    /** The scratch {@link #decode} needs for {@code channels} channels of {@code n2} values: classifications it keeps. */
    int scratch(int n2, int channels) {
        if (type == 2 && channels > 1) return partitionsIn(n2 * channels) + classwords;
        return channels * (partitionsIn(n2) + classwords);
    }

    private int partitionsIn(int size) {
        int from = Math.min(begin, size), to = Math.min(end, size);
        return Math.max(0, (to - from) / partitionSize);
    }

    /**
     * Adds this residue's vectors for {@code ch} channels into {@code out[0..ch)} (each {@code n2}
     * values, zeroed by the caller); channels with {@code skip} set get nothing (types 0 and 1).
     * {@code classes} is scratch of {@link #scratch} ints.
     */
    void decode(VorbisBits b, VorbisCodebook[] codebooks, float[][] out, boolean[] skip, int ch, int n2, int[] classes) {
        if (type == 2) {
            boolean any = false;
            for (int j = 0; j < ch; j++) any |= !skip[j];
            if (!any) return;
            if (ch == 1) {
                decodeSeparate(b, codebooks, out, skip, 1, n2, classes, 1);
            } else {
                decodeInterleaved(b, codebooks, out, ch, n2, classes);
            }
            return;
        }
        decodeSeparate(b, codebooks, out, skip, ch, n2, classes, type);
    }

    private void decodeSeparate(VorbisBits b, VorbisCodebook[] codebooks, float[][] out, boolean[] skip, int ch, int n2,
                                int[] classes, int kind) {
        int from = Math.min(begin, n2), to = Math.min(end, n2);
        int partsToRead = (to - from) / partitionSize;
        if (partsToRead <= 0) return;
        int stride = partsToRead + classwords;
        VorbisCodebook cb = codebooks[classbook];
        for (int pass = 0; pass < 8; pass++) {
            int partition = 0;
            while (partition < partsToRead) {
                if (pass == 0) {
                    for (int j = 0; j < ch; j++) {
                        if (skip[j]) continue;
                        int q = cb.decode(b);
                        if (q < 0) return;
                        classify(q, classes, j * stride + partition);
                    }
                }
                for (int i = 0; i < classwords && partition < partsToRead; i++, partition++) {
                    for (int j = 0; j < ch; j++) {
                        if (skip[j]) continue;
                        int book = books[classes[j * stride + partition]][pass];
                        if (book < 0) continue;
                        int offset = begin + partition * partitionSize;
                        boolean ok = kind == 0
                                ? addInterleavedWithin(b, codebooks[book], out[j], offset)
                                : addInOrder(b, codebooks[book], out[j], offset);
                        if (!ok) return;
                    }
                }
            }
        }
    }

    /** Type 0: a partition's vectors interleaved with each other. */
    private boolean addInterleavedWithin(VorbisBits b, VorbisCodebook book, float[] target, int offset) {
        int dims = book.dimensions;
        int step = partitionSize / dims;
        float[] v = book.vectors;
        for (int k = 0; k < step; k++) {
            int e = book.decode(b);
            if (e < 0) return false;
            int base = e * dims;
            for (int i = 0; i < dims; i++) target[offset + k + i * step] += v[base + i];
        }
        return true;
    }

    /** Type 1: a partition's vectors one after the other. */
    private boolean addInOrder(VorbisBits b, VorbisCodebook book, float[] target, int offset) {
        int dims = book.dimensions;
        float[] v = book.vectors;
        for (int k = 0; k < partitionSize; k += dims) {
            int e = book.decode(b);
            if (e < 0) return false;
            int base = e * dims;
            int n = Math.min(dims, partitionSize - k);
            for (int i = 0; i < n; i++) target[offset + k + i] += v[base + i];
        }
        return true;
    }

    /** Type 2 over several channels: one vector of ch × n2 values, channel after channel for each index. */
    private void decodeInterleaved(VorbisBits b, VorbisCodebook[] codebooks, float[][] out, int ch, int n2, int[] classes) {
        int size = n2 * ch;
        int from = Math.min(begin, size), to = Math.min(end, size);
        int partsToRead = (to - from) / partitionSize;
        if (partsToRead <= 0) return;
        VorbisCodebook cb = codebooks[classbook];
        float[] left = out[0], right = ch == 2 ? out[1] : null;
        for (int pass = 0; pass < 8; pass++) {
            int partition = 0;
            while (partition < partsToRead) {
                if (pass == 0) {
                    int q = cb.decode(b);
                    if (q < 0) return;
                    classify(q, classes, partition);
                }
                for (int i = 0; i < classwords && partition < partsToRead; i++, partition++) {
                    int book = books[classes[partition]][pass];
                    if (book < 0) continue;
                    VorbisCodebook cbk = codebooks[book];
                    int z = begin + partition * partitionSize;
                    boolean ok = right != null
                            ? addStereo(b, cbk, left, right, z, size)
                            : addChannels(b, cbk, out, ch, z, size);
                    if (!ok) return;
                }
            }
        }
    }

    private boolean addStereo(VorbisBits b, VorbisCodebook book, float[] left, float[] right, int z, int size) {
        int dims = book.dimensions;
        float[] v = book.vectors;
        int stop = Math.min(z + partitionSize, size);
        while (z < stop) {
            int e = book.decode(b);
            if (e < 0) return false;
            int base = e * dims;
            int n = Math.min(dims, stop - z);
            for (int i = 0; i < n; i++, z++) {
                if ((z & 1) == 0) left[z >> 1] += v[base + i];
                else right[z >> 1] += v[base + i];
            }
        }
        return true;
    }

    private boolean addChannels(VorbisBits b, VorbisCodebook book, float[][] out, int ch, int z, int size) {
        int dims = book.dimensions;
        float[] v = book.vectors;
        int stop = Math.min(z + partitionSize, size);
        int c = z % ch, p = z / ch;
        while (z < stop) {
            int e = book.decode(b);
            if (e < 0) return false;
            int base = e * dims;
            int n = Math.min(dims, stop - z);
            for (int i = 0; i < n; i++, z++) {
                out[c][p] += v[base + i];
                if (++c == ch) {
                    c = 0;
                    p++;
                }
            }
        }
        return true;
    }
}
