package dev.bufferdeck.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One opened line and the one output thread that feeds it. The thread only moves decoded PCM: it
 * takes chunks from the ring of the track being written ({@link DecodeAhead}), passes them through the
 * {@link PcmChain} (volume last), writes them into the line and records them in the
 * {@link PlaybackTimeline}. It reads the line's play position between writes and tells, through
 * {@link Events}, when a track or a stream title starts being heard.
 *
 * <p>Threads: commands (pause, seek, volume, next) come from any thread and never wait for the output
 * thread; they set a field and unpark it. The thread parks when it has nothing to do — while paused,
 * while the ring is empty, while the line plays out its last frames — for as long as the line needs,
 * never polling at a fixed period. Readers (position, current track, tap) read the volatile timeline
 * and the line's position. One lock orders starting and stopping the line, because a pause must stop
 * the line at once while the output thread may be inside a write.
 *
 * <p>Tracks with the same format follow each other on the same line with no gap: the next track is
 * offered with {@link #offerNext} and decodes ahead into its own ring until it is taken.
 */
public final class OutputLoop implements AutoCloseable {
    public static final String THREAD_NAME = "bufferdeck-audio";
    private static final int TAP_FRAMES = 65_536;
    /** A track offered while the line still holds this much audio follows without a gap. */
    private static final int LATE_NEXT_MARGIN_MILLIS = 20;
    /** How long a running line may accept nothing before the output counts as gone. */
    private static final long REFUSED_WRITE_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How long a line may report no progress while it plays out before we stop waiting for it. */
    private static final long LINE_STALL_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long STARVED_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** What happens on the output thread. Implementations hand the news over and return at once. */
    public interface Events {
        /** The first frame of {@code track} was heard. */
        default void trackStarted(Track track) {}
        /** The last frame of {@code track} was heard. */
        default void trackEnded(Track track) {}
        /** The offered next track was taken: there is room to offer the one after. */
        default void nextTaken(Track track) {}
        /** The first frame under a new stream title was heard. */
        default void titleChanged(Track track, String title) {}
        /** The ring ran dry while the track's bytes are still arriving (true), or PCM flows again (false). */
        default void buffering(Track track, boolean buffering) {}
        /** Everything was played; the line and decoders are closed. */
        default void finished() {}
        /** Decoding or the line failed; the line and decoders are closed. */
        default void failed(String message) {}
    }

    private final SourceDataLine line;
    private final AudioFormat format;
    private final int frameSize;
    private final Events events;
    private final PcmTap tap;
    private final PcmChain chain;
    /** The thread running {@link #run}, null before and after; guarded by {@link #threadLock} for interrupts. */
    private volatile Thread thread;
    private final Object threadLock = new Object();
    private final CountDownLatch ran = new CountDownLatch(1);
    private volatile boolean started;
    private final Object lineLock = new Object();
    private final Object nextLock = new Object();
    private final AtomicLong seekRequest = new AtomicLong(-1);
    /** {@link #seekRequest} value asking to drop the tracks written after the heard one. */
    private static final long CUT_AFTER_HEARD = Long.MAX_VALUE;

    // commands, from any thread
    private volatile boolean paused;
    private volatile boolean stopping;
    private DecodeAhead next;            // guarded by nextLock
    private boolean accepting = true;    // guarded by nextLock

    // written by the output thread, read anywhere
    private volatile PlaybackTimeline<Track> timeline;
    private volatile long tapDelta;
    private volatile long releasedAt = -1;
    private volatile long framesWritten;

    // output thread only
    private final List<DecodeAhead> lineup = new ArrayList<>();
    private DecodeAhead writing;
    private boolean writingEnded;
    private boolean lineStarted;
    private long budgetLeft;
    private Track heard;
    private String heardTitle;
    private long starvedSince = -1;
    private boolean buffering;

    /**
     * @param line an opened line in the track's format; this object closes it
     * @param first the track to play, decoding ahead from where it should start; this object closes it
     * @param startFrame where {@code first} starts (what the position reads until its first frame is heard)
     * @param frameBudget how many frames to write at most before finishing (Long.MAX_VALUE: no limit)
     */
    public OutputLoop(SourceDataLine line, DecodeAhead first, long startFrame, long frameBudget, Events events) {
        this.line = line;
        this.format = line.getFormat();
        this.frameSize = format.getFrameSize();
        if (!sameFormat(format, first.track().decoder().format())) {
            throw new IllegalArgumentException("line format " + format + " differs from the decoder's "
                    + first.track().decoder().format());
        }
        this.events = events;
        this.tap = new PcmTap(format, TAP_FRAMES);
        this.chain = new PcmChain(new VolumeStage(line));
        this.writing = first;
        this.lineup.add(first);
        this.budgetLeft = frameBudget;
        long base = line.getLongFramePosition();
        this.timeline = PlaybackTimeline.startingAt(base, first.track(), Math.max(0, startFrame));
        this.tapDelta = -base;
        tap.followClock(() -> line.getLongFramePosition() + tapDelta);
    }

    /** Starts the output thread (once), on a {@linkplain WarmThreads warm thread}. */
    public OutputLoop start() {
        if (started) throw new IllegalStateException("started already");
        started = true;
        WarmThreads.run(THREAD_NAME, Thread.MAX_PRIORITY, () -> {
            thread = Thread.currentThread();
            try {
                run();
            } finally {
                synchronized (threadLock) {
                    thread = null;
                }
                ran.countDown();
            }
        });
        return this;
    }

    public AudioFormat format() { return format; }
    /** The latest PCM written, read up to what is heard (for the spectrum and waveform views). */
    public PcmTap tap() { return tap; }
    /** Where gain stages go. */
    public PcmChain chain() { return chain; }
    public boolean isPaused() { return paused; }
    public boolean hasGainControl() { return chain.volume().hasGainControl(); }
    public void setVolume(double volume) { chain.volume().setVolume(volume); }
    public void setMuted(boolean muted) { chain.volume().setMuted(muted); }
    /** Frames written into the line so far. */
    public long framesWritten() { return framesWritten; }

    public void pause() {
        synchronized (lineLock) {
            paused = true;
            line.stop();
        }
    }

    public void resume() {
        synchronized (lineLock) {
            paused = false;
            if (!stopping && lineStarted) line.start();
        }
        LockSupport.unpark(thread);
    }

    /** Moves the heard track to {@code frame}; what the line held is dropped. */
    public void seek(long frame) {
        seekRequest.set(Math.max(0, frame));
        synchronized (lineLock) {
            line.flush();   // ends a write the output thread may be blocked in
        }
        LockSupport.unpark(thread);
    }

    /**
     * Offers the track to follow the one written last, with no gap. Refused (false) when its format
     * differs from the line's, another is offered already, or the line is playing out its end.
     */
    public boolean offerNext(DecodeAhead track) {
        if (!sameFormat(format, track.track().decoder().format())) return false;
        synchronized (nextLock) {
            if (!accepting || next != null) return false;
            next = track;
        }
        LockSupport.unpark(thread);
        return true;
    }

    /**
     * Drops what was written of the tracks after the heard one (a next track taken but not yet
     * heard): the heard one continues from where it is, and a new next track can be offered.
     */
    public void cutAfterHeard() {
        seekRequest.set(CUT_AFTER_HEARD);
        synchronized (lineLock) {
            line.flush();
        }
        LockSupport.unpark(thread);
    }

    /** Takes back the offered next track if the output thread has not taken it yet; else null. */
    public DecodeAhead withdrawNext() {
        synchronized (nextLock) {
            DecodeAhead n = next;
            next = null;
            return n;
        }
    }

    /** The track being heard. */
    public Track currentTrack() {
        Track t = timeline.trackAt(line.getLongFramePosition());
        return t == null ? writing.track() : t;
    }

    /** The frame of the heard track being heard now. */
    public long positionFrames() {
        long released = releasedAt;
        if (released >= 0) return released;
        PlaybackTimeline<Track> t = timeline;
        long pos = line.getLongFramePosition();
        PlaybackTimeline.Segment<Track> s = t.at(pos);
        if (s == null) return 0;
        long frames = t.sourceFrameAt(pos);
        long total = s.track().totalFrames();
        return total >= 0 ? Math.min(frames, total) : frames;
    }

    public long positionMillis() {
        return (long) (positionFrames() * 1000.0 / format.getFrameRate());
    }

    /** Stops at once and releases the line and decoders; no event follows. Waits for the output thread. */
    @Override
    public void close() {
        stopping = true;
        synchronized (lineLock) {
            line.stop();
            line.flush();
        }
        Thread t;
        synchronized (threadLock) {
            t = thread;
            if (t != null) t.interrupt();
        }
        LockSupport.unpark(t);
        if (started && Thread.currentThread() != t) {
            try {
                ran.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True once the output thread has ended (or was never started). */
    public boolean isDone() {
        return !started || ran.getCount() == 0;
    }

    // ---- output thread ----

    private void run() {
        String failure = null;
        boolean finished = false;
        try {
            while (!stopping) {
                long seek = seekRequest.getAndSet(-1);
                if (seek >= 0) {
                    seekTo(seek);
                    continue;
                }
                followHeard();
                if (paused) {
                    LockSupport.park(this);
                    continue;
                }
                if (writingEnded && advance()) continue;
                if (writingEnded || budgetLeft <= 0) {
                    if (finish()) {
                        finished = !stopping;
                        break;
                    }
                    continue;
                }
                PcmChunk chunk = writing.poll();
                if (chunk == null) {
                    awaitPcm();
                    continue;
                }
                fed();
                if (chunk.end()) {
                    writingEnded = true;
                    continue;
                }
                write(chunk);
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

    private void write(PcmChunk chunk) throws IOException {
        int len = chunk.length();
        long frames = len / frameSize;
        if (frames > budgetLeft) {
            frames = budgetLeft;
            len = (int) frames * frameSize;
        }
        timeline = timeline.written(chunk.track(), chunk.sourceFrame(), frames, chunk.title());
        tap.offer(chunk.pcm(), 0, len);
        chain.apply(chunk.track(), chunk.pcm(), 0, len);
        startLine();
        writeFully(chunk.pcm(), len);
        budgetLeft -= frames;
    }

    private void startLine() {
        if (lineStarted) return;
        synchronized (lineLock) {
            lineStarted = true;
            if (!paused && !stopping) line.start();
        }
    }

    private void writeFully(byte[] buf, int n) throws IOException {
        int off = 0;
        long refusedSince = -1;
        while (off < n && !stopping) {
            if (seekRequest.get() >= 0) return;
            if (paused) {
                LockSupport.park(this);
                refusedSince = -1;
                continue;
            }
            int w = line.write(buf, off, n - off);
            off += w;
            framesWritten += w / frameSize;
            followHeard();
            if (w == 0 && off < n) {
                // a device taken away: its line was closed from outside, or it accepts nothing any more
                if (!line.isOpen() && !stopping) throw new IOException("the audio output was closed");
                long now = System.nanoTime();
                if (refusedSince < 0) refusedSince = now;
                else if (now - refusedSince > REFUSED_WRITE_NANOS && !paused && !stopping) {
                    throw new IOException("the audio output stopped taking data");
                }
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
            } else {
                refusedSince = -1;
            }
        }
    }

    /**
     * The ring of the track being written is empty: fails on a decoder error or one that produced
     * nothing for its patience (unless its bytes are still arriving: then it is buffering), else parks
     * until PCM comes.
     */
    private void awaitPcm() throws IOException {
        String failure = writing.failure();
        if (failure != null) throw new IOException(failure);
        long now = System.nanoTime();
        if (writing.isBuffering()) {
            starvedSince = -1;
            if (!buffering) {
                buffering = true;
                events.buffering(writing.track(), true);
            }
        } else if (starvedSince < 0) {
            starvedSince = now;
        } else if (now - starvedSince > writing.patienceNanos()) {
            throw new IOException(writing.giveUp());
        }
        writing.awaitChunk(STARVED_PARK_NANOS);
    }

    /** PCM came: no longer starved or buffering. */
    private void fed() {
        starvedSince = -1;
        if (buffering) {
            buffering = false;
            events.buffering(writing.track(), false);
        }
    }

    /** Continues with the track after the one that ended: one taken before a seek back, or the offered one. */
    private boolean advance() {
        int i = lineup.indexOf(writing);
        DecodeAhead following = i + 1 < lineup.size() ? lineup.get(i + 1) : null;
        boolean taken = false;
        if (following == null) {
            synchronized (nextLock) {
                following = next;
                next = null;
            }
            if (following == null) return false;
            lineup.add(following);
            taken = true;
        }
        writing = following;
        writingEnded = false;
        if (taken) events.nextTaken(following.track());
        return true;
    }

    /**
     * Plays out what the line holds. While more than {@link #LATE_NEXT_MARGIN_MILLIS} is left, a track
     * offered now still follows without a gap (false is returned so the loop takes it), as does a seek.
     * True when everything was heard (or the line stopped reporting progress) or on close.
     */
    private boolean finish() {
        long margin = (long) (format.getFrameRate() * LATE_NEXT_MARGIN_MILLIS / 1000);
        boolean lastCall = budgetLeft <= 0;
        if (lastCall) closeOffers();
        LineWatch watch = new LineWatch();
        while (!lastCall) {
            if (stopping) return true;
            if (seekRequest.get() >= 0 || hasNext()) return false;
            long pos = followHeard();
            long left = timeline.lineEnd() - pos;
            if (paused) {
                LockSupport.park(this);
                watch.reset();
                continue;
            }
            if (left <= margin || watch.stalled(pos)) {
                if (closeOffers()) break;
                return false;
            }
            parkFor(left - margin);
        }
        watch.reset();
        while (!stopping && seekRequest.get() < 0) {
            long pos = followHeard();
            if (pos >= timeline.lineEnd() || watch.stalled(pos)) break;
            if (paused) {
                LockSupport.park(this);
                watch.reset();
                continue;
            }
            parkFor(untilNextChange(pos));
        }
        if (stopping) return true;
        if (seekRequest.get() >= 0) {
            synchronized (nextLock) { accepting = true; }
            return false;
        }
        line.drain();
        Thread.interrupted();
        if (heard != null) events.trackEnded(heard);
        return true;
    }

    /** Frames from {@code pos} to the next segment start (a track or title change), or to the end. */
    private long untilNextChange(long pos) {
        for (PlaybackTimeline.Segment<Track> s : timeline.segments()) {
            if (s.lineStart() > pos) return s.lineStart() - pos;
        }
        return timeline.lineEnd() - pos;
    }

    private void parkFor(long frames) {
        long nanos = (long) (Math.max(1, frames) * 1e9 / format.getFrameRate());
        LockSupport.parkNanos(this, Math.min(MAX_PARK_NANOS, nanos));
    }

    private boolean hasNext() {
        synchronized (nextLock) { return next != null; }
    }

    /** Refuses further offers; false when one arrived just before. */
    private boolean closeOffers() {
        synchronized (nextLock) {
            if (next != null && budgetLeft > 0) return false;
            accepting = false;
            return true;
        }
    }

    /** Notices a line whose position stopped moving (a driver that never reports its last frames). */
    private static final class LineWatch {
        private long last = -1;
        private long since = System.nanoTime();

        boolean stalled(long pos) {
            long now = System.nanoTime();
            if (pos != last) {
                last = pos;
                since = now;
                return false;
            }
            return now - since > LINE_STALL_NANOS;
        }

        void reset() {
            last = -1;
            since = System.nanoTime();
        }
    }

    /** Moves the heard track to {@code frame}, or cuts after it at the heard frame ({@link #CUT_AFTER_HEARD}). */
    private void seekTo(long frame) {
        followHeard();
        Track target = heard != null ? heard : writing.track();
        DecodeAhead feed = writing;
        for (DecodeAhead d : lineup) if (d.track() == target) feed = d;
        int i = lineup.indexOf(feed);
        boolean cut = frame == CUT_AFTER_HEARD;
        if (cut) {
            synchronized (lineLock) {
                line.flush();
            }
            frame = Math.max(0, timeline.sourceFrameAt(line.getLongFramePosition()));
            while (lineup.size() > i + 1) lineup.remove(i + 1).close();
        } else {
            for (int j = i + 1; j < lineup.size(); j++) lineup.get(j).seek(0);
        }
        synchronized (lineLock) {
            line.flush();
        }
        long total = target.totalFrames();
        long to = total >= 0 ? Math.min(frame, total) : frame;
        feed.seek(to);
        writing = feed;
        writingEnded = false;
        starvedSince = -1;
        synchronized (nextLock) { accepting = true; }
        long base = line.getLongFramePosition();
        timeline = PlaybackTimeline.startingAt(base, target, to);
        tapDelta = tap.framesOffered() - base;
    }

    /**
     * Maps the line's position onto the timeline: tells which track and title became audible, drops
     * what was heard and closes the decoders of tracks heard to their end. Returns the position.
     */
    private long followHeard() {
        long pos = line.getLongFramePosition();
        PlaybackTimeline<Track> t = timeline;
        PlaybackTimeline.Segment<Track> s = t.at(pos);
        if (s == null || s.frames() == 0 && heard == null) return pos;
        if (s.track() != heard) {
            if (heard != null) events.trackEnded(heard);
            heard = s.track();
            heardTitle = null;
            events.trackStarted(heard);
        }
        if (s.title() != null && !s.title().equals(heardTitle)) {
            heardTitle = s.title();
            events.titleChanged(heard, heardTitle);
        }
        timeline = t.heardUpTo(pos);
        while (lineup.size() > 1 && lineup.get(0).track() != heard && lineup.get(0) != writing) {
            lineup.remove(0).close();
        }
        return pos;
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
        for (DecodeAhead d : lineup) d.close();
        synchronized (nextLock) {
            accepting = false;
            if (next != null) next.close();
            next = null;
        }
    }

    private String describe(Exception e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "playback of " + writing.track() + " failed: " + what;
    }

    static boolean sameFormat(AudioFormat a, AudioFormat b) {
        return a.matches(b) && b.matches(a);
    }
}
