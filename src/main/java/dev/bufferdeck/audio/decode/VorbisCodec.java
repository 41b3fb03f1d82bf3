package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Block;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Comment;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.DspState;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Info;

/**
 * JOrbis for one Vorbis stream: its three header packets, then audio packets decoded into a
 * {@link SampleQueue}. Shared by the file decoder and live Ogg streams.
 */
final class VorbisCodec {
    private final Info info;
    private final Comment comment = new Comment();
    private int headers;
    private String title;
    /** Tables built once for these headers, copied at each restart; null to build them each time. */
    private DspState prototype;
    private float[][][] pcm;
    private int[] pcmIndex;
    private DspState dsp;
    private Block block;

    VorbisCodec() {
        info = new Info();
        info.init();
        comment.init();
    }

    /** A codec for headers read before (by a decoder of the same bytes). */
    VorbisCodec(VorbisSetups.Setup setup) {
        info = setup.info();
        title = setup.title();
        prototype = setup.prototype();
        headers = 3;
    }

    /** What a later decoder of the same bytes can start from; builds the shared tables once. */
    VorbisSetups.Setup setup(int firstAudioPage) {
        if (prototype == null && VorbisSetups.shareable(info)) prototype = VorbisSetups.fresh(info);
        return new VorbisSetups.Setup(info, title, firstAudioPage, prototype);
    }

    /** Takes the next header packet; false when it is not a valid one. */
    boolean header(Packet packet) {
        if (info.synthesis_headerin(comment, packet) < 0) return false;
        if (headers == 1) title = OggAudioDecoder.titleOf(packet);
        headers++;
        return headers > 1 || (info.channels > 0 && info.rate > 0);
    }

    boolean ready() { return headers == 3; }
    int rate() { return info.rate; }
    int channels() { return info.channels; }
    String title() { return title; }

    /** Starts decoding afresh: the next packet yields no samples. */
    void reset() {
        dsp = prototype == null ? null : VorbisSetups.copy(prototype);
        if (dsp == null) dsp = VorbisSetups.fresh(info);
        block = new Block(dsp);
        pcm = new float[1][][];
        pcmIndex = new int[info.channels];
    }

    /** The block size of {@code packet} (from its mode bits), or -1. */
    int blocksize(Packet packet) {
        return info.blocksize(packet);
    }

    void decode(Packet packet, SampleQueue queue) {
        if (block.synthesis(packet) == 0) dsp.synthesis_blockin(block);
        int n;
        while ((n = dsp.synthesis_pcmout(pcm, pcmIndex)) > 0) {
            queue.append(pcm[0], pcmIndex, n);
            dsp.synthesis_read(n);
        }
    }
}
