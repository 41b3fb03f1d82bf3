package dev.bufferdeck.audio.decode.vorbis;

/**
 * A mapping (type 0) of a setup header: channel coupling steps, and which submap, so which floor
 * and residue, each channel uses.
 */
record VorbisMapping(int[] magnitude, int[] angle, int[] mux, int[] submapFloor, int[] submapResidue) {

    static VorbisMapping read(VorbisBits b, int channels, int floors, int residues) throws VorbisFormatException {
        if (b.read(16) != 0) throw VorbisFormatException.corrupt("mapping type");
        int submaps = b.flag() ? b.read(4) + 1 : 1;
        int steps = b.flag() ? b.read(8) + 1 : 0;
        int bits = VorbisCodebook.ilog(channels - 1);
        int[] magnitude = new int[steps], angle = new int[steps];
        for (int i = 0; i < steps; i++) {
            magnitude[i] = b.read(bits);
            angle[i] = b.read(bits);
            if (magnitude[i] >= channels || angle[i] >= channels || magnitude[i] == angle[i]) {
                throw VorbisFormatException.corrupt("mapping coupling");
            }
        }
        if (b.read(2) != 0) throw VorbisFormatException.corrupt("mapping reserved bits");
        int[] mux = new int[channels];
        if (submaps > 1) {
            for (int c = 0; c < channels; c++) {
                mux[c] = b.read(4);
                if (mux[c] >= submaps) throw VorbisFormatException.corrupt("mapping mux");
            }
        }
        int[] floor = new int[submaps], residue = new int[submaps];
        for (int s = 0; s < submaps; s++) {
            b.read(8);
            floor[s] = b.read(8);
            residue[s] = b.read(8);
            if (floor[s] >= floors || residue[s] >= residues) throw VorbisFormatException.corrupt("mapping submap");
        }
        if (b.ended) throw VorbisFormatException.corrupt("setup header truncated in a mapping");
        return new VorbisMapping(magnitude, angle, mux, floor, residue);
    }
}
