package dev.bufferdeck.format.mp4;

import java.nio.ByteBuffer;

/**
 * The head of an MPEG-4 AudioSpecificConfig (ISO 14496-3 1.6.2.1): which AAC, at what rate, how
 * many channels. Explicit SBR/PS signalling (object type 5 or 29) gives the output rate; implicit
 * signalling is only known once the decoder has seen a frame.
 *
 * @param objectType  2 for AAC-LC, 5 HE-AAC (SBR), 29 HE-AAC v2 (PS), 1 Main, 4 LTP...
 * @param sampleRate  of the core AAC stream
 * @param channels    from the channel configuration (1–6, 8 for 7), 0 when a program config element says
 * @param outputRate  the rate after SBR when explicitly signalled, else {@code sampleRate}
 */
public record AudioSpecificConfig(int objectType, int sampleRate, int channels, int outputRate) {
    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};

    /** Parses the first bytes of {@code config}; null when they are too short or name no rate. */
    public static AudioSpecificConfig parse(ByteBuffer config) {
        Bits bits = new Bits(config);
        int type = objectType(bits);
        int rate = rate(bits);
        int channelConfig = bits.read(4);
        int output = rate;
        int core = type;
        if (type == 5 || type == 29) {
            output = rate(bits);
            core = objectType(bits);
        }
        if (bits.overrun || rate <= 0 || output <= 0) return null;
        int channels = channelConfig == 7 ? 8 : channelConfig;
        if (type == 29 && channels == 1) channels = 2; // parametric stereo makes stereo from mono
        return new AudioSpecificConfig(type == 5 || type == 29 ? type : core, rate, channels, output);
    }

    /** The sampling frequency index 0–12 of an ADTS header or short config, or -1. */
    public static int rateOfIndex(int index) {
        return index >= 0 && index < RATES.length ? RATES[index] : -1;
    }

    public String profileName() {
        return switch (objectType) {
            case 1 -> "AAC Main";
            case 2 -> "AAC-LC";
            case 3 -> "AAC SSR";
            case 4 -> "AAC LTP";
            case 5 -> "HE-AAC";
            case 29 -> "HE-AAC v2";
            case 23 -> "AAC-LD";
            case 39 -> "AAC-ELD";
            default -> "AAC (object type " + objectType + ")";
        };
    }

    private static int objectType(Bits bits) {
        int t = bits.read(5);
        return t == 31 ? 32 + bits.read(6) : t;
    }

    private static int rate(Bits bits) {
        int index = bits.read(4);
        return index == 15 ? bits.read(24) : rateOfIndex(index);
    }

    private static final class Bits {
        private final ByteBuffer b;
        private long pos;
        boolean overrun;

        Bits(ByteBuffer b) {
            this.b = b;
        }

        int read(int n) {
            int v = 0;
            for (int i = 0; i < n; i++, pos++) {
                int at = b.position() + (int) (pos >> 3);
                if (at >= b.limit()) {
                    overrun = true;
                    return 0;
                }
                v = v << 1 | (b.get(at) >> (7 - (pos & 7))) & 1;
            }
            return v;
        }
    }
}
