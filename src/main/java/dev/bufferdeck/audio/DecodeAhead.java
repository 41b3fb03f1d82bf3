package dev.bufferdeck.audio;

import dev.bufferdeck.audio.guard.GuardedDecoder;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One track decoding ahead on its decoder's own thread into a bounded {@link PcmRing}, which the
 * output thread reads. The decoder thread is the only one that touches the decoder; the output
 * thread asks for a seek ({@link #seek}), which the decoder thread carries out before its next read,
 * and drops the chunks decoded before it (their epoch is older). At the decoder's end the track loops
 * or puts an end chunk and waits: a later seek can still bring it back.
 *
 * <p>It never judges the decoder: whoever reads the ring decides that "nothing for the patience"
 * means stuck, unless the buffer is still arriving ({@link #isBuffering}).
 */
public final class DecodeAhead implements AutoCloseable {
    /**
     * 93 ms at 44.1 kHz: the output and decoder threads wake once per chunk or less, so a bigger chunk
     * costs less CPU while playing (2,048 woke them twice as often); the first chunk is still decoded in
     * well under a millisecond.
     */
    public static final int CHUNK_FRAMES = 4096;
    /** About 1.1 s decoded ahead at 44.1 kHz. */
    public static final int RING_CHUNKS = 12;
    private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** After many reads in a row that gave nothing, pause this long between them rather than spin. */
    private static final long EMPTY_READ_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How long the decoder waits for the output thread to take the first chunk after a start or seek. */
    private static final long FIRST_CHUNK_HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private record Request(int epoch, long frame) {}

    private final Track track;
    private final GuardedDecoder decoder;
    private final PcmRing ring = new PcmRing(RING_CHUNKS);
    private final int frameSize;
    private final AtomicReference<Request> request;
    private volatile boolean closed;
    private volatile String failure;
    private volatile String announcedTitle;
    private volatile Thread producer;   // interrupted only under this object's lock
    /** Producer thread only: the first chunk since the last start or seek was put. */
    private boolean startSent;

    /** Starts decoding {@code track} from {@code startFrame} on its decoder's thread. */
    public DecodeAhead(Track track, long startFrame) throws IOException {
        this.track = track;
        this.decoder = (GuardedDecoder) track.decoder();
        this.frameSize = track.decoder().format().getFrameSize();
        this.request = new AtomicReference<>(new Request(0, Math.max(0, startFrame)));
        decoder.decodeAhead(new GuardedDecoder.AheadLoop() {
            @Override public void run(PcmDecoder d) throws IOException { produce(d); }
            @Override public void failed(String message) {
                failure = message;
                ring.wakeConsumer();
            }
        });
    }

    public Track track() { return track; }

    // ---- consumer side (the output thread) ----

    /** The next chunk of the current epoch, or null when none is decoded yet. */
    public PcmChunk poll() {
        int epoch = request.get().epoch();
        for (PcmChunk c; (c = ring.poll()) != null; ) {
            if (c.epoch() == epoch) return c;
        }
        return null;
    }

    /** Parks the calling (consumer) thread until a chunk comes, at most {@code nanos}. */
    public void awaitChunk(long nanos) {
        ring.awaitChunk(nanos);
    }

    /** The next chunk will start at {@code frame}: what was decoded before is dropped. */
    public void seek(long frame) {
        Request r = request.get();
        request.set(new Request(r.epoch() + 1, Math.max(0, frame)));
        ring.wakeProducer();
    }

    /** Why decoding failed, or null. */
    public String failure() { return failure; }

    /** True while the decoder waits for bytes still arriving: an empty ring then is not a stuck decoder. */
    public boolean isBuffering() { return !track.buffer().isComplete(); }

    /** Gives up a decoder that produced nothing for its patience; returns the message to show. */
    public String giveUp() {
        String message = decoder.giveUp();
        failure = message;
        close();
        return message;
    }

    public long patienceNanos() { return decoder.patience().toNanos(); }

    /** Wakes a consumer parked in {@link #awaitChunk} (a command it must see). */
    public void wakeConsumer() { ring.wakeConsumer(); }

    // ---- any thread ----

    /** A stream title that starts with the next frames decoded (a source that knows titles drives this). */
    public void announceTitle(String title) {
        announcedTitle = title;
    }

    /**
     * Ends the decoder thread after its current read, interrupting a read that waits for bytes still
     * arriving; the decoder is closed on that thread.
     */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            Thread p = producer;
            if (p != null && track.buffer() != null && !track.buffer().isComplete()) p.interrupt();
        }
        ring.wakeProducer();
        track.close();
    }

    // ---- producer side (the decoder thread) ----

    private void produce(PcmDecoder d) throws IOException {
        producer = Thread.currentThread();
        try {
            produceOn(d);
        } finally {
            synchronized (this) {
                producer = null;   // the thread goes on to other work: no interrupt may reach it from here
            }
        }
    }

    private void produceOn(PcmDecoder d) throws IOException {
        int epoch = -1;
        int loopsLeft = track.loops();
        boolean ended = false;
        boolean readSinceLoop = false;
        startSent = false;
        String title = null;
        int emptyReads = 0;
        while (!closed) {
            Request r = request.get();
            if (r.epoch() != epoch) {
                epoch = r.epoch();
                startSent = false;
                if (r.frame() != d.framePosition()) d.seekToFrame(clamp(r.frame()));
                ended = false;
                readSinceLoop = r.frame() > 0;
                continue;
            }
            if (ended) {
                int endedIn = epoch;
                ring.parkProducer(IDLE_WAIT_NANOS, () -> !closed && request.get().epoch() == endedIn);
                continue;
            }
            long at = d.framePosition();
            byte[] pcm = new byte[CHUNK_FRAMES * frameSize];
            int n = d.read(pcm, 0, pcm.length);
            if (n < 0) {
                if (loopsLeft != 0 && readSinceLoop) {
                    if (loopsLeft > 0) loopsLeft--;
                    d.seekToFrame(0);
                    readSinceLoop = false;
                } else {
                    ended = put(PcmChunk.end(track, epoch, at));
                }
                continue;
            }
            if (n == 0) {
                if (++emptyReads > 16) LockSupport.parkNanos(EMPTY_READ_PAUSE_NANOS);
                continue;
            }
            emptyReads = 0;
            readSinceLoop = true;
            String changed = newTitle(d, title);
            if (changed != null) title = changed;
            if (put(new PcmChunk(track, epoch, at, pcm, n, changed, false)) && !startSent) {
                startSent = true;
                awaitFirstTaken(epoch);
            }
        }
    }

    /**
     * After the first chunk from a start or seek, lets the output thread take it before decoding
     * on: on two cores a decoder filling its ring kept the output thread (and the line's start)
     * waiting for a core. Bounded, so a track decoded ahead to follow another fills its ring anyway.
     */
    private void awaitFirstTaken(int epoch) {
        long deadline = System.nanoTime() + FIRST_CHUNK_HOLD_NANOS;
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            if (closed || request.get().epoch() != epoch || ring.size() == 0) return;
            ring.parkProducer(left, () -> !closed && request.get().epoch() == epoch && ring.size() > 0);
        }
    }

    /** A title that differs from {@code current}, announced or from the decoder; else null. */
    private String newTitle(PcmDecoder d, String current) {
        String announced = announcedTitle;
        if (announced != null) {
            announcedTitle = null;
            if (!announced.equals(current)) return announced;
        }
        if (d instanceof TitledDecoder t) {
            String now = t.title();
            if (now != null && !now.equals(current)) return now;
        }
        return null;
    }

    /**
     * Waits for room; false when a seek or close made the chunk worthless first. A full ring is left
     * to drain to its refill mark before decoding on, so the decoder thread wakes once per half ring.
     */
    private boolean put(PcmChunk chunk) {
        while (!closed && request.get().epoch() == chunk.epoch()) {
            if (ring.offer(chunk)) return true;
            ring.parkProducer(IDLE_WAIT_NANOS, () -> !closed && request.get().epoch() == chunk.epoch()
                    && ring.size() > ring.refillMark());
        }
        return false;
    }

    private long clamp(long frame) {
        long total = track.totalFrames();
        return total >= 0 ? Math.min(frame, total) : frame;
    }

    @Override
    public String toString() {
        return "DecodeAhead[" + track + "]";
    }
}
