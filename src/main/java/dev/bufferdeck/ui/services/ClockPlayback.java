package dev.bufferdeck.ui.services;

import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.repository.MediaBuffer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Temporary engine until the audio package's Player lands: keeps time with the clock and makes
 * no sound. Plays WAV buffers only (their duration is all it needs).
 */
public final class ClockPlayback implements Playback {
    private final List<PlayerListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stand-in player events");
        t.setDaemon(true);
        return t;
    });
    private MediaBuffer current;
    private MediaBuffer queued;
    private PlayerState state = PlayerState.IDLE;
    private long duration = -1;
    private long startedNanos;
    private long offsetMillis;

    public ClockPlayback() {
        events.scheduleAtFixedRate(this::checkEnd, 20, 20, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void play(MediaBuffer buffer, long startMillis) {
        WavInfo wav = WavInfo.parse(buffer.bytes());
        if (wav == null) {
            current = buffer;
            duration = -1;
            setState(PlayerState.ERROR);
            fire(l -> l.notice(buffer.name() + ": cannot play " + buffer.detectedFormat() + " yet", true));
            return;
        }
        current = buffer;
        duration = wav.durationMillis();
        offsetMillis = Math.max(0, Math.min(startMillis, duration));
        startedNanos = System.nanoTime();
        setState(PlayerState.PLAYING);
        MediaBuffer started = buffer;
        fire(l -> l.trackStarted(started));
    }

    @Override
    public synchronized void pause() {
        if (state != PlayerState.PLAYING) return;
        offsetMillis = positionMillis();
        setState(PlayerState.PAUSED);
    }

    @Override
    public synchronized void resume() {
        if (state != PlayerState.PAUSED) return;
        startedNanos = System.nanoTime();
        setState(PlayerState.PLAYING);
    }

    @Override
    public synchronized void stop() {
        if (current == null) return;
        offsetMillis = 0;
        setState(PlayerState.STOPPED);
    }

    @Override
    public synchronized void seek(long millis) {
        if (current == null || duration < 0) return;
        offsetMillis = Math.max(0, Math.min(millis, duration));
        startedNanos = System.nanoTime();
    }

    @Override public void setVolume(double volume) {}
    @Override public void setMuted(boolean muted) {}

    @Override
    public synchronized long positionMillis() {
        if (state != PlayerState.PLAYING) return state == PlayerState.ENDED ? duration : offsetMillis;
        return Math.min(duration, offsetMillis + (System.nanoTime() - startedNanos) / 1_000_000);
    }

    @Override public synchronized long durationMillis() { return duration; }
    @Override public synchronized PlayerState state() { return state; }
    @Override public synchronized void queueNext(MediaBuffer next) { queued = next; }
    @Override public String outputName() { return "no sound (stand-in clock)"; }
    @Override public void addListener(PlayerListener listener) { listeners.add(listener); }
    @Override public void close() { events.shutdownNow(); }

    private synchronized void checkEnd() {
        if (state != PlayerState.PLAYING || positionMillis() < duration) return;
        MediaBuffer ended = current;
        fire(l -> l.trackEnded(ended));
        MediaBuffer next = queued;
        queued = null;
        if (next != null) {
            play(next, 0);
        } else {
            offsetMillis = duration;
            setState(PlayerState.ENDED);
        }
    }

    private void setState(PlayerState newState) {
        state = newState;
        MediaBuffer buffer = current;
        fire(l -> l.stateChanged(newState, buffer));
    }

    private void fire(java.util.function.Consumer<PlayerListener> event) {
        events.execute(() -> listeners.forEach(event));
    }
}
