package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.format.index.OggPageIndex;
import dev.bufferdeck.repository.MediaBuffer;

import java.io.IOException;

/**
 * Ogg Vorbis through {@link VorbisCodec} (our own decoder), fed packet by packet. After a restart the first packet yields no
 * samples and the next ones are exact (Vorbis keeps no state beyond the previous block), so a seek
 * restarts at the page after one at least two long blocks (2 × 4096 samples) before the target.
 */
final class VorbisDecoder extends OggAudioDecoder {
    private static final int RESTART_REACH = 8192;

    private VorbisCodec codec;

    private VorbisDecoder(MediaBuffer buffer, OggPageIndex index, CountingInputStream.ByteCounter counter,
                          VorbisCodec codec, int firstAudioPage) throws IOException {
        super(buffer, index, counter, firstAudioPage, codec.rate(), codec.channels(), 0, RESTART_REACH, codec.title());
        this.codec = codec;
        seekToFrame(0);
    }

    static VorbisDecoder open(MediaBuffer buffer, OggPageIndex index) throws UnsupportedMediaException, IOException {
        CountingInputStream.ByteCounter counter = new CountingInputStream.ByteCounter();
        String key = buffer.isComplete() && buffer.sha256() != null && index.pageCount() > 0
                ? buffer.sha256() + "@" + index.pageOffset(0) : null;
        VorbisSetups.Setup known = VorbisSetups.get(key);
        if (known != null) return new VorbisDecoder(buffer, index, counter, new VorbisCodec(known), known.firstAudioPage());
        VorbisCodec codec = new VorbisCodec();
        Packet packet = new Packet();
        OggPacketReader headers = new OggPacketReader(buffer, index, 0, counter);
        for (int i = 0; i < 3; i++) {
            if (!headers.next(packet)) throw new UnsupportedMediaException(buffer.name() + ": the Vorbis headers are truncated.");
            if (!codec.header(packet)) throw new UnsupportedMediaException(buffer.name() + ": the Vorbis headers are corrupt.");
        }
        if (key != null) VorbisSetups.put(key, codec.setup(headers.nextPage()));
        return new VorbisDecoder(buffer, index, counter, codec, headers.nextPage());
    }

    @Override
    void takeCodec(OggAudioDecoder shorter) {
        codec = ((VorbisDecoder) shorter).codec;
    }

    @Override
    void resetCodec() {
        codec.reset();
    }

    @Override
    int packetSamples(Packet previous, Packet packet) {
        if (previous == null) return 0;
        int before = codec.blocksize(previous);
        int now = codec.blocksize(packet);
        return before < 0 || now < 0 ? 0 : before / 4 + now / 4;
    }

    @Override boolean firstPacketSilent() { return true; }
    @Override long settleSamples() { return 0; }

    @Override
    void decode(Packet packet) {
        codec.decode(packet, queue);
    }
}
