package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Block;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Comment;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.DspState;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Info;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.format.index.OggPageIndex;
import dev.bufferdeck.repository.MediaBuffer;

import java.io.IOException;

/**
 * Ogg Vorbis through JOrbis, fed packet by packet. After a restart the first packet yields no
 * samples and the next ones are exact (Vorbis keeps no state beyond the previous block), so a seek
 * restarts at the page after one at least two long blocks (2 × 4096 samples) before the target.
 */
final class VorbisDecoder extends OggAudioDecoder {
    private static final int RESTART_REACH = 8192;

    private final Info info;
    private final float[][][] pcm = new float[1][][];
    private final int[] pcmIndex;
    private DspState dsp;
    private Block block;

    private VorbisDecoder(MediaBuffer buffer, OggPageIndex index, CountingInputStream.ByteCounter counter,
                          Info info, int firstAudioPage, String title) throws IOException {
        super(buffer, index, counter, firstAudioPage, info.rate, info.channels, 0, RESTART_REACH, title);
        this.info = info;
        this.pcmIndex = new int[info.channels];
        seekToFrame(0);
    }

    static VorbisDecoder open(MediaBuffer buffer, OggPageIndex index) throws UnsupportedMediaException, IOException {
        CountingInputStream.ByteCounter counter = new CountingInputStream.ByteCounter();
        Info info = new Info();
        Comment comment = new Comment();
        info.init();
        comment.init();
        Packet packet = new Packet();
        String title = null;
        OggPacketReader headers = new OggPacketReader(buffer, index, 0, counter);
        for (int i = 0; i < 3; i++) {
            if (!headers.next(packet)) throw new UnsupportedMediaException(buffer.name() + ": the Vorbis headers are truncated.");
            if (info.synthesis_headerin(comment, packet) < 0) {
                throw new UnsupportedMediaException(buffer.name() + ": the Vorbis headers are corrupt.");
            }
            if (i == 1) title = titleOf(packet);
        }
        if (info.channels < 1 || info.rate < 1) throw new UnsupportedMediaException(buffer.name() + ": the Vorbis headers are corrupt.");
        return new VorbisDecoder(buffer, index, counter, info, headers.nextPage(), title);
    }

    @Override
    void resetCodec() {
        dsp = new DspState();
        dsp.synthesis_init(info);
        block = new Block(dsp);
    }

    @Override
    int packetSamples(Packet previous, Packet packet) {
        if (previous == null) return 0;
        int before = info.blocksize(previous);
        int now = info.blocksize(packet);
        return before < 0 || now < 0 ? 0 : before / 4 + now / 4;
    }

    @Override boolean firstPacketSilent() { return true; }
    @Override long settleSamples() { return 0; }

    @Override
    void decode(Packet packet) {
        if (block.synthesis(packet) == 0) dsp.synthesis_blockin(block);
        int n;
        while ((n = dsp.synthesis_pcmout(pcm, pcmIndex)) > 0) {
            queue.append(pcm[0], pcmIndex, n);
            dsp.synthesis_read(n);
        }
    }
}
