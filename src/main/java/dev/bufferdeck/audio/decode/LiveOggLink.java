package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import com.github.trilarion.sound.vorbis.jcraft.jogg.Page;
import com.github.trilarion.sound.vorbis.jcraft.jogg.StreamState;
import com.github.trilarion.sound.vorbis.jcraft.jogg.SyncState;
import dev.bufferdeck.audio.PcmDecoder;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * One chain link of a live Ogg stream (Vorbis or Opus), page after page as the bytes arrive. It ends
 * where the next link begins (a beginning-of-stream page, left for the next reader) or where no Ogg
 * page follows. Nothing to seek: the position only moves forward. The title is the link's own.
 */
final class LiveOggLink implements PcmDecoder {
    /** How far to look for the next page after damaged bytes before giving the bytes to another reader. */
    private static final int RESYNC_REACH = 64 * 1024;

    private final String name;
    private final Reader reader;
    private final Packet packet = new Packet();
    private final VorbisCodec vorbis;
    private final OpusCodec opus;
    private final AudioFormat format;
    private final SampleQueue queue;
    private final String title;
    private long skip;
    private long position;
    private boolean ended;

    private LiveOggLink(Reader reader, String name, VorbisCodec vorbis, OpusCodec opus, String title) {
        this.reader = reader;
        this.name = name;
        this.vorbis = vorbis;
        this.opus = opus;
        this.title = title;
        int channels = vorbis != null ? vorbis.channels() : opus.head().channels();
        int rate = vorbis != null ? vorbis.rate() : OpusCodec.RATE;
        this.format = new AudioFormat(rate, 16, channels, true, false);
        this.queue = new SampleQueue(channels);
        this.queue.anchorStart(0);
        if (vorbis != null) vorbis.reset();
        else {
            opus.reset();
            skip = opus.head().preSkip();
        }
    }

    /** True when an Ogg page starts at the next byte. */
    static boolean atPage(LiveBytes bytes) throws IOException {
        return bytes.peek(27) && bytes.at(0) == 'O' && bytes.at(1) == 'g' && bytes.at(2) == 'g' && bytes.at(3) == 'S' && bytes.at(4) == 0;
    }

    static boolean atLinkStart(LiveBytes bytes) throws IOException {
        return atPage(bytes) && (bytes.at(5) & 2) != 0;
    }

    /**
     * Reads the headers of the link whose first page is next (passing over links of other codecs
     * whole); null when the bytes end first or hold no Vorbis or Opus link here.
     */
    static LiveOggLink open(LiveBytes bytes, String name) throws IOException {
        while (atLinkStart(bytes)) {
            LiveOggLink link = readHeaders(bytes, name);
            if (link != null) return link;
        }
        return null;
    }

    private static LiveOggLink readHeaders(LiveBytes bytes, String name) throws IOException {
        Reader reader = new Reader(bytes);
        Packet p = new Packet();
        if (!reader.next(p)) return null;
        OpusCodec.Head head = OpusCodec.Head.parse(p);
        if (head != null) {
            if (head.refusal() != null) return skipLink(reader);
            if (!reader.next(p)) return null;
            return new LiveOggLink(reader, name, null, new OpusCodec(head), OggAudioDecoder.titleOf(p));
        }
        VorbisCodec vorbis = new VorbisCodec();
        if (!vorbis.header(p)) return skipLink(reader);
        for (int i = 1; i < 3; i++) {
            if (!reader.next(p)) return null;
            if (!vorbis.header(p)) return skipLink(reader);
        }
        return new LiveOggLink(reader, name, vorbis, null, vorbis.title());
    }

    /** A link we cannot decode: its pages are passed over up to the next link. */
    private static LiveOggLink skipLink(Reader reader) throws IOException {
        Packet p = new Packet();
        while (reader.next(p)) {
            // nothing to decode
        }
        return null;
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return -1; }
    @Override public long framePosition() { return position; }
    String title() { return title; }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int frameBytes = format.getFrameSize();
        int room = len / frameBytes;
        if (room == 0) throw new IllegalArgumentException("room for less than one frame");
        while (queue.frames() == 0) {
            if (ended || !reader.next(packet)) {
                ended = true;
                return -1;
            }
            try {
                if (vorbis != null) vorbis.decode(packet, queue);
                else opus.decode(packet, queue, name);
            } catch (RuntimeException e) {
                continue; // a damaged packet is dropped; the stream plays on
            }
            // the link's last granule trims its end, as in a file (positions count from the first decoded sample)
            if (packet.e_o_s != 0 && packet.granulepos >= 0) queue.trimEndTo(packet.granulepos);
            if (skip > 0) {
                long drop = Math.min(skip, queue.frames());
                queue.dropBefore(queue.endPosition() - queue.frames() + drop);
                skip -= drop;
            }
        }
        int frames = Math.min(room, queue.frames());
        queue.take(buf, off, frames);
        position += frames;
        return frames * frameBytes;
    }

    @Override
    public void seekToFrame(long frame) {
        // a live stream plays on from where it is
    }

    @Override
    public void close() {
        ended = true;
    }

    /** Pages of one logical stream from the live bytes into jogg, packet by packet. */
    private static final class Reader {
        private final LiveBytes bytes;
        private final SyncState sync = new SyncState();
        private StreamState stream;
        private final Page page = new Page();
        private boolean started;

        Reader(LiveBytes bytes) {
            this.bytes = bytes;
            this.sync.init();
        }

        /**
         * The next packet of the stream; false when the link ends (a new link's first page is next,
         * or no page follows).
         */
        boolean next(Packet packet) throws IOException {
            while (true) {
                if (stream != null) {
                    int r = stream.packetout(packet);
                    if (r == 1) return true;
                    if (r < 0) continue;
                }
                if (!feedPage()) return false;
            }
        }

        private boolean feedPage() throws IOException {
            int scanned = 0;
            while (!LiveOggLink.atPage(bytes)) {
                if (bytes.ended() || scanned++ > RESYNC_REACH || LiveAdts.header(bytes) != null || LiveMp3.atFrame(bytes)) {
                    return false;
                }
                bytes.skip(1);
            }
            if ((bytes.at(5) & 2) != 0 && started) return false; // the next link begins
            int segments = bytes.at(26);
            if (!bytes.peek(27 + segments)) return false;
            int length = 27 + segments;
            for (int i = 0; i < segments; i++) length += bytes.at(27 + i);
            if (!bytes.peek(length)) return false;
            int serial = bytes.at(14) | bytes.at(15) << 8 | bytes.at(16) << 16 | bytes.at(17) << 24;
            int at = sync.buffer(length);
            bytes.copy(length, sync.data, at);
            bytes.skip(length);
            sync.wrote(length);
            if (sync.pageout(page) != 1) return true; // a damaged page: try the next
            if (stream == null) {
                stream = new StreamState();
                stream.init(serial);
            }
            started = true;
            stream.pagein(page); // pages of another multiplexed stream are refused here and skipped
            return true;
        }
    }
}
