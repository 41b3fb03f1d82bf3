package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Block;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Comment;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.DspState;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Info;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.format.index.OggPageIndex;
import dev.bufferdeck.repository.MediaBuffer;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * Ogg Vorbis through JOrbis, fed packet by packet. Decoded samples are queued until a packet that
 * ends a page tells their position (its granule), which makes positions exact after any restart
 * and trims the end as the last granule says. A seek bisects the page index for a page at least
 * two long blocks before the target, restarts JOrbis there and discards up to the target.
 */
final class VorbisDecoder implements PcmDecoder {
    /** Output of the first packets after a restart starts at most this far after the previous page's granule. */
    private static final int RESTART_REACH = 8192;

    private final MediaBuffer buffer;
    private final OggPageIndex index;
    private final Info info = new Info();
    private final AudioFormat format;
    private final int channels;
    private final int firstAudioPage;
    private final long total;
    private final CountingInputStream.ByteCounter counter = new CountingInputStream.ByteCounter();
    private final SampleQueue queue;
    private final Packet packet = new Packet();
    private final float[][][] pcm = new float[1][][];
    private int[] pcmIndex;

    private OggPacketReader reader;
    private DspState dsp;
    private Block block;
    private long position;
    private int restartPage;
    private boolean anchoredByLastPage;
    private boolean ended;
    private boolean closed;

    VorbisDecoder(MediaBuffer buffer, OggPageIndex index) throws UnsupportedMediaException, IOException {
        this.buffer = buffer;
        this.index = index;
        Comment comment = new Comment();
        info.init();
        comment.init();
        OggPacketReader headers = new OggPacketReader(buffer, index, 0, counter);
        for (int i = 0; i < 3; i++) {
            if (!headers.next(packet)) throw new UnsupportedMediaException(buffer.name() + ": the Vorbis headers are truncated.");
            if (info.synthesis_headerin(comment, packet) < 0) {
                throw new UnsupportedMediaException(buffer.name() + ": the Vorbis headers are corrupt.");
            }
        }
        if (info.channels < 1 || info.rate < 1) throw new UnsupportedMediaException(buffer.name() + ": the Vorbis headers are corrupt.");
        this.channels = info.channels;
        this.firstAudioPage = headers.nextPage();
        this.total = Math.max(0, index.lastGranule());
        this.format = new AudioFormat(info.rate, 16, channels, true, false);
        this.queue = new SampleQueue(channels);
        this.pcmIndex = new int[channels];
        seekToFrame(0);
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return total; }
    @Override public long framePosition() { return position; }

    long bytesRead() { return counter.bytes(); }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (closed) throw new IllegalStateException("decoder is closed");
        int frameBytes = 2 * channels;
        int room = len / frameBytes;
        if (room == 0) throw new IllegalArgumentException("room for less than one frame");
        int written = 0;
        while (written < room && position < total) {
            while (!(queue.anchored() && queue.endPosition() > position) && decodePacket()) {
                // decode until the queue holds known samples at the position
            }
            if (!queue.anchored() || queue.endPosition() <= position) break;
            queue.dropBefore(position);
            int frames = (int) Math.min(Math.min(room - written, queue.frames()), total - position);
            queue.take(buf, off + written * frameBytes, frames);
            position += frames;
            written += frames;
        }
        return written == 0 ? -1 : written * frameBytes;
    }

    /** Decodes one packet into the queue; false at the end of the stream. */
    private boolean decodePacket() throws IOException {
        if (ended) return false;
        try {
            if (!reader.next(packet)) {
                ended = true;
                if (!queue.anchored()) queue.anchorEnd(queue.endPositionIfStartedAt(0));
                return false;
            }
            if (block.synthesis(packet) == 0) dsp.synthesis_blockin(block);
            int n;
            while ((n = dsp.synthesis_pcmout(pcm, pcmIndex)) > 0) {
                queue.append(pcm[0], pcmIndex, n);
                dsp.synthesis_read(n);
            }
        } catch (RuntimeException e) {
            throw new IOException(buffer.name() + ": the Vorbis data is corrupt (" + e + ")", e);
        }
        if (packet.granulepos >= 0) anchor(packet.granulepos, packet.e_o_s != 0);
        return true;
    }

    /**
     * A packet ending a page says where the queue ends. On the last page the granule may cut the
     * last packet short instead, so there the start is what anchors: 0 when decoding began at the
     * first audio page, else unknown (the seek then restarts earlier).
     */
    private void anchor(long granule, boolean lastPage) {
        if (!queue.anchored()) {
            if (!lastPage) {
                queue.anchorEnd(granule);
            } else if (restartPage == firstAudioPage) {
                queue.anchorEnd(queue.endPositionIfStartedAt(0));
            } else {
                anchoredByLastPage = true;
                queue.anchorEnd(granule);
            }
        }
        if (lastPage) queue.trimEndTo(granule);
    }

    @Override
    public void seekToFrame(long target) throws IOException {
        if (closed) throw new IllegalStateException("decoder is closed");
        position = Math.max(0, Math.min(target, total));
        int before = index.lastPageAtOrBefore(position - RESTART_REACH, firstAudioPage);
        int start = before < 0 ? firstAudioPage : before + 1;
        while (true) {
            restartAt(start);
            while (!queue.anchored() && decodePacket()) {
                // decode up to the first page end, which tells where the samples are
            }
            if (!anchoredByLastPage || start <= firstAudioPage) break;
            start = pageAfterPreviousGranule(start - 1);
        }
    }

    private int pageAfterPreviousGranule(int page) {
        for (int p = page - 1; p >= firstAudioPage; p--) if (index.granule(p) >= 0) return p + 1;
        return firstAudioPage;
    }

    private void restartAt(int page) {
        dsp = new DspState();
        dsp.synthesis_init(info);
        block = new Block(dsp);
        reader = new OggPacketReader(buffer, index, page, counter);
        restartPage = page;
        anchoredByLastPage = false;
        queue.clear();
        ended = false;
    }

    @Override
    public void close() {
        closed = true;
        reader = null;
        dsp = null;
    }
}
