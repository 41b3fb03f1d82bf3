package dev.bufferdeck.audio.decode;

/**
 * Turns stored samples into signed little-endian 16-bit (or 24-bit) output. 8-bit and G.711 become
 * 16-bit; 24-bit is copied; 32-bit integers keep their top 24 bits; floats are scaled by 2^23,
 * rounded and clipped.
 */
final class PcmSampleConverter {
    private final SampleEncoding encoding;
    private final int inBytes;
    private final int outBytes;

    PcmSampleConverter(PcmLayout layout) {
        this.encoding = layout.encoding();
        this.inBytes = layout.bytesPerSample();
        this.outBytes = layout.outputBits() / 8;
    }

    int outBytesPerSample() { return outBytes; }

    /** Converts {@code samples} samples from {@code in} (read from its position) into {@code out} at {@code outOff}. */
    void convert(byte[] in, int inOff, int samples, byte[] out, int outOff) {
        int o = outOff;
        int i = inOff;
        for (int s = 0; s < samples; s++, i += inBytes) {
            int value = sample(in, i);
            out[o++] = (byte) value;
            out[o++] = (byte) (value >> 8);
            if (outBytes == 3) out[o++] = (byte) (value >> 16);
        }
    }

    /** One sample at the output width (16 or 24 bits), as an int. */
    private int sample(byte[] in, int i) {
        switch (encoding) {
            case MU_LAW: return G711.MU_LAW[in[i] & 0xFF];
            case A_LAW: return G711.A_LAW[in[i] & 0xFF];
            case UNSIGNED: return ((in[i] & 0xFF) - 128) << 8;
            case SIGNED_LE: return fromSigned(littleEndian(in, i));
            case SIGNED_BE: return fromSigned(bigEndian(in, i));
            case FLOAT_LE: return fromFloat(in, i, false);
            case FLOAT_BE: return fromFloat(in, i, true);
            default: throw new IllegalStateException(encoding.name());
        }
    }

    /** {@code raw} is sign-extended from {@code inBytes} bytes. */
    private int fromSigned(int raw) {
        return switch (inBytes) {
            case 1 -> raw << 8;
            case 2, 3 -> raw;
            default -> raw >> 8;
        };
    }

    private int littleEndian(byte[] in, int i) {
        int v = 0;
        for (int b = inBytes - 1; b >= 0; b--) v = (v << 8) | (in[i + b] & 0xFF);
        return signExtend(v);
    }

    private int bigEndian(byte[] in, int i) {
        int v = 0;
        for (int b = 0; b < inBytes; b++) v = (v << 8) | (in[i + b] & 0xFF);
        return signExtend(v);
    }

    private int signExtend(int v) {
        int shift = 32 - 8 * inBytes;
        return (v << shift) >> shift;
    }

    private int fromFloat(byte[] in, int i, boolean bigEndian) {
        long bits = 0;
        for (int b = 0; b < inBytes; b++) {
            int index = bigEndian ? i + b : i + inBytes - 1 - b;
            bits = (bits << 8) | (in[index] & 0xFF);
        }
        double x = inBytes == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
        if (Double.isNaN(x)) return 0;
        long scaled = Math.round(x * 8_388_608.0);
        return (int) Math.max(-8_388_608L, Math.min(8_388_607L, scaled));
    }
}
