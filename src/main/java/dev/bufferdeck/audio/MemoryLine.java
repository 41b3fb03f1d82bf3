package dev.bufferdeck.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.BooleanControl;
import javax.sound.sampled.FloatControl;
import javax.sound.sampled.SourceDataLine;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Our line between decoded buffers and Java Sound: a named audio thread pulls PCM from the current
 * track's decoder and writes it into an opened {@link SourceDataLine}. Commands (pause, seek, volume,
 * queue) come from any thread and never wait for the audio thread; the position is what the line
 * reports as played, mapped back onto the track. Tracks queued with the same format continue on the
 * same line with no gap.
 *
 * <p>{@link Events} are called on the audio thread and must return at once.
 */
public final class MemoryLine implements AutoCloseable {
    public static final String THREAD_NAME = "bufferdeck-audio";
    static final int CHUNK_FRAMES = 2048;
    private static final int TAP_FRAMES = 16_384;
    /** A track queued while the line still holds this much audio follows without a gap. */
    private static final int LATE_QUEUE_MARGIN_MILLIS = 20;
    /** How long a running line may accept nothing before the output counts as gone. */
    private static final long REFUSED_WRITE_NANOS = 5_000_000_000L;

    /** What happens on the audio thread. Implementations hand the news over and return. */
    public interface Events {
        /** A queued track became audible (its first frame was played). */
        default void trackStarted(Track track) {}
        /** A track's last frame was played. */
        default void trackEnded(Track track) {}
        /** The audio thread began decoding a queued track: there is room to queue the one after. */
        default void nextTaken(Track track) {}
        /** Everything was played; the line and decoders are closed. */
        default void finished() {}
        /** Decoding or the line failed; the line and decoders are closed. */
        default void failed(String message) {}
    }

    /** From line frame {@code lineStart} on, the line plays {@code track} from {@code sourceStart}. */
    private record Segment(Track track, long lineStart, long sourceStart, int loopsLeft) {}

    private final SourceDataLine line;
    private final AudioFormat format;
    private final int frameSize;
    private final Events events;
    private final PcmTap tap;
    private final FloatControl gain;
    private final BooleanControl mute;
    private final Thread thread;
    private final long startFrame;
    private final Object lineLock = new Object();
    private final AtomicLong seekRequest = new AtomicLong(-1);
    private final Deque<Track> upcoming = new ArrayDeque<>();
    private boolean accepting = true;

    private volatile boolean paused;
    private volatile boolean stopping;
    private volatile boolean draining;
    private volatile double volume = 1;
    private volatile boolean muted;
    private volatile Segment[] segments;
    /** The position when the line was released, or -1 while it is open. */
    private volatile long releasedAt = -1;

    // audio thread only (set up by start() before the thread runs)
    private final byte[] buf;
    private int primedOffset;
    private int primedLength;
    private Exception primeFailure;
    private Track writer;
    private int loopsLeft;
    private long writeFrame;
    private boolean wroteSinceLoop;

    /**
     * @param line an opened line in the decoder's format; this object closes it
     * @param first the track to play; this object closes its decoder
     * @param startFrame where in {@code first} to start
     */
    public MemoryLine(SourceDataLine line, Track first, long startFrame, Events events) {
        this.line = line;
        this.format = line.getFormat();
        this.frameSize = format.getFrameSize();
        if (!sameFormat(format, first.decoder().format())) {
            throw new IllegalArgumentException("line format " + format + " differs from the decoder's "
                    + first.decoder().format());
        }
        this.events = events;
        this.tap = new PcmTap(format, TAP_FRAMES);
        this.gain = line.isControlSupported(FloatControl.Type.MASTER_GAIN)
                ? (FloatControl) line.getControl(FloatControl.Type.MASTER_GAIN) : null;
        this.mute = line.isControlSupported(BooleanControl.Type.MUTE)
                ? (BooleanControl) line.getControl(BooleanControl.Type.MUTE) : null;
        this.writer = first;
        this.buf = new byte[CHUNK_FRAMES * frameSize];
        this.loopsLeft = first.loops();
        this.startFrame = Math.max(0, startFrame);
        long base = line.getLongFramePosition();
        this.writeFrame = base;
        this.segments = new Segment[] {new Segment(first, base, this.startFrame, first.loops())};
        this.thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Starts the audio thread (once). */
    /**
     * Primes the line with the first chunk on the calling thread (so the first frame reaches the line
     * without waiting for a new thread to be scheduled), starts it, then starts the audio thread. A
     * failure while priming is reported by the audio thread like any other. Call once.
     */
    public MemoryLine start() {
        try {
            prime();
        } catch (IOException | RuntimeException e) {
            primeFailure = e;
        }
        thread.start();
        return this;
    }

    private void prime() throws IOException {
        if (startFrame > 0) writer.decoder().seekToFrame(startFrame);
        wroteSinceLoop = startFrame > 0;
        int n = writer.decoder().read(buf, 0, buf.length);
        if (n > 0) {
            prepare(n);
            int room = Math.max(0, line.available());
            int w = line.write(buf, 0, Math.min(n, room - room % frameSize));
            writeFrame += w / frameSize;
            primedOffset = w;
            primedLength = n;
        }
        synchronized (lineLock) {
            if (!paused && !stopping) line.start();
        }
    }

    public AudioFormat format() { return format; }
    public PcmTap tap() { return tap; }
    public boolean isPaused() { return paused; }
    /** True when the volume is applied by the line's MASTER_GAIN rather than in software. */
    public boolean hasGainControl() { return gain != null; }

    public void pause() {
        synchronized (lineLock) {
            paused = true;
            line.stop();
        }
    }

    public void resume() {
        synchronized (lineLock) {
            paused = false;
            if (!stopping) line.start();
        }
        LockSupport.unpark(thread);
    }

    /** Moves the audible track to {@code frame}; what was queued in the line is dropped. */
    public void seek(long frame) {
        seekRequest.set(Math.max(0, frame));
        synchronized (lineLock) {
            line.flush();
        }
        LockSupport.unpark(thread);
    }

    /** 0..1 on the perceptual curve of {@link SoftwareGain}. */
    public void setVolume(double volume) {
        this.volume = Math.max(0, Math.min(1, volume));
        if (gain != null) {
            double db = SoftwareGain.decibels(this.volume);
            gain.setValue((float) Math.max(gain.getMinimum(), Math.min(gain.getMaximum(), db)));
        }
    }

    public void setMuted(boolean muted) {
        this.muted = muted;
        if (mute != null) mute.setValue(muted);
    }

    /**
     * Queues a track to follow the last one with no gap. Refused (false) when its format differs from
     * the line's, or when the line already reached the end of what it had.
     */
    public boolean queueNext(Track track) {
        if (!sameFormat(format, track.decoder().format())) return false;
        synchronized (upcoming) {
            if (!accepting) return false;
            upcoming.addLast(track);
            return true;
        }
    }

    /** The track being heard. */
    public Track currentTrack() {
        return heardSegment(line.getLongFramePosition()).track();
    }

    /** The frame of the audible track being heard now. */
    public long positionFrames() {
        long released = releasedAt;
        if (released >= 0) return released;
        long linePos = line.getLongFramePosition();
        Segment seg = heardSegment(linePos);
        long frames = seg.sourceStart() + Math.max(0, linePos - seg.lineStart());
        long total = seg.track().totalFrames();
        return total >= 0 ? Math.min(frames, total) : frames;
    }

    public long positionMillis() {
        return (long) (positionFrames() * 1000.0 / format.getFrameRate());
    }

    /** Stops at once and releases the line and decoders; no event follows. Waits for the audio thread. */
    @Override
    public void close() {
        stopping = true;
        synchronized (lineLock) {
            line.stop();
            line.flush();
        }
        thread.interrupt();
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread && thread.isAlive()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True once the audio thread has ended (or was never started). */
    public boolean isDone() {
        return !thread.isAlive();
    }

    // ---- audio thread ----

    private void run() {
        String failure = null;
        boolean finished = false;
        try {
            if (primeFailure instanceof IOException io) throw io;
            if (primeFailure instanceof RuntimeException re) throw re;
            if (primedOffset < primedLength) writeFully(buf, primedOffset, primedLength);
            while (!stopping) {
                long seek = seekRequest.getAndSet(-1);
                if (seek >= 0) {
                    seekTo(seek);
                    continue;
                }
                if (paused) {
                    LockSupport.parkNanos(20_000_000);
                    continue;
                }
                promote(line.getLongFramePosition());
                int n = writer.decoder().read(buf, 0, buf.length);
                if (n < 0) {
                    if (advance()) continue;
                    if (finish()) {
                        finished = !stopping;
                        break;
                    }
                    continue;
                }
                if (n == 0) continue;
                prepare(n);
                writeFully(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            failure = describe(e);
        } catch (Error e) {
            failure = "playback failed: " + e;
        } finally {
            release();
        }
        if (stopping) return;
        if (failure != null) {
            events.failed(failure);
        } else if (finished) {
            events.finished();
        }
    }

    /** Hands fresh PCM to the tap, then applies volume and mute in software when the line cannot. */
    private void prepare(int n) {
        wroteSinceLoop = true;
        tap.offer(buf, 0, n);
        double factor = (muted && mute == null) ? 0 : (gain == null ? SoftwareGain.amplitude(volume) : 1);
        SoftwareGain.apply(buf, 0, n, format, factor);
    }

    private void writeFully(byte[] buf, int off, int n) throws IOException {
        long refusedSince = -1;
        while (off < n && !stopping) {
            if (seekRequest.get() >= 0) return;
            if (paused) {
                LockSupport.parkNanos(20_000_000);
                refusedSince = -1;
                continue;
            }
            int w = line.write(buf, off, n - off);
            off += w;
            writeFrame += w / frameSize;
            promote(line.getLongFramePosition());
            if (w == 0 && off < n) {
                // a device taken away: its line was closed from outside, or it accepts nothing any more
                if (!line.isOpen() && !stopping) throw new IOException("the audio output was closed");
                long now = System.nanoTime();
                if (refusedSince < 0) refusedSince = now;
                else if (now - refusedSince > REFUSED_WRITE_NANOS && !paused && !stopping) {
                    throw new IOException("the audio output stopped taking data");
                }
                LockSupport.parkNanos(1_000_000);
            } else {
                refusedSince = -1;
            }
        }
    }

    /** At the end of the writer's decoder: loop it, or take the next queued track. */
    private boolean advance() throws IOException {
        if (loopsLeft != 0 && wroteSinceLoop) {
            if (loopsLeft > 0) loopsLeft--;
            writer.decoder().seekToFrame(0);
            wroteSinceLoop = false;
            addSegment(writer, 0);
            return true;
        }
        Track next;
        synchronized (upcoming) {
            next = upcoming.pollFirst();
            if (next == null) return false;
        }
        writer = next;
        loopsLeft = next.loops();
        wroteSinceLoop = false;
        addSegment(next, next.decoder().framePosition());
        events.nextTaken(next);
        return true;
    }

    /** Waits until all written frames were played. False when a seek came in meanwhile. */
    private boolean finish() {
        if (awaitLateQueue()) return false;
        followBoundaries();
        while (true) {
            draining = true;
            try {
                line.drain();
            } finally {
                draining = false;
            }
            Thread.interrupted();
            if (stopping) return true;
            if (seekRequest.get() >= 0) {
                synchronized (upcoming) { accepting = true; }
                return false;
            }
            if (paused) {
                LockSupport.parkNanos(20_000_000);
                continue;
            }
            break;
        }
        promote(Long.MAX_VALUE);
        events.trackEnded(segments[0].track());
        return true;
    }

    /**
     * While the line still holds more than {@link #LATE_QUEUE_MARGIN_MILLIS} of audio, a track queued
     * now can still follow without a gap: true when one arrived (or a seek came in). Otherwise the
     * queue is closed and false returned.
     */
    private boolean awaitLateQueue() {
        long margin = (long) (format.getFrameRate() * LATE_QUEUE_MARGIN_MILLIS / 1000);
        long last = -1;
        long stalledSince = System.nanoTime();
        while (!stopping && seekRequest.get() < 0) {
            synchronized (upcoming) {
                if (!upcoming.isEmpty()) return true;
            }
            long pos = line.getLongFramePosition();
            promote(pos);
            if (writeFrame - pos <= margin && !paused) break;
            long now = System.nanoTime();
            if (pos != last || paused) {
                last = pos;
                stalledSince = now;
            } else if (now - stalledSince > 2_000_000_000L) {
                break;
            }
            LockSupport.parkNanos(2_000_000);
        }
        synchronized (upcoming) {
            if (!upcoming.isEmpty() || (seekRequest.get() >= 0 && !stopping)) return true;
            accepting = false;
            return false;
        }
    }

    /**
     * While the line plays out what was written, tells when each queued track becomes audible. Gives
     * up when the line stops advancing (a driver that never reports the last frames).
     */
    private void followBoundaries() {
        long last = -1;
        long stalledSince = System.nanoTime();
        while (segments.length > 1 && !stopping && seekRequest.get() < 0) {
            long pos = line.getLongFramePosition();
            promote(pos);
            long now = System.nanoTime();
            if (pos != last || paused) {
                last = pos;
                stalledSince = now;
            } else if (now - stalledSince > 2_000_000_000L) {
                return;
            }
            LockSupport.parkNanos(5_000_000);
        }
    }

    private void seekTo(long frame) throws IOException {
        promote(line.getLongFramePosition());
        Segment heard = segments[0];
        Track target = heard.track();
        List<Track> ahead = new ArrayList<>();
        for (Segment s : segments) {
            if (s.track() != target && !ahead.contains(s.track())) ahead.add(s.track());
        }
        if (!ahead.isEmpty()) {
            for (Track t : ahead) t.decoder().seekToFrame(0);
            synchronized (upcoming) {
                for (int i = ahead.size() - 1; i >= 0; i--) upcoming.addFirst(ahead.get(i));
                accepting = true;
            }
        }
        writer = target;
        loopsLeft = heard.loopsLeft();
        synchronized (lineLock) {
            line.flush();
        }
        long total = target.totalFrames();
        long to = total >= 0 ? Math.min(frame, total) : frame;
        target.decoder().seekToFrame(to);
        wroteSinceLoop = to > 0;
        long base = line.getLongFramePosition();
        writeFrame = base;
        segments = new Segment[] {new Segment(target, base, to, loopsLeft)};
    }

    private void addSegment(Track track, long sourceStart) {
        Segment[] s = segments;
        Segment[] longer = Arrays.copyOf(s, s.length + 1);
        longer[s.length] = new Segment(track, writeFrame, sourceStart, loopsLeft);
        segments = longer;
    }

    /** Drops the segments the line has played past, telling which tracks ended and started. */
    private void promote(long linePos) {
        Segment[] s = segments;
        int i = 0;
        while (i + 1 < s.length && s[i + 1].lineStart() <= linePos) {
            Track old = s[i].track();
            Track now = s[i + 1].track();
            if (old != now) {
                events.trackEnded(old);
                if (old != writer) old.close();
                events.trackStarted(now);
            }
            i++;
        }
        if (i > 0) segments = Arrays.copyOfRange(s, i, s.length);
    }

    private Segment heardSegment(long linePos) {
        Segment[] s = segments;
        Segment seg = s[0];
        for (Segment x : s) {
            if (x.lineStart() <= linePos) seg = x;
        }
        return seg;
    }

    private void release() {
        try {
            releasedAt = positionFrames();
        } catch (RuntimeException e) {
            releasedAt = 0;
        }
        try {
            line.stop();
            line.flush();
            line.close();
        } catch (RuntimeException ignored) {
            // the line is gone either way
        }
        writer.close();
        for (Segment s : segments) s.track().close();
        synchronized (upcoming) {
            accepting = false;
            for (Track t : upcoming) t.close();
            upcoming.clear();
        }
    }

    private String describe(Exception e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "playback of " + writer + " failed: " + what;
    }

    static boolean sameFormat(AudioFormat a, AudioFormat b) {
        return a.matches(b) && b.matches(a);
    }
}
