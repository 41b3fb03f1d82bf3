package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.format.index.OggPageIndex;
import dev.bufferdeck.repository.MediaBuffer;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

import java.io.IOException;

/**
 * Ogg Opus (mono or stereo, channel mapping family 0) through Concentus, at 48 kHz. The pre-skip
 * is trimmed (positions are granule − pre-skip) and the header's output gain applied. A seek
 * restarts Concentus 200 ms before the target (RFC 7845 asks for at least 80 ms; SILK at
 * low bitrates needs longer to converge within 30 dB of a continuous decode), plus one largest
 * packet (120 ms) in case the restart page begins with the tail of a packet that is dropped.
 */
final class OpusOggDecoder extends OggAudioDecoder {
    private static final int RATE = 48_000;
    private static final int SETTLE = 9600;
    private static final int RESTART_REACH = SETTLE + 5760;
    private static final int MAX_PACKET_SAMPLES = 5760;

    private final int channels;
    private final int outputGain;
    private final short[] pcm;
    private OpusDecoder opus;

    private OpusOggDecoder(MediaBuffer buffer, OggPageIndex index, CountingInputStream.ByteCounter counter,
                           OpusHead head, int firstAudioPage, String title) throws IOException {
        super(buffer, index, counter, firstAudioPage, RATE, head.channels(), head.preSkip(), RESTART_REACH, title);
        this.channels = head.channels();
        this.outputGain = head.outputGain();
        this.pcm = new short[MAX_PACKET_SAMPLES * channels];
        seekToFrame(0);
    }

    /** The fields of an OpusHead packet that decoding needs. */
    record OpusHead(int channels, int preSkip, int inputRate, int outputGain, int mappingFamily) {
        static OpusHead parse(byte[] p, int off, int len) {
            if (len < 19 || !new String(p, off, 8, java.nio.charset.StandardCharsets.ISO_8859_1).equals("OpusHead")) return null;
            int channels = p[off + 9] & 0xFF;
            int preSkip = (p[off + 10] & 0xFF) | (p[off + 11] & 0xFF) << 8;
            int rate = (p[off + 12] & 0xFF) | (p[off + 13] & 0xFF) << 8 | (p[off + 14] & 0xFF) << 16 | (p[off + 15] & 0xFF) << 24;
            int gain = (short) ((p[off + 16] & 0xFF) | (p[off + 17] & 0xFF) << 8);
            return new OpusHead(channels, preSkip, rate, gain, p[off + 18] & 0xFF);
        }
    }

    static OpusOggDecoder open(MediaBuffer buffer, OggPageIndex index) throws UnsupportedMediaException, IOException {
        CountingInputStream.ByteCounter counter = new CountingInputStream.ByteCounter();
        OggPacketReader headers = new OggPacketReader(buffer, index, 0, counter);
        Packet packet = new Packet();
        if (!headers.next(packet)) throw new UnsupportedMediaException(buffer.name() + ": the Opus header is truncated.");
        OpusHead head = OpusHead.parse(packet.packet_base, packet.packet, packet.bytes);
        if (head == null || head.channels() < 1) throw new UnsupportedMediaException(buffer.name() + ": the Opus header is corrupt.");
        if (head.mappingFamily() != 0 || head.channels() > 2) {
            throw new UnsupportedMediaException(buffer.name() + ": multichannel Opus (" + head.channels()
                    + " channels) is not supported; mono and stereo are.");
        }
        if (!headers.next(packet)) throw new UnsupportedMediaException(buffer.name() + ": the Opus tags header is missing.");
        return new OpusOggDecoder(buffer, index, counter, head, headers.nextPage(), titleOf(packet));
    }

    @Override
    void resetCodec() {
        try {
            opus = new OpusDecoder(RATE, channels);
            if (outputGain != 0) opus.setGain(outputGain);
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus refused 48 kHz with " + channels + " channels", e);
        }
    }

    @Override
    int packetSamples(Packet previous, Packet packet) {
        return io.github.jaredmdobson.concentus.OpusPacketInfo.getNumSamples(packet.packet_base, packet.packet, packet.bytes, RATE);
    }

    @Override boolean firstPacketSilent() { return false; }
    @Override long settleSamples() { return SETTLE; }

    @Override
    void decode(Packet packet) throws IOException {
        int n;
        try {
            n = opus.decode(packet.packet_base, packet.packet, packet.bytes, pcm, 0, MAX_PACKET_SAMPLES, false);
        } catch (OpusException e) {
            throw new IOException(name() + ": an Opus packet is corrupt (" + e.getMessage() + ")", e);
        }
        queue.append(pcm, 0, n);
    }
}
