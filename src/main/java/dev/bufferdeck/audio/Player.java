package dev.bufferdeck.audio;

import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.audio.guard.GuardedDecoder;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.threads.ThreadPriority;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Plays buffers through an {@link OutputLoop} on one output. Commands may come from any thread: they
 * are applied in order on the player's control thread and return a future that completes once
 * applied. Listeners hear events in order on the player's event thread; the output and decoder
 * threads only hand news over and never wait for either.
 *
 * <p>States: IDLE → LOADING → PLAYING ⇄ PAUSED → STOPPED / ENDED / ERROR. The player owns the track
 * that follows the current one ({@link #setNext}, or a list of them with {@link #queueNext}): it is
 * opened and decodes ahead at once, and follows on the same line with no gap when its format matches,
 * else on a new line.
 */
public final class Player implements AutoCloseable {
    public static final String CONTROL_THREAD = "bufferdeck-player";
    public static final String EVENT_THREAD = "bufferdeck-player-events";

    private volatile AudioOutput output;
    private final DecoderOpener opener;
    private final List<PlayerListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> daemon(r, CONTROL_THREAD));
    private final ExecutorService eventThread = Executors.newSingleThreadExecutor(r -> daemon(r, EVENT_THREAD));
    private String pendingNotice;

    // written on the control thread, read anywhere
    private volatile PlayerState state = PlayerState.IDLE;
    private volatile MediaBuffer current;
    private volatile OutputLoop line;
    private volatile double volume = 1;
    private volatile boolean muted;
    private volatile Function<AudioFormat, List<PcmStage>> shaping = format -> List.of();
    private volatile long endedMillis;
    private volatile long currentTotalFrames = -1;
    private volatile float currentRate;
    private volatile boolean buffering;
    private volatile String title;
    private volatile boolean limitReached;

    // control thread only
    private final Deque<MediaBuffer> upcoming = new ArrayDeque<>();
    /** The head of {@link #upcoming}, opened and decoding ahead, not yet offered to a line. */
    private DecodeAhead prepared;
    /** Offered to the line, which may have taken it already. */
    private DecodeAhead offered;
    /** Taken by the line (written after the heard track) but not heard yet. */
    private DecodeAhead taken;
    /** A buffer opened and decoding ahead before anyone asked to play it (the selected row), or null. */
    private DecodeAhead primed;
    /** Every track a line may still play, for titles announced by a source. */
    private final Map<Track, DecodeAhead> feeds = new LinkedHashMap<>();
    /** What is left of the play limit in microseconds, or -1 for none. */
    private long limitMicros = -1;

    public Player(AudioOutput output, DecoderOpener opener) {
        this.output = Objects.requireNonNull(output);
        this.opener = GuardedDecoder.guarding(Objects.requireNonNull(opener));
    }

    /** A player that decodes with {@link Decoders}. */
    public Player(AudioOutputs.Selection selection) {
        this(selection, Decoders::open);
    }

    /** A player on a chosen output; the selection's notice (if any) is told to listeners at the first play. */
    public Player(AudioOutputs.Selection selection, DecoderOpener opener) {
        this(selection.output(), opener);
        this.pendingNotice = selection.notice().isEmpty() ? null : selection.notice();
    }

    public void addListener(PlayerListener listener) { listeners.add(listener); }
    public void removeListener(PlayerListener listener) { listeners.remove(listener); }

    public PlayerState state() { return state; }
    /** The buffer being heard (or last heard), or null. */
    public MediaBuffer current() { return current; }
    /** The output's device name, or "memory sink". */
    public String outputName() { return output.name(); }
    public double volume() { return volume; }
    public boolean isMuted() { return muted; }
    /** True while playback waits for bytes still arriving. */
    public boolean isBuffering() { return buffering; }
    /** The stream title heard last for the current buffer, or null. */
    public String title() { return title; }

    /** The output in use, or null when nothing is playing or paused. */
    public OutputLoop line() { return line; }

    /** The PCM tap of the output playing (for the spectrum), or null. */
    public PcmTap tap() {
        OutputLoop l = line;
        return l == null ? null : l.tap();
    }

    /** What has been heard of the current buffer, in milliseconds. */
    public long positionMillis() {
        OutputLoop l = line;
        if (l != null) return l.positionMillis();
        return state == PlayerState.ENDED ? endedMillis : 0;
    }

    /** The current buffer's exact duration, or -1 when unknown or nothing is loaded. */
    public long durationMillis() {
        long frames = currentTotalFrames;
        if (frames < 0 || currentRate <= 0) return -1;
        return (long) (frames * 1000.0 / currentRate);
    }

    /**
     * Plays {@code buffer} from {@code startMillis}, then repeats it {@code loops} more times (-1 for
     * ever), then whatever was queued. Replaces what was playing and clears the queue.
     */
    public CompletableFuture<Void> play(MediaBuffer buffer, long startMillis, int loops) {
        Objects.requireNonNull(buffer);
        return submit(() -> playNow(buffer, startMillis, loops, List.of()));
    }

    /** Plays {@code buffer} (from PCM decoded ahead when there is some) with {@code then} to follow. */
    private void playNow(MediaBuffer buffer, long startMillis, int loops, List<MediaBuffer> then) {
        DecodeAhead ready = loops == 0 ? takeOpened(buffer) : null;
        clearQueue();
        upcoming.addAll(then);
        if (ready != null) {
            long frame = startFrame(ready.track().decoder(), startMillis);
            if (frame != 0) ready.seek(frame);
        }
        startTrack(buffer, startMillis, loops, ready, true);
    }

    /**
     * Plays {@code first} from {@code startMillis} with {@code then} queued after it from the start, so
     * the first track already knows what follows it (ReplayGain's album runs).
     */
    public CompletableFuture<Void> play(MediaBuffer first, long startMillis, List<MediaBuffer> then) {
        Objects.requireNonNull(first);
        List<MediaBuffer> rest = List.copyOf(then);
        return submit(() -> playNow(first, startMillis, 0, rest));
    }

    /**
     * Opens {@code buffer} and has it decode its first chunks now, so that a later {@link #play} of it
     * starts from PCM already decoded (the row a user selected, before Play is pressed). One buffer at
     * a time: preparing another, or null, lets the previous one go. A buffer that plays or follows
     * already, that is not in memory or still arriving, or that does not open, is left alone (the play
     * reports what is wrong).
     */
    public CompletableFuture<Void> prepare(MediaBuffer buffer) {
        return submit(() -> {
            if (primed != null && primed.track().buffer() == buffer) return;
            if (primed != null) primed.close();
            primed = null;
            if (buffer == null || !buffer.isResident() || !buffer.isComplete()) return;
            if (buffer == current && line != null || isQueued(buffer)) return;
            try {
                primed = openAhead(buffer, 0, 0);
            } catch (UnsupportedMediaException | RuntimeException e) {
                // the play that may follow says what is wrong
            }
        });
    }

    /** True when {@code buffer} is opened already as the track to follow. */
    private boolean isQueued(MediaBuffer buffer) {
        return prepared != null && prepared.track().buffer() == buffer
                || offered != null && offered.track().buffer() == buffer;
    }

    /**
     * The decoder opened ahead for {@code buffer}, taken out of where it waited (primed, the prepared
     * next track, or the one offered to the line and not taken yet), or null. A track that failed
     * meanwhile is closed rather than used.
     */
    private DecodeAhead takeOpened(MediaBuffer buffer) {
        DecodeAhead found = null;
        if (primed != null && primed.track().buffer() == buffer) {
            found = primed;
            primed = null;
        } else if (prepared != null && prepared.track().buffer() == buffer) {
            found = prepared;
            prepared = null;
            upcoming.pollFirst();
        } else if (offered != null && offered.track().buffer() == buffer && line != null) {
            DecodeAhead back = line.withdrawNext();
            if (back == offered) {
                found = back;
                feeds.remove(back.track());
                offered = null;
            }
        }
        if (found != null && found.failure() != null) {
            found.close();
            return null;
        }
        return found;
    }

    public CompletableFuture<Void> play(MediaBuffer buffer) {
        return play(buffer, 0, 0);
    }

    /**
     * Ends playback (ENDED) once exactly {@code millis} more have been written to the output, across
     * tracks; negative for no limit. Set it before {@link #play}.
     */
    public CompletableFuture<Void> setPlayLimit(long millis) {
        return submit(() -> {
            limitMicros = millis < 0 ? -1 : millis * 1000;
            limitReached = false;
        });
    }

    /** True once playback ended because the play limit was spent. */
    public boolean playLimitReached() { return limitReached; }

    public CompletableFuture<Void> pause() {
        return submit(() -> {
            if (state == PlayerState.PLAYING && line != null) {
                line.pause();
                setState(PlayerState.PAUSED);
            }
        });
    }

    /** Continues after a pause; after a stop or the end, plays the current buffer again from the start. */
    public CompletableFuture<Void> resume() {
        return submit(() -> {
            if (state == PlayerState.PAUSED && line != null) {
                line.resume();
                setState(PlayerState.PLAYING);
            } else if ((state == PlayerState.STOPPED || state == PlayerState.ENDED) && current != null) {
                startTrack(current, 0, 0, null);
            }
        });
    }

    public CompletableFuture<Void> togglePause() {
        return submit(() -> {
            if (state == PlayerState.PLAYING) {
                line.pause();
                setState(PlayerState.PAUSED);
            } else if (state == PlayerState.PAUSED && line != null) {
                line.resume();
                setState(PlayerState.PLAYING);
            } else if ((state == PlayerState.STOPPED || state == PlayerState.ENDED) && current != null) {
                startTrack(current, 0, 0, null);
            }
        });
    }

    /** Stops, releases the line and decoders, and forgets what was to come next. */
    public CompletableFuture<Void> stop() {
        return submit(() -> {
            if (line == null && state != PlayerState.PAUSED && state != PlayerState.PLAYING) return;
            releaseLine();
            clearQueue();
            setState(PlayerState.STOPPED);
        });
    }

    /** Moves within the current buffer; after a stop or the end, plays it again from there. */
    public CompletableFuture<Void> seek(long millis) {
        return submit(() -> {
            OutputLoop l = line;
            if (l != null) {
                l.seek(Math.round(Math.max(0, millis) * l.format().getFrameRate() / 1000.0));
            } else if ((state == PlayerState.STOPPED || state == PlayerState.ENDED) && current != null) {
                startTrack(current, millis, 0, null);
            }
        });
    }

    /**
     * Moves playback to {@code selection}'s output now: the current track continues on the new line
     * from the position heard on the old one (paused stays paused), and the queue is kept. When the
     * new output cannot open a line the player fails as at any start. Nothing playing: the next
     * track plays on the new output.
     */
    public CompletableFuture<Void> switchOutput(AudioOutputs.Selection selection) {
        return submit(() -> {
            output = Objects.requireNonNull(selection.output());
            pendingNotice = selection.notice().isEmpty() ? null : selection.notice();
            OutputLoop l = line;
            if (l == null || current == null || (state != PlayerState.PLAYING && state != PlayerState.PAUSED)) return;
            boolean paused = state == PlayerState.PAUSED;
            long at = l.positionMillis();
            if (offered != null) upcoming.addFirst(offered.track().buffer());
            if (taken != null) upcoming.addFirst(taken.track().buffer());
            if (prepared != null) prepared.close();
            prepared = null;
            startTrack(current, at, 0, null);
            if (paused && line != null) {
                line.pause();
                setState(PlayerState.PAUSED);
            }
        });
    }

    /** 0..1 on a perceptual (cubic) curve. */
    public CompletableFuture<Void> setVolume(double volume) {
        this.volume = Math.max(0, Math.min(1, volume));
        return submit(() -> {
            if (line != null) line.setVolume(this.volume);
        });
    }

    /**
     * The sound-shaping stages (ReplayGain, equalizer) for every output from now on, made for the
     * output's format; the output playing now gets them at its next chunk.
     */
    public CompletableFuture<Void> setShaping(Function<AudioFormat, List<PcmStage>> shaping) {
        this.shaping = Objects.requireNonNull(shaping);
        return submit(() -> {
            if (line != null) line.chain().setShaping(this.shaping.apply(line.format()));
        });
    }

    public CompletableFuture<Void> setMuted(boolean muted) {
        this.muted = muted;
        return submit(() -> {
            if (line != null) line.setMuted(this.muted);
        });
    }

    /**
     * Makes {@code buffer} the one track to follow the current one, replacing whatever was to follow;
     * null clears it. It is opened at once and decodes ahead, so it follows without a gap. Setting the
     * track that already follows changes nothing.
     */
    public CompletableFuture<Void> setNext(MediaBuffer buffer) {
        return submit(() -> {
            if (buffer != null && isAlreadyNext(buffer)) return;
            withdrawOffered();
            clearQueue();
            if (buffer != null) {
                upcoming.addLast(buffer);
                prepareNext();
            }
        });
    }

    /**
     * Queues {@code buffer} after the current one (and after anything queued before). The next one is
     * opened at once so it can follow without a gap.
     */
    public CompletableFuture<Void> queueNext(MediaBuffer buffer) {
        Objects.requireNonNull(buffer);
        return submit(() -> {
            upcoming.addLast(buffer);
            prepareNext();
        });
    }

    /**
     * Queues {@code buffer} after what plays, or plays it now when nothing plays (the previous track
     * already ended): decided on the control thread, so a track that ends meanwhile loses nothing.
     */
    public CompletableFuture<Void> queueOrPlay(MediaBuffer buffer) {
        Objects.requireNonNull(buffer);
        return submit(() -> {
            upcoming.addLast(buffer);
            if (line == null) startPrepared();
            else prepareNext();
        });
    }

    /**
     * A source names what {@code buffer} plays from the frames decoded next on (an ICY StreamTitle):
     * listeners hear {@link PlayerListener#titleChanged} when those frames are heard.
     */
    public CompletableFuture<Void> announceTitle(MediaBuffer buffer, String title) {
        Objects.requireNonNull(title);
        return submit(() -> {
            for (DecodeAhead feed : feeds.values()) {
                if (feed.track().buffer() == buffer) feed.announceTitle(title);
            }
        });
    }

    /** Stops playback and ends the player's threads. */
    @Override
    public void close() {
        try {
            submit(() -> {
                releaseLine();
                clearQueue();
                if (primed != null) primed.close();
                primed = null;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway
        }
        control.shutdown();
        eventThread.shutdown();
        try {
            control.awaitTermination(2, TimeUnit.SECONDS);
            eventThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- control thread ----

    private void startTrack(MediaBuffer buffer, long startMillis, int loops, DecodeAhead opened) {
        startTrack(buffer, startMillis, loops, opened, opened == null);
    }

    /** @param loading whether listeners hear LOADING first (not for a track that follows on its own) */
    private void startTrack(MediaBuffer buffer, long startMillis, int loops, DecodeAhead opened, boolean loading) {
        releaseLine();
        current = buffer;
        title = null;
        if (loading) setState(PlayerState.LOADING);
        if (pendingNotice != null) {
            String notice = pendingNotice;
            pendingNotice = null;
            fire(l -> l.notice(notice, false));
        }
        DecodeAhead feed = opened;
        try {
            if (feed == null) feed = openAhead(buffer, loops, startMillis);
        } catch (UnsupportedMediaException | RuntimeException e) {
            fail(message(buffer, e));
            return;
        }
        Track track = feed.track();
        setCurrentTrack(track);
        SourceDataLine sdl;
        try {
            sdl = output.openLine(track.decoder().format());
        } catch (OutputException | RuntimeException e) {
            feed.close();
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        long startFrame = startFrame(track.decoder(), startMillis);
        LineEvents events = new LineEvents();
        OutputLoop next = new OutputLoop(sdl, feed, startFrame, budgetFrames(sdl.getFormat().getFrameRate()), events);
        events.owner = next;
        next.setVolume(volume);
        next.setMuted(muted);
        next.chain().setShaping(shaping.apply(next.format()));
        feeds.put(track, feed);
        if (!upcoming.isEmpty()) track.follows(upcoming.peekFirst());
        line = next;
        next.start();
        if (state != PlayerState.PLAYING) setState(PlayerState.PLAYING);
        prepareNext();
    }

    private long budgetFrames(float rate) {
        if (limitMicros < 0) return Long.MAX_VALUE;
        return (long) Math.floor(limitMicros * (double) rate / 1_000_000);
    }

    /** Opens the head of the queue ahead of time and offers it to the line for a gapless follow-on. */
    private void prepareNext() {
        while (prepared == null && !upcoming.isEmpty()) {
            MediaBuffer head = upcoming.peekFirst();
            try {
                prepared = openAhead(head, 0, 0);
                Track before = lastFeed();
                if (before != null) before.follows(head);
            } catch (UnsupportedMediaException | RuntimeException e) {
                upcoming.pollFirst();
                String msg = message(head, e);
                fire(l -> l.notice(msg, true));
            }
        }
        if (prepared != null && line != null && offered == null && line.offerNext(prepared)) {
            upcoming.pollFirst();
            offered = prepared;
            feeds.put(prepared.track(), prepared);
            prepared = null;
        }
    }

    /** The last track a line will play before the prepared one, or null. */
    private Track lastFeed() {
        Track last = null;
        for (Track t : feeds.keySet()) last = t;
        return last;
    }

    private boolean isAlreadyNext(MediaBuffer buffer) {
        if (taken != null) return offered == null && upcoming.isEmpty() && taken.track().buffer() == buffer;
        if (offered != null) return upcoming.isEmpty() && offered.track().buffer() == buffer;
        return upcoming.size() == 1 && upcoming.peekFirst() == buffer;
    }

    /**
     * Takes the offered track back from the line, or when the line already writes it after the heard
     * track, has the line drop it and go on with the heard one.
     */
    private void withdrawOffered() {
        if (line == null) return;
        DecodeAhead back = offered == null ? null : line.withdrawNext();
        if (back != null) {
            feeds.remove(back.track());
            back.close();
        }
        boolean written = taken != null || (offered != null && back == null);
        if (written) {
            line.cutAfterHeard();
            if (taken != null) feeds.remove(taken.track());
            if (offered != null) feeds.remove(offered.track());
        }
        offered = null;
        taken = null;
    }

    private void onTrackStarted(OutputLoop from, Track track) {
        if (from != line) return;
        current = track.buffer();
        title = null;
        if (taken != null && taken.track() == track) taken = null;
        setCurrentTrack(track);
        fire(l -> l.trackStarted(track.buffer()));
    }

    private void onTrackEnded(OutputLoop from, Track track) {
        if (from != line) return;
        feeds.remove(track);
        fire(l -> l.trackEnded(track.buffer()));
    }

    private void onNextTaken(OutputLoop from, Track track) {
        if (from != line) return;
        if (offered != null && offered.track() == track) {
            taken = offered;
            offered = null;
        }
        prepareNext();
    }

    private void onTitleChanged(OutputLoop from, Track track, String newTitle) {
        if (from != line) return;
        title = newTitle;
        fire(l -> l.titleChanged(track.buffer(), newTitle));
    }

    private void onBuffering(OutputLoop from, Track track, boolean now) {
        if (from != line) return;
        buffering = now;
        fire(l -> l.buffering(track.buffer(), now));
    }

    private void onFinished(OutputLoop from) {
        if (from != line) return;
        endedMillis = from.positionMillis();
        line = null;
        offered = null;
        taken = null;
        feeds.clear();
        if (limitMicros >= 0) {
            boolean spent = from.framesWritten() >= budgetFrames(from.format().getFrameRate());
            limitMicros = Math.max(0, limitMicros - Math.round(from.framesWritten() * 1e6 / from.format().getFrameRate()));
            if (limitMicros == 0 || spent) {
                limitReached = true;
                clearQueue();
                setState(PlayerState.ENDED);
                return;
            }
        }
        if (!startPrepared()) setState(PlayerState.ENDED);
    }

    /** Starts the head of the queue on a new line; false when the queue holds nothing that opens. */
    private boolean startPrepared() {
        if (prepared == null) prepareNext();
        if (prepared == null) return false;
        DecodeAhead next = prepared;
        prepared = null;
        upcoming.pollFirst();
        startTrack(next.track().buffer(), 0, 0, next);
        return true;
    }

    private void onFailed(OutputLoop from, String message) {
        if (from != line) return;
        line = null;
        offered = null;
        taken = null;
        feeds.clear();
        clearQueue();
        fail(message);
    }

    /**
     * {@link #state()} is ERROR before anyone hears of it, and the message goes out before the ERROR
     * event, so whoever waits for either has both.
     */
    private void fail(String message) {
        state = PlayerState.ERROR;
        MediaBuffer buffer = current;
        fire(l -> l.notice(message, true));
        fire(l -> l.stateChanged(PlayerState.ERROR, buffer));
    }

    private void releaseLine() {
        OutputLoop l = line;
        line = null;
        offered = null;
        taken = null;
        feeds.clear();
        buffering = false;
        if (l != null) l.close();
    }

    private void clearQueue() {
        if (prepared != null) prepared.close();
        prepared = null;
        upcoming.clear();
    }

    private void setCurrentTrack(Track track) {
        currentRate = track.decoder().format().getFrameRate();
        currentTotalFrames = track.totalFrames();
    }

    private void setState(PlayerState next) {
        state = next;
        MediaBuffer buffer = current;
        fire(l -> l.stateChanged(next, buffer));
    }

    private void fire(Consumer<PlayerListener> event) {
        eventThread.execute(() -> {
            for (PlayerListener l : listeners) {
                try {
                    event.accept(l);
                } catch (RuntimeException ignored) {
                    // one faulty listener must not silence the others
                }
            }
        });
    }

    private CompletableFuture<Void> submit(Runnable command) {
        try {
            return CompletableFuture.runAsync(command, control);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("the player is closed"));
        }
    }

    /**
     * Opens {@code buffer} as a track decoding ahead from {@code startMillis}. The track holds a
     * {@linkplain MediaBuffer#use() use} of its buffer until it is closed, so the repository never lets
     * go of what plays or is queued. Decoding starts on the decoder's thread as soon as it is open,
     * while this thread goes on to open the line.
     */
    private DecodeAhead openAhead(MediaBuffer buffer, int loops, long startMillis) throws UnsupportedMediaException {
        MediaBuffer.Use use = buffer.use();
        try {
            return GuardedDecoder.openGuarded(buffer, opener, decoder -> {
                try {
                    return new DecodeAhead(new Track(buffer, decoder, loops, use), startFrame(decoder, startMillis));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UnsupportedMediaException | RuntimeException e) {
            use.close();
            throw e;
        }
    }

    /** The frame {@code startMillis} falls on, within the decoder's length when it knows it. */
    private static long startFrame(PcmDecoder decoder, long startMillis) {
        long frame = Math.round(Math.max(0, startMillis) * decoder.format().getFrameRate() / 1000.0);
        return decoder.totalFrames() >= 0 ? Math.min(frame, decoder.totalFrames()) : frame;
    }

    private static String message(MediaBuffer buffer, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof UnsupportedMediaException ? why : "cannot play " + buffer.name() + ": " + why;
    }

    private static Thread daemon(Runnable r, String name) {
        return ThreadPriority.normalDaemon(r, name);
    }

    /** Hands the output thread's news to the control thread without waiting. */
    private final class LineEvents implements OutputLoop.Events {
        private OutputLoop owner;

        @Override public void trackStarted(Track track) { post(() -> onTrackStarted(owner, track)); }
        @Override public void trackEnded(Track track) { post(() -> onTrackEnded(owner, track)); }
        @Override public void nextTaken(Track track) { post(() -> onNextTaken(owner, track)); }
        @Override public void titleChanged(Track track, String t) { post(() -> onTitleChanged(owner, track, t)); }
        @Override public void buffering(Track track, boolean b) { post(() -> onBuffering(owner, track, b)); }
        @Override public void finished() { post(() -> onFinished(owner)); }
        @Override public void failed(String message) { post(() -> onFailed(owner, message)); }

        private void post(Runnable r) {
            try {
                control.execute(r);
            } catch (RejectedExecutionException ignored) {
                // the player is closing
            }
        }
    }
}
