package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Block;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Comment;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.DspState;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Info;

import java.util.List;

/**
 * JOrbis for the Vorbis streams our own decoder does not take (floor type 0, which no encoder has
 * written since 2000), and for comparison ({@code -Dbufferdeck.vorbis=jorbis}).
 */
final class JOrbisVorbis {
    private final Info info;
    /** Tables built once for these headers, copied at each restart; null to build them each time. */
    private DspState prototype;
    private float[][][] pcm;
    private int[] pcmIndex;
    private DspState dsp;
    private Block block;

    JOrbisVorbis(Info info, DspState prototype) {
        this.info = info;
        this.prototype = prototype;
    }

    /** JOrbis over the three header packets, or null when it refuses them. */
    static JOrbisVorbis fromHeaders(List<Packet> headers) {
        Info info = new Info();
        info.init();
        Comment comment = new Comment();
        comment.init();
        for (Packet p : headers) {
            if (info.synthesis_headerin(comment, p) < 0) return null;
        }
        return info.channels > 0 && info.rate > 0 ? new JOrbisVorbis(info, null) : null;
    }

    Info info() { return info; }

    /** The shared tables for a later decoder of the same bytes; builds them once (null: not shareable). */
    DspState prototype() {
        if (prototype == null && VorbisSetups.shareable(info)) prototype = VorbisSetups.fresh(info);
        return prototype;
    }

    void reset() {
        dsp = prototype == null ? null : VorbisSetups.copy(prototype);
        if (dsp == null) dsp = VorbisSetups.fresh(info);
        block = new Block(dsp);
        pcm = new float[1][][];
        pcmIndex = new int[info.channels];
    }

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
