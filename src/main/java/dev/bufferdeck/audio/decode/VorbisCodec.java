package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import dev.bufferdeck.audio.decode.vorbis.VorbisFormatException;
import dev.bufferdeck.audio.decode.vorbis.VorbisIdentification;
import dev.bufferdeck.audio.decode.vorbis.VorbisSetup;
import dev.bufferdeck.audio.decode.vorbis.VorbisSynthesis;

import java.util.ArrayList;
import java.util.List;

/**
 * One Vorbis stream: its three header packets, then audio packets decoded into a
 * {@link SampleQueue}, by our own decoder ({@code audio.decode.vorbis}), or by JOrbis for floor
 * type 0 or when {@code -Dbufferdeck.vorbis=jorbis} asks for it. Shared by the file decoder and
 * live Ogg streams.
 */
final class VorbisCodec {
    static final boolean JORBIS_ASKED = "jorbis".equals(System.getProperty("bufferdeck.vorbis"));

    private int headers;
    private String title;
    private VorbisIdentification id;
    /** Copies of the header packets, kept until the setup is read in case JOrbis must read them too. */
    private final List<Packet> headerPackets = new ArrayList<>(3);
    private VorbisSetup setup;
    private JOrbisVorbis jorbis;
    private VorbisSynthesis synthesis;
    private short[] pcm;

    VorbisCodec() {}

    /** A codec for headers read before (by a decoder of the same bytes). */
    VorbisCodec(VorbisSetups.Setup known) {
        id = known.id();
        setup = known.setup();
        if (known.info() != null) jorbis = new JOrbisVorbis(known.info(), known.prototype());
        title = known.title();
        headers = 3;
    }

    /** What a later decoder of the same bytes can start from (builds JOrbis' shared tables once). */
    VorbisSetups.Setup setup(int firstAudioPage) {
        return new VorbisSetups.Setup(id, setup, jorbis == null ? null : jorbis.info(),
                jorbis == null ? null : jorbis.prototype(), title, firstAudioPage);
    }

    /** Takes the next header packet; false when it is not a valid one. */
    boolean header(Packet packet) {
        byte[] data = packet.packet_base;
        int offset = packet.packet, length = packet.bytes;
        try {
            switch (headers) {
                case 0 -> id = VorbisIdentification.read(data, offset, length);
                case 1 -> {
                    if (length < 7 || data[offset] != 3) return false;
                    title = OggAudioDecoder.titleOf(packet);
                }
                default -> {
                    headerPackets.add(packet);
                    if (!JORBIS_ASKED) setup = VorbisSetup.read(id, data, offset, length);
                    else jorbis = JOrbisVorbis.fromHeaders(headerPackets);
                    headerPackets.clear();
                    headers++;
                    return setup != null || jorbis != null;
                }
            }
        } catch (RuntimeException e) {
            return false;   // a header no valid stream has (VorbisSetup checks what it can; this catches the rest)
        } catch (VorbisFormatException e) {
            if (!e.unsupported()) return false;
            jorbis = JOrbisVorbis.fromHeaders(headerPackets);
            headerPackets.clear();
            headers++;
            return jorbis != null;
        }
        headerPackets.add(OggPacketReader.copyOf(packet));
        headers++;
        return true;
    }

    boolean ready() { return headers == 3; }
    int rate() { return id.rate(); }
    int channels() { return id.channels(); }
    String title() { return title; }

    /** Starts decoding afresh: the next packet yields no samples. */
    void reset() {
        if (setup == null) {
            jorbis.reset();
            return;
        }
        if (synthesis == null) {
            synthesis = new VorbisSynthesis(setup);
            pcm = new short[synthesis.maxFrames() * setup.channels()];
        }
        synthesis.reset();
    }

    /** The block size of {@code packet} (from its mode bits), or -1. */
    int blocksize(Packet packet) {
        return setup != null ? setup.blocksize(packet.packet_base, packet.packet, packet.bytes) : jorbis.blocksize(packet);
    }

    void decode(Packet packet, SampleQueue queue) {
        if (setup == null) {
            jorbis.decode(packet, queue);
            return;
        }
        int n = synthesis.decode(packet.packet_base, packet.packet, packet.bytes, pcm);
        if (n > 0) queue.append(pcm, 0, n);
    }
}
