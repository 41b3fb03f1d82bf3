package dev.bufferdeck.audio.decode.vorbis;

/**
 * Everything a Vorbis stream's identification and setup headers define, with the tables built
 * from them (Huffman tables, codebook vectors, MDCT twiddles, windows). Read-only once built: one
 * instance serves any number of {@link VorbisSynthesis} on any threads, so it can be cached per
 * immutable buffer. Floor type 0 (no encoder has written it since 2000) is not implemented: such a
 * header throws a {@link VorbisFormatException} whose {@code unsupported()} is true.
 */
public final class VorbisSetup {
    /** What all codebooks together may hold (4-byte values): 8 MiB, so that hostile headers cost little memory. */
    private static final long MAX_TABLE_VALUES = 1 << 21;

    final VorbisIdentification id;
    final VorbisCodebook[] codebooks;
    final VorbisFloor1[] floors;
    final VorbisResidue[] residues;
    final VorbisMapping[] mappings;
    final boolean[] modeLong;
    final int[] modeMapping;
    final int modeBits;
    final VorbisImdct[] imdct;
    final int maxFloorValues;
    final int maxResiduePartitions;

    private VorbisSetup(VorbisIdentification id, VorbisCodebook[] codebooks, VorbisFloor1[] floors, VorbisResidue[] residues,
                        VorbisMapping[] mappings, boolean[] modeLong, int[] modeMapping) {
        this.id = id;
        this.codebooks = codebooks;
        this.floors = floors;
        this.residues = residues;
        this.mappings = mappings;
        this.modeLong = modeLong;
        this.modeMapping = modeMapping;
        this.modeBits = VorbisCodebook.ilog(modeLong.length - 1);
        VorbisImdct shortBlock = new VorbisImdct(id.blocksize0());
        imdct = new VorbisImdct[] {shortBlock, id.blocksize1() == id.blocksize0() ? shortBlock : new VorbisImdct(id.blocksize1())};
        int values = 2;
        for (VorbisFloor1 f : floors) values = Math.max(values, f.values());
        maxFloorValues = values;
        int parts = 0;
        for (VorbisResidue r : residues) parts = Math.max(parts, r.scratch(id.blocksize1() / 2, id.channels()));
        maxResiduePartitions = parts;
    }

    public int channels() { return id.channels(); }
    public int rate() { return id.rate(); }

    /** Reads the setup header {@code data[offset, offset + length)} of the stream {@code id} identifies. */
    public static VorbisSetup read(VorbisIdentification id, byte[] data, int offset, int length) throws VorbisFormatException {
        if (!startsWith(data, offset, length, 5)) throw VorbisFormatException.corrupt("not a Vorbis setup header");
        VorbisBits b = new VorbisBits();
        b.reset(data, offset + 7, length - 7);
        VorbisCodebook[] codebooks = new VorbisCodebook[b.read(8) + 1];
        long values = 0;
        for (int i = 0; i < codebooks.length; i++) {
            codebooks[i] = VorbisCodebook.read(b);
            values += codebooks[i].tableValues();
            if (values > MAX_TABLE_VALUES) throw VorbisFormatException.corrupt("codebooks too large");
        }
        int times = b.read(6) + 1;
        for (int i = 0; i < times; i++) {
            if (b.read(16) != 0) throw VorbisFormatException.corrupt("time domain transform");
        }
        VorbisFloor1[] floors = new VorbisFloor1[b.read(6) + 1];
        for (int i = 0; i < floors.length; i++) {
            int type = b.read(16);
            if (type == 0) throw new VorbisFormatException("floor type 0", true);
            if (type != 1) throw VorbisFormatException.corrupt("floor type " + type);
            floors[i] = VorbisFloor1.read(b, codebooks.length);
        }
        VorbisResidue[] residues = new VorbisResidue[b.read(6) + 1];
        for (int i = 0; i < residues.length; i++) {
            int type = b.read(16);
            if (type > 2) throw VorbisFormatException.corrupt("residue type " + type);
            residues[i] = VorbisResidue.read(b, type, codebooks);
        }
        VorbisMapping[] mappings = new VorbisMapping[b.read(6) + 1];
        for (int i = 0; i < mappings.length; i++) mappings[i] = VorbisMapping.read(b, id.channels(), floors.length, residues.length);
        int modes = b.read(6) + 1;
        boolean[] modeLong = new boolean[modes];
        int[] modeMapping = new int[modes];
        for (int i = 0; i < modes; i++) {
            modeLong[i] = b.flag();
            int window = b.read(16), transform = b.read(16);
            modeMapping[i] = b.read(8);
            if (window != 0 || transform != 0 || modeMapping[i] >= mappings.length) throw VorbisFormatException.corrupt("mode");
        }
        if (!b.flag() || b.ended) throw VorbisFormatException.corrupt("setup header framing bit");
        return new VorbisSetup(id, codebooks, floors, residues, mappings, modeLong, modeMapping);
    }

    /**
     * The block size of the audio packet {@code data[offset, offset + length)} from its mode bits,
     * or -1 when it is not an audio packet of this stream.
     */
    public int blocksize(byte[] data, int offset, int length) {
        if (length <= 0 || (data[offset] & 1) != 0) return -1;
        int mode = (data[offset] & 0xFF) >>> 1 & ((1 << modeBits) - 1);
        if (mode >= modeLong.length) return -1;
        return modeLong[mode] ? id.blocksize1() : id.blocksize0();
    }

    static boolean startsWith(byte[] data, int offset, int length, int type) {
        return length >= 7 && data[offset] == type && data[offset + 1] == 'v' && data[offset + 2] == 'o'
                && data[offset + 3] == 'r' && data[offset + 4] == 'b' && data[offset + 5] == 'i' && data[offset + 6] == 's';
    }
}
