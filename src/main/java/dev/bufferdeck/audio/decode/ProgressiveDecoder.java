package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.repository.MediaBuffer;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * Plays a buffer while it loads. An ordinary decoder is opened on the bytes that have arrived (a
 * {@link MediaBuffer#prefix} sharing the array, no copy); when playback nears the end of those bytes
 * it waits for more and reopens over the longer prefix at the same frame: a {@link ContinuableDecoder}
 * (Ogg, AAC) takes over the running codec, others seek, which their own seeking makes seamless (MPEG
 * frame index with preroll, FLAC frames, PCM arithmetic).
 * Once the buffer is complete the last reopen covers all of it. Seeking past what has arrived waits
 * for those bytes ("buffering"); a cancelled or failed load ends reads with its reason.
 */
final class ProgressiveDecoder implements PcmDecoder {
    /** Bytes to wait for before the first open (or the whole buffer, if shorter). */
    static final int FIRST_BYTES = 1024;
    /** Bytes to wait for before reopening over a longer prefix. */
    static final int MORE_BYTES = 8 * 1024;

    private final MediaBuffer buffer;
    private final int marginFrames;
    private PcmDecoder inner;
    private boolean innerWhole;
    private int innerBytes;
    private AudioFormat format;
    private long position;
    private boolean closed;

    private ProgressiveDecoder(MediaBuffer buffer, int marginFrames) {
        this.buffer = buffer;
        this.marginFrames = marginFrames;
    }

    /** Waits for the first bytes and opens over them; refuses at once what is not audio. */
    static PcmDecoder open(MediaBuffer buffer) throws UnsupportedMediaException {
        try {
            buffer.awaitBytes(FIRST_BYTES);
        } catch (IOException e) {
            throw new UnsupportedMediaException(buffer.name() + ": " + e.getMessage(), e);
        }
        AudioContainer container = AudioContainer.sniff(buffer.bytes());
        if (container == AudioContainer.NOT_AUDIO && buffer.size() >= FIRST_BYTES) {
            throw Decoders.refusal(container, buffer);
        }
        // a FLAC frame may be cut where the bytes end: its last frames wait until more arrive
        ProgressiveDecoder d = new ProgressiveDecoder(buffer, container == AudioContainer.FLAC ? 16384 : 0);
        try {
            d.reopen(0, FIRST_BYTES);
        } catch (IOException e) {
            throw new UnsupportedMediaException(buffer.name() + ": " + e.getMessage(), e);
        }
        return d;
    }

    @Override public AudioFormat format() { return format; }

    /** The whole length once every byte is here; -1 before. */
    @Override public long totalFrames() { return innerWhole ? inner.totalFrames() : -1; }

    @Override public long framePosition() { return position; }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (closed) throw new IllegalStateException("decoder is closed");
        int frameBytes = format.getFrameSize();
        while (true) {
            long limit = innerWhole ? Long.MAX_VALUE : playable(inner);
            if (position < limit) {
                int want = (int) Math.min(len / frameBytes, limit - position) * frameBytes;
                int n = inner.read(buf, off, Math.max(frameBytes, want));
                if (n > 0) {
                    position += n / frameBytes;
                    return n;
                }
                if (innerWhole) return -1;
            }
            if (innerWhole) return -1;
            reopen(position, MORE_BYTES);
        }
    }

    @Override
    public void seekToFrame(long frame) throws IOException {
        if (closed) throw new IllegalStateException("decoder is closed");
        long target = Math.max(0, frame);
        while (!innerWhole && target >= playable(inner)) reopen(target, MORE_BYTES);
        inner.seekToFrame(target);
        position = inner.framePosition();
    }

    /**
     * Waits for {@code more} bytes beyond those the current decoder covers (or the end of the load)
     * and opens a decoder over all bytes there, positioned at {@code frame}.
     */
    private void reopen(long frame, int more) throws IOException {
        while (true) {
            boolean whole = !buffer.awaitBytes((long) innerBytes + more) || buffer.isComplete();
            MediaBuffer here = whole && buffer.isComplete() ? buffer : buffer.prefix(buffer.size());
            PcmDecoder next;
            try {
                next = Decoders.openWhole(here);
            } catch (UnsupportedMediaException e) {
                if (whole) throw new IOException(e.getMessage(), e);
                innerBytes = here.size();
                more = Math.max(more, here.size());   // not enough of the header yet: wait for twice as much
                continue;
            }
            if (format != null && !sameFormat(format, next.format())) {
                next.close();
                throw new IOException(buffer.name() + ": the audio format changed while loading");
            }
            boolean continued = inner != null && inner.framePosition() == frame
                    && next instanceof ContinuableDecoder c && c.continueFrom(inner);
            if (!continued && frame > 0) next.seekToFrame(Math.min(frame, Math.max(0, next.totalFrames())));
            if (inner != null) inner.close();
            inner = next;
            innerWhole = here.isComplete() && here == buffer;
            innerBytes = here.size();
            format = next.format();
            position = next.framePosition();
            if (innerWhole || playable(next) > frame) return;
            more = MORE_BYTES;
        }
    }

    /** Frames the decoder over a prefix can play before it must wait for more bytes. */
    private long playable(PcmDecoder decoder) {
        long present = decoder instanceof ContinuableDecoder c ? c.framesPresent() : decoder.totalFrames();
        return present - marginFrames;
    }

    private static boolean sameFormat(AudioFormat a, AudioFormat b) {
        return a.matches(b) && b.matches(a);
    }

    @Override
    public void close() {
        closed = true;
        if (inner != null) inner.close();
    }
}
