package dev.bufferdeck.audio;

import dev.bufferdeck.repository.MediaBuffer;

import javax.sound.sampled.SourceDataLine;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Plays buffers through a {@link MemoryLine} on one output. Commands may come from any thread: they
 * are applied in order on the player's control thread and return a future that completes once
 * applied. Listeners hear events in order on the player's event thread; the audio thread only hands
 * news over and never waits for either.
 *
 * <p>States: IDLE → LOADING → PLAYING ⇄ PAUSED → STOPPED / ENDED / ERROR. Queued buffers follow the
 * current one: on the same line with no gap when their format matches, else on a new line.
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
    private volatile MemoryLine line;
    private volatile double volume = 1;
    private volatile boolean muted;
    private volatile long endedMillis;
    private volatile long currentTotalFrames = -1;
    private volatile float currentRate;

    // control thread only
    private final Deque<MediaBuffer> upcoming = new ArrayDeque<>();
    /** The head of {@link #upcoming}, opened ahead of time but not yet taken by a line. */
    private Track prepared;

    public Player(AudioOutput output, DecoderOpener opener) {
        this.output = Objects.requireNonNull(output);
        this.opener = dev.bufferdeck.audio.guard.GuardedDecoder.guarding(Objects.requireNonNull(opener));
    }

    /** A player that decodes with {@link dev.bufferdeck.audio.decode.Decoders}. */
    public Player(AudioOutputs.Selection selection) {
        this(selection, dev.bufferdeck.audio.decode.Decoders::open);
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

    /** The line in use, or null when nothing is playing or paused (for visualizations: {@code line().tap()}). */
    public MemoryLine line() { return line; }

    /** What has been heard of the current buffer, in milliseconds. */
    public long positionMillis() {
        MemoryLine l = line;
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
        return submit(() -> {
            clearQueue();
            startTrack(buffer, startMillis, loops, null);
        });
    }

    public CompletableFuture<Void> play(MediaBuffer buffer) {
        return play(buffer, 0, 0);
    }

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

    /** Stops, releases the line and decoder, and forgets the queue. */
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
            MemoryLine l = line;
            if (l != null) {
                l.seek(Math.round(Math.max(0, millis) * l.format().getFrameRate() / 1000.0));
            } else if ((state == PlayerState.STOPPED || state == PlayerState.ENDED) && current != null) {
                startTrack(current, millis, 0, null);
            }
        });
    }

    /** Plays the next track on {@code output}; what is playing now stays where it is. */
    public CompletableFuture<Void> setOutput(AudioOutputs.Selection selection) {
        return submit(() -> {
            output = Objects.requireNonNull(selection.output());
            pendingNotice = selection.notice().isEmpty() ? null : selection.notice();
        });
    }

    /** 0..1 on a perceptual (cubic) curve. */
    public CompletableFuture<Void> setVolume(double volume) {
        this.volume = Math.max(0, Math.min(1, volume));
        return submit(() -> {
            if (line != null) line.setVolume(this.volume);
        });
    }

    public CompletableFuture<Void> setMuted(boolean muted) {
        this.muted = muted;
        return submit(() -> {
            if (line != null) line.setMuted(this.muted);
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

    /** Stops playback and ends the player's threads. */
    @Override
    public void close() {
        try {
            submit(() -> {
                releaseLine();
                clearQueue();
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

    private void startTrack(MediaBuffer buffer, long startMillis, int loops, Track opened) {
        releaseLine();
        current = buffer;
        if (opened == null) setState(PlayerState.LOADING);
        if (pendingNotice != null) {
            String notice = pendingNotice;
            pendingNotice = null;
            fire(l -> l.notice(notice, false));
        }
        Track track = opened;
        try {
            if (track == null) track = new Track(buffer, opener.open(buffer), loops);
        } catch (UnsupportedMediaException | RuntimeException e) {
            fail(message(buffer, e));
            return;
        }
        setCurrentTrack(track);
        SourceDataLine sdl;
        try {
            sdl = output.openLine(track.decoder().format());
        } catch (OutputException | RuntimeException e) {
            track.close();
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        long startFrame = Math.round(Math.max(0, startMillis) * track.decoder().format().getFrameRate() / 1000.0);
        if (track.totalFrames() >= 0) startFrame = Math.min(startFrame, track.totalFrames());
        LineEvents events = new LineEvents();
        MemoryLine next = new MemoryLine(sdl, track, startFrame, events);
        events.owner = next;
        next.setVolume(volume);
        next.setMuted(muted);
        line = next;
        next.start();
        if (state != PlayerState.PLAYING) setState(PlayerState.PLAYING);
        fire(l -> l.trackStarted(buffer));
        prepareNext();
    }

    /** Opens the head of the queue ahead of time and offers it to the line for a gapless follow-on. */
    private void prepareNext() {
        while (prepared == null && !upcoming.isEmpty()) {
            MediaBuffer head = upcoming.peekFirst();
            try {
                prepared = new Track(head, opener.open(head), 0);
            } catch (UnsupportedMediaException | RuntimeException e) {
                upcoming.pollFirst();
                String msg = message(head, e);
                fire(l -> l.notice(msg, true));
            }
        }
        if (prepared != null && line != null && line.queueNext(prepared)) {
            upcoming.pollFirst();
            prepared = null;
        }
    }

    private void onTrackStarted(MemoryLine from, Track track) {
        if (from != line) return;
        current = track.buffer();
        setCurrentTrack(track);
        fire(l -> l.trackStarted(track.buffer()));
    }

    private void onTrackEnded(MemoryLine from, Track track) {
        if (from != line) return;
        fire(l -> l.trackEnded(track.buffer()));
    }

    private void onFinished(MemoryLine from) {
        if (from != line) return;
        endedMillis = from.positionMillis();
        line = null;
        if (prepared == null) prepareNext();
        if (prepared != null) {
            Track next = prepared;
            prepared = null;
            upcoming.pollFirst();
            startTrack(next.buffer(), 0, 0, next);
            return;
        }
        setState(PlayerState.ENDED);
    }

    private void onFailed(MemoryLine from, String message) {
        if (from != line) return;
        line = null;
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
        MemoryLine l = line;
        line = null;
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

    private void fire(java.util.function.Consumer<PlayerListener> event) {
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
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("the player is closed"));
        }
    }

    private static String message(MediaBuffer buffer, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof UnsupportedMediaException ? why : "cannot play " + buffer.name() + ": " + why;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Hands the audio thread's news to the control thread without waiting. */
    private final class LineEvents implements MemoryLine.Events {
        private MemoryLine owner;

        @Override public void trackStarted(Track track) { post(() -> onTrackStarted(owner(), track)); }
        @Override public void trackEnded(Track track) { post(() -> onTrackEnded(owner(), track)); }
        @Override public void nextTaken(Track track) { post(Player.this::prepareNext); }
        @Override public void finished() { post(() -> onFinished(owner())); }
        @Override public void failed(String message) { post(() -> onFailed(owner(), message)); }

        private MemoryLine owner() { return owner; }

        private void post(Runnable r) {
            try {
                control.execute(r);
            } catch (java.util.concurrent.RejectedExecutionException ignored) {
                // the player is closing
            }
        }
    }
}
