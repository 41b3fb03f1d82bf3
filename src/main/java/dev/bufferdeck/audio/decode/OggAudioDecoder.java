package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.format.index.OggPageIndex;
import dev.bufferdeck.repository.MediaBuffer;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * What Ogg Vorbis and Ogg Opus share: packets from the page index, decoded samples queued until a
 * page's granule position tells where they are ("anchoring", exact after any restart, with the end
 * trimmed as the last granule says), and seeking by bisection over the pages' granules followed by
 * a restart of the codec early enough for it to settle ({@link #restartReach}).
 */
abstract class OggAudioDecoder implements PcmDecoder {
    private final MediaBuffer buffer;
    private final OggPageIndex index;
    private final int firstAudioPage;
    /** Output position = granule position − this (Opus pre-skip; 0 for Vorbis). */
    private final long granuleOffset;
    /** How many samples before the target the codec must be restarted. */
    private final long restartReach;
    private final long total;
    private final AudioFormat format;
    private final int channels;
    private final Packet packet = new Packet();
    final SampleQueue queue;
    final CountingInputStream.ByteCounter counter;

    private OggPacketReader reader;
    private long position;
    private int restartPage;
    private boolean anchoredByLastPage;
    private boolean ended;
    private boolean closed;

    OggAudioDecoder(MediaBuffer buffer, OggPageIndex index, CountingInputStream.ByteCounter counter, int firstAudioPage,
                    int sampleRate, int channels, long granuleOffset, long restartReach) {
        this.buffer = buffer;
        this.index = index;
        this.counter = counter;
        this.firstAudioPage = firstAudioPage;
        this.granuleOffset = granuleOffset;
        this.restartReach = restartReach;
        this.channels = channels;
        this.total = Math.max(0, index.lastGranule() - granuleOffset);
        this.format = new AudioFormat(sampleRate, 16, channels, true, false);
        this.queue = new SampleQueue(channels);
    }

    /** Starts the codec afresh (headers already known). */
    abstract void resetCodec();

    /** Decodes one audio packet, appending its samples to {@link #queue}. */
    abstract void decode(Packet packet) throws IOException;

    String name() { return buffer.name(); }

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
                if (!queue.anchored()) queue.anchorEnd(queue.endPositionIfStartedAt(-granuleOffset));
                return false;
            }
            decode(packet);
        } catch (RuntimeException e) {
            throw new IOException(buffer.name() + ": the audio data is corrupt (" + e + ")", e);
        }
        if (packet.granulepos >= 0) anchor(packet.granulepos - granuleOffset, packet.e_o_s != 0);
        return true;
    }

    /**
     * A packet ending a page says where the queue ends. On the last page the granule may cut the
     * last packet short instead, so there the start is what anchors: the stream's start when
     * decoding began at the first audio page, else unknown (the seek then restarts earlier).
     */
    private void anchor(long end, boolean lastPage) {
        if (!queue.anchored()) {
            if (!lastPage) {
                queue.anchorEnd(end);
            } else if (restartPage == firstAudioPage) {
                queue.anchorEnd(queue.endPositionIfStartedAt(-granuleOffset));
            } else {
                anchoredByLastPage = true;
                queue.anchorEnd(end);
            }
        }
        if (lastPage) queue.trimEndTo(end);
    }

    @Override
    public void seekToFrame(long target) throws IOException {
        if (closed) throw new IllegalStateException("decoder is closed");
        position = Math.max(0, Math.min(target, total));
        int before = index.lastPageAtOrBefore(position + granuleOffset - restartReach, firstAudioPage);
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
        resetCodec();
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
    }
}
