package dev.bufferdeck.audio.decode.vorbis;

/** A Vorbis identification header: channels, sample rate and the two block sizes. */
public record VorbisIdentification(int channels, int rate, int blocksize0, int blocksize1) {

    /** Reads the packet {@code data[offset, offset + length)}; throws when it is not a valid identification header. */
    public static VorbisIdentification read(byte[] data, int offset, int length) throws VorbisFormatException {
        if (!VorbisSetup.startsWith(data, offset, length, 1)) throw VorbisFormatException.corrupt("not a Vorbis identification header");
        VorbisBits b = new VorbisBits();
        b.reset(data, offset + 7, length - 7);
        int version = b.read(32);
        int channels = b.read(8);
        int rate = b.read(32);
        b.read(32);
        b.read(32);
        b.read(32);
        int blocksize0 = 1 << b.read(4);
        int blocksize1 = 1 << b.read(4);
        boolean framing = b.flag();
        if (b.ended || version != 0 || channels == 0 || rate <= 0 || blocksize0 < 64 || blocksize1 > 8192
                || blocksize0 > blocksize1 || !framing) {
            throw VorbisFormatException.corrupt("invalid Vorbis identification header");
        }
        return new VorbisIdentification(channels, rate, blocksize0, blocksize1);
    }
}
