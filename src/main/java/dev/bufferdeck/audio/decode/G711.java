package dev.bufferdeck.audio.decode;

/** The ITU-T G.711 expansions of µ-law and A-law bytes to 16-bit linear samples. */
final class G711 {
    static final short[] MU_LAW = new short[256];
    static final short[] A_LAW = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            MU_LAW[i] = (short) muLaw(i);
            A_LAW[i] = (short) aLaw(i);
        }
    }

    private G711() {}

    private static int muLaw(int code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    private static int aLaw(int code) {
        int a = code ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t += 0x108;
            t <<= segment - 1;
        }
        return (a & 0x80) != 0 ? t : -t;
    }
}
