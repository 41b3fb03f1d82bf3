package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.format.index.OggPageIndex;
import dev.bufferdeck.repository.MediaBuffer;

import java.io.IOException;

/**
 * Ogg Opus (mono or stereo, channel mapping family 0) through {@link OpusCodec}, at 48 kHz. The
 * pre-skip is trimmed (positions are granule − pre-skip) and the header's output gain applied. A
 * seek restarts Concentus 200 ms before the target (RFC 7845 asks for at least 80 ms; SILK at
 * low bitrates needs longer to converge within 30 dB of a continuous decode), plus one largest
 * packet (120 ms) in case the restart page begins with the tail of a packet that is dropped.
 */
final class OpusOggDecoder extends OggAudioDecoder {
    private static final int SETTLE = 9600;
    private static final int RESTART_REACH = SETTLE + OpusCodec.MAX_PACKET_SAMPLES;

    private OpusCodec codec;

    private OpusOggDecoder(MediaBuffer buffer, OggPageIndex index, CountingInputStream.ByteCounter counter,
                           OpusCodec codec, int firstAudioPage, String title) throws IOException {
        super(buffer, index, counter, firstAudioPage, OpusCodec.RATE, codec.head().channels(), codec.head().preSkip(),
                RESTART_REACH, title);
        this.codec = codec;
        seekToFrame(0);
    }

    static OpusOggDecoder open(MediaBuffer buffer, OggPageIndex index) throws UnsupportedMediaException, IOException {
        CountingInputStream.ByteCounter counter = new CountingInputStream.ByteCounter();
        OggPacketReader headers = new OggPacketReader(buffer, index, 0, counter);
        Packet packet = new Packet();
        if (!headers.next(packet)) throw new UnsupportedMediaException(buffer.name() + ": the Opus header is truncated.");
        OpusCodec.Head head = OpusCodec.Head.parse(packet);
        if (head == null) throw new UnsupportedMediaException(buffer.name() + ": the Opus header is corrupt.");
        if (head.refusal() != null) throw new UnsupportedMediaException(buffer.name() + ": " + head.refusal());
        if (!headers.next(packet)) throw new UnsupportedMediaException(buffer.name() + ": the Opus tags header is missing.");
        return new OpusOggDecoder(buffer, index, counter, new OpusCodec(head), headers.nextPage(), titleOf(packet));
    }

    @Override
    void takeCodec(OggAudioDecoder shorter) {
        codec = ((OpusOggDecoder) shorter).codec;
    }

    @Override
    void resetCodec() {
        codec.reset();
    }

    @Override
    int packetSamples(Packet previous, Packet packet) {
        return OpusCodec.samples(packet);
    }

    @Override boolean firstPacketSilent() { return false; }
    @Override long settleSamples() { return SETTLE; }

    @Override
    void decode(Packet packet) throws IOException {
        codec.decode(packet, queue, name());
    }
}
