package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.format.index.OggPageIndex;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.format.tags.Tags;
import dev.bufferdeck.repository.MediaBuffer;

import java.io.ByteArrayOutputStream;
import dev.bufferdeck.repository.ByteSource;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * What Ogg Vorbis and Ogg Opus share: packets from the page index, decoded samples queued until a
 * page's granule position tells where they are ("anchoring", exact after any restart, with the end
 * trimmed as the last granule says), and seeking by bisection over the pages' granules followed by
 * a restart of the codec early enough for it to settle ({@link #restartReach}).
 */
abstract class OggAudioDecoder implements ContinuableDecoder {
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
    private final String title;
    private final Packet packet = new Packet();
    SampleQueue queue;
    final CountingInputStream.ByteCounter counter;

    private OggPacketReader reader;
    private long position;
    private int restartPage;
    private boolean anchoredByLastPage;
    private boolean ended;
    private boolean closed;
    private Boolean startsAtZero;
    /** Key of this stream in {@link FirstFramesCache} (null: not cached), what it holds, and what is being gathered for it. */
    private final String cacheKey;
    private byte[] firstFrames;
    private ByteArrayOutputStream gathering;

    OggAudioDecoder(MediaBuffer buffer, OggPageIndex index, CountingInputStream.ByteCounter counter, int firstAudioPage,
                    int sampleRate, int channels, long granuleOffset, long restartReach, String title) {
        this.buffer = buffer;
        this.title = title;
        this.index = index;
        this.counter = counter;
        this.firstAudioPage = firstAudioPage;
        this.granuleOffset = granuleOffset;
        this.restartReach = restartReach;
        this.channels = channels;
        this.total = Math.max(0, index.lastGranule() - granuleOffset);
        this.format = new AudioFormat(sampleRate, 16, channels, true, false);
        this.queue = new SampleQueue(channels);
        this.cacheKey = buffer.isComplete() && buffer.sha256() != null && !buffer.sha256().isEmpty() && index.pageCount() > 0
                ? buffer.sha256() + "@" + index.pageOffset(0) + "/" + buffer.size() : null;
        this.firstFrames = FirstFramesCache.get(cacheKey);
    }

    /** Uses the codec of {@code shorter}, a decoder of this class over the same stream, as it is now. */
    abstract void takeCodec(OggAudioDecoder shorter);

    /** Starts the codec afresh (headers already known). */
    abstract void resetCodec();

    /** Decodes one audio packet, appending its samples to {@link #queue}. */
    abstract void decode(Packet packet) throws IOException;

    /**
     * Samples {@code packet} adds to the output when decoded right after {@code previous} (null when
     * the previous packet is unknown), found from packet headers without decoding.
     */
    abstract int packetSamples(Packet previous, Packet packet);

    /** True when a restarted codec's first packet yields no samples (Vorbis), false when it yields its own (Opus). */
    abstract boolean firstPacketSilent();

    /** Samples a restarted codec must decode before its output is close to a continuous decode. */
    abstract long settleSamples();

    String name() { return buffer.name(); }

    /** "ARTIST - TITLE" (or the one there is) from the stream's comment header, or null. */
    String title() { return title; }

    /** The title a comment header packet gives, for {@link #title()}. */
    static String titleOf(Packet comments) {
        Tags tags = TagReader.oggCommentPacket(
                ByteSource.of(comments.packet_base).slice(comments.packet, comments.bytes));
        String artist = tags.artist() == null ? "" : tags.artist().strip();
        String name = tags.title() == null ? "" : tags.title().strip();
        if (artist.isEmpty()) return name.isEmpty() ? null : name;
        return name.isEmpty() ? artist : artist + " - " + name;
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return total; }
    @Override public long framePosition() { return position; }

    long bytesRead() { return counter.bytes(); }

    @Override
    public boolean continueFrom(PcmDecoder shorter) {
        if (shorter.getClass() != getClass()) return false;
        OggAudioDecoder old = (OggAudioDecoder) shorter;
        if (old.closed || old.reader == null || old.firstFrames != null || old.granuleOffset != granuleOffset
                || old.firstAudioPage != firstAudioPage || old.index.serial() != index.serial()
                || old.channels != channels || !old.format.matches(format)) {
            return false;
        }
        takeCodec(old);
        queue = old.queue;
        reader = old.reader;
        reader.continueOver(buffer, index);
        position = old.position;
        restartPage = old.restartPage;
        anchoredByLastPage = old.anchoredByLastPage;
        startsAtZero = old.startsAtZero;
        ended = false;   // the shorter bytes ended, the stream goes on
        return true;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (closed) throw new IllegalStateException("decoder is closed");
        int frameBytes = 2 * channels;
        int room = len / frameBytes;
        if (room == 0) throw new IllegalArgumentException("room for less than one frame");
        int written = 0;
        if (firstFrames != null && position * frameBytes < firstFrames.length) {
            int from = (int) position * frameBytes;
            int n = (int) Math.min(Math.min(room, total - position) * frameBytes, firstFrames.length - from);
            System.arraycopy(firstFrames, from, buf, off, n);
            position += n / frameBytes;
            return n;   // the codec decodes from the start on the next read and drops these frames
        }
        long startedAt = position;
        while (written < room && position < total) {
            while (!(queue.anchored() && queue.endPosition() > position) && decodePacket()) {
                // decode until the queue holds known samples at the position
            }
            if (!queue.anchored() || queue.endPosition() <= position) break;
            queue.dropBefore(position);
            if (queue.frames() == 0) break; // damaged data placed samples after the position

            int frames = (int) Math.min(Math.min(room - written, queue.frames()), total - position);
            queue.take(buf, off + written * frameBytes, frames);
            position += frames;
            written += frames;
        }
        gather(buf, off, startedAt, written, frameBytes);
        return written == 0 ? -1 : written * frameBytes;
    }

    /** Keeps the first frames of a decode from the start for {@link FirstFramesCache}. */
    private void gather(byte[] buf, int off, long startedAt, int frames, int frameBytes) {
        if (cacheKey == null || firstFrames != null) return;
        if (startedAt == 0) gathering = new ByteArrayOutputStream();
        if (gathering == null || startedAt * frameBytes != gathering.size()) {
            gathering = null;   // not a read straight on from the start
            return;
        }
        int wanted = (int) Math.min(frames, Math.max(0, Math.min(FirstFramesCache.FRAMES, total) - startedAt));
        gathering.write(buf, off, wanted * frameBytes);
        if (gathering.size() >= Math.min(FirstFramesCache.FRAMES, total) * frameBytes) {
            firstFrames = gathering.toByteArray();
            FirstFramesCache.put(cacheKey, firstFrames);
            gathering = null;
        }
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
        if (start > firstAudioPage && seekBySkipping(start)) return;
        while (true) {
            restartAt(start);
            while (!queue.anchored() && decodePacket()) {
                // decode up to the first page end, which tells where the samples are
            }
            if (!anchoredByLastPage || start <= firstAudioPage) break;
            start = pageAfterPreviousGranule(start - 1);
        }
    }

    /** A packet read ahead during a seek, with the stream position where its output ends. */
    private record Held(Packet packet, int samples, long relativeEnd) {}

    /**
     * The fast seek: reads packets from {@code start} without decoding, placing each from its
     * header-given length and the first page granule, then restarts the codec only a packet (or
     * the settle time) before the target. False when this cannot be done here (the first granule
     * is the last page's): the caller then decodes from {@code start}.
     */
    private boolean seekBySkipping(int start) throws IOException {
        OggPacketReader dry = new OggPacketReader(buffer, index, start, counter);
        ArrayList<Held> held = new ArrayList<>();
        Packet previous = null;
        long relativeEnd = 0;
        Long shift = null;
        try {
            while (true) {
                Packet p = new Packet();
                if (!dry.next(p)) return false;
                Packet copy = OggPacketReader.copyOf(p);
                int samples = Math.max(0, packetSamples(previous, copy));
                relativeEnd += samples;
                held.add(new Held(copy, samples, relativeEnd));
                previous = copy;
                if (shift == null && copy.granulepos >= 0) {
                    if (copy.e_o_s != 0) return false;
                    shift = copy.granulepos - granuleOffset - relativeEnd;
                }
                if (shift != null && relativeEnd + shift > position) break;
                if (shift != null) dropUnneeded(held, shift);
            }
        } catch (RuntimeException e) {
            throw new IOException(buffer.name() + ": the audio data is corrupt (" + e + ")", e);
        }
        int first = firstToDecode(held, shift);
        if (first < 0) return false;
        resetCodec();
        queue.clear();
        Packet last = null;
        try {
            for (int i = first; i < held.size(); i++) {
                last = held.get(i).packet();
                decode(last);
            }
        } catch (RuntimeException e) {
            throw new IOException(buffer.name() + ": the audio data is corrupt (" + e + ")", e);
        }
        // Anchored by the end: a restarted Vorbis decoder's first samples need not start where the packet
        // lengths say (it assumes a short block before the first), but they end where they should.
        queue.anchorEnd(held.get(held.size() - 1).relativeEnd() + shift);
        if (queue.endPosition() - queue.frames() > position) return false;
        if (last.granulepos >= 0 && last.e_o_s != 0) queue.trimEndTo(last.granulepos - granuleOffset);
        reader = dry;
        restartPage = start;
        anchoredByLastPage = false;
        ended = false;
        return true;
    }

    /** Index of the held packet the codec must start from to output {@code position} well settled; -1 if none. */
    private int firstToDecode(List<Held> held, long shift) {
        int containing = 0;
        while (held.get(containing).relativeEnd() + shift <= position) containing++;
        if (firstPacketSilent()) return containing >= 2 ? containing - 2 : -1;
        for (int i = containing; i >= 0; i--) {
            long packetStart = held.get(i).relativeEnd() + shift - held.get(i).samples();
            if (packetStart <= position - settleSamples()) return i;
        }
        return -1;
    }

    /** Forgets held packets that end long before the position (more than the settle time and a spare packet). */
    private void dropUnneeded(List<Held> held, long shift) {
        int drop = 0;
        while (drop + 2 < held.size() && held.get(drop + 1).relativeEnd() + shift < position - settleSamples()) drop++;
        if (drop > 0) held.subList(0, drop).clear();
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
        if (page == firstAudioPage && startsAtZero()) queue.anchorStart(-granuleOffset);
    }

    /**
     * True when the first audio page's packets, counted from their headers, add up to its granule
     * position (or it is the only page): the first decoded sample is then the stream's first, and
     * playing from the start need not decode a whole page (up to a second) before its end tells where
     * the samples are.
     */
    private boolean startsAtZero() {
        if (startsAtZero == null) {
            OggPacketReader dry = new OggPacketReader(buffer, index, firstAudioPage, new CountingInputStream.ByteCounter());
            Packet p = new Packet();
            Packet previous = null;
            long samples = 0;
            boolean known = false;
            try {
                while (dry.next(p)) {
                    Packet copy = OggPacketReader.copyOf(p);
                    samples += Math.max(0, packetSamples(previous, copy));
                    previous = copy;
                    if (copy.granulepos >= 0) {
                        known = copy.e_o_s != 0 || copy.granulepos == samples;
                        break;
                    }
                }
            } catch (RuntimeException e) {
                known = false; // damaged: decoding finds out where the samples are
            }
            startsAtZero = known;
        }
        return startsAtZero;
    }

    @Override
    public void close() {
        closed = true;
        reader = null;
    }
}

