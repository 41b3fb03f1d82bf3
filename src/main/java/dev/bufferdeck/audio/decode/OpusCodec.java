package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusPacketInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Concentus for one Opus stream (mono or stereo, channel mapping family 0) at 48 kHz, with the
 * OpusHead output gain applied as RFC 7845 §5.1 asks of players. Shared by the file decoder and
 * live Ogg streams.
 */
final class OpusCodec {
    static final int RATE = 48_000;
    static final int MAX_PACKET_SAMPLES = 5760;

    private final Head head;
    private final short[] pcm;
    private OpusDecoder opus;

    /** The fields of an OpusHead packet that decoding needs; {@code outputGain} in Q7.8 dB. */
    record Head(int channels, int preSkip, int inputRate, int outputGain, int mappingFamily) {
        static Head parse(byte[] p, int off, int len) {
            if (len < 19 || !new String(p, off, 8, StandardCharsets.ISO_8859_1).equals("OpusHead")) return null;
            int channels = p[off + 9] & 0xFF;
            int preSkip = (p[off + 10] & 0xFF) | (p[off + 11] & 0xFF) << 8;
            int rate = (p[off + 12] & 0xFF) | (p[off + 13] & 0xFF) << 8 | (p[off + 14] & 0xFF) << 16 | (p[off + 15] & 0xFF) << 24;
            int gain = (short) ((p[off + 16] & 0xFF) | (p[off + 17] & 0xFF) << 8);
            return new Head(channels, preSkip, rate, gain, p[off + 18] & 0xFF);
        }

        static Head parse(Packet packet) {
            return parse(packet.packet_base, packet.packet, packet.bytes);
        }

        /** Why this stream cannot be decoded, or null when it can. */
        String refusal() {
            if (channels < 1) return "the Opus header is corrupt.";
            if (mappingFamily != 0 || channels > 2) {
                return "multichannel Opus (" + channels + " channels) is not supported; mono and stereo are.";
            }
            return null;
        }
    }

    OpusCodec(Head head) {
        this.head = head;
        this.pcm = new short[MAX_PACKET_SAMPLES * head.channels()];
    }

    Head head() { return head; }

    void reset() {
        try {
            opus = new OpusDecoder(RATE, head.channels());
            if (head.outputGain() != 0) opus.setGain(head.outputGain());
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus refused 48 kHz with " + head.channels() + " channels", e);
        }
    }

    static int samples(Packet packet) {
        return OpusPacketInfo.getNumSamples(packet.packet_base, packet.packet, packet.bytes, RATE);
    }

    /** Decodes one packet into {@code queue}; returns the frames it gave. */
    int decode(Packet packet, SampleQueue queue, String name) throws IOException {
        int n;
        try {
            n = opus.decode(packet.packet_base, packet.packet, packet.bytes, pcm, 0, MAX_PACKET_SAMPLES, false);
        } catch (OpusException e) {
            throw new IOException(name + ": an Opus packet is corrupt (" + e.getMessage() + ")", e);
        }
        queue.append(pcm, 0, n);
        return n;
    }
}
