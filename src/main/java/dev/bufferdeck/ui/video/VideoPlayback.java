package dev.bufferdeck.ui.video;

import dev.bufferdeck.ui.thread.Fx;
import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.thread.Background;
import dev.bufferdeck.ui.playback.Playback;
import dev.bufferdeck.video.BufferUrls;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

/**
 * The video engine: a JavaFX {@link MediaPlayer} reading the buffer through a {@code resource:}
 * URL (no file). The player is created off the FX thread (GStreamer builds its pipeline then) and
 * then driven on the FX thread; events go out in order on their own thread, as the audio
 * engine's do. Disposing a player closes its URL.
 */
public final class VideoPlayback implements Playback {
    public static final String ENGINE_NAME = "video · JavaFX Media";

    private final ReadOnlyObjectWrapper<MediaPlayer> player = new ReadOnlyObjectWrapper<>();
    private final List<PlayerListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService opener = Background.newNormalPool("bufferdeck-video-open", 1);
    private final ExecutorService events = Background.newNormalPool("bufferdeck-video-events", 1);
    private BufferUrls.Lease lease;
    private MediaBuffer buffer;
    private long generation;
    private volatile PlayerState state = PlayerState.IDLE;
    private volatile long positionMillis;
    private volatile long durationMillis = -1;
    private double volume = 1;
    private boolean muted;

    /** The player the view shows; null when no video plays. Changes on the FX thread. */
    public ReadOnlyObjectProperty<MediaPlayer> playerProperty() { return player.getReadOnlyProperty(); }

    /** The buffer playing or opening, or null. FX thread. */
    public MediaBuffer buffer() { return buffer; }

    @Override
    public void play(MediaBuffer next, long startMillis) {
        Fx.run(() -> open(next, startMillis));
    }

    private void open(MediaBuffer next, long startMillis) {
        dispose();
        long opening = ++generation;
        buffer = next;
        lease = BufferUrls.lease(next);
        String url = lease.url();
        positionMillis = startMillis;
        durationMillis = -1;
        setState(PlayerState.LOADING);
        opener.execute(() -> {
            try {
                MediaPlayer created = new MediaPlayer(new Media(url));
                Platform.runLater(() -> {
                    if (opening == generation) wire(created, next, startMillis); else created.dispose();
                });
            } catch (MediaException | UnsupportedOperationException e) {
                Platform.runLater(() -> { if (opening == generation) fail(next, e); });
            }
        });
    }

    private void wire(MediaPlayer p, MediaBuffer playing, long startMillis) {
        player.set(p);
        p.setVolume(volume);
        p.setMute(muted);
        p.setOnError(() -> { if (player.get() == p) fail(playing, p.getError()); });
        p.setOnEndOfMedia(() -> {
            if (player.get() != p) return;
            positionMillis = durationMillis;
            setState(PlayerState.ENDED);
            emit(l -> l.trackEnded(playing));
        });
        p.currentTimeProperty().addListener((o, a, t) -> { if (player.get() == p) positionMillis = (long) t.toMillis(); });
        p.statusProperty().addListener((o, a, s) -> { if (player.get() == p) onStatus(s, playing); });
        Runnable ready = () -> {
            Duration d = p.getMedia().getDuration();
            durationMillis = d == null || d.isUnknown() || d.isIndefinite() ? -1 : (long) d.toMillis();
            if (startMillis > 0) p.seek(Duration.millis(startMillis));
            p.play();
        };
        if (p.getStatus() == MediaPlayer.Status.READY) ready.run(); else p.setOnReady(ready);
    }

    private void onStatus(MediaPlayer.Status s, MediaBuffer playing) {
        switch (s) {
            case PLAYING -> {
                boolean starting = state == PlayerState.LOADING;
                setState(PlayerState.PLAYING);
                if (starting) emit(l -> l.trackStarted(playing));
            }
            case PAUSED -> setState(PlayerState.PAUSED);
            case STALLED -> setState(PlayerState.LOADING);
            case STOPPED -> { if (state != PlayerState.ENDED) setState(PlayerState.STOPPED); }
            default -> { }
        }
    }

    private void fail(MediaBuffer failed, Throwable error) {
        String message = VideoMessages.cannotPlay(failed, error);
        dispose();
        buffer = failed;
        emit(l -> l.notice(message, true));
        setState(PlayerState.ERROR);
    }

    @Override public void pause() { Fx.run(() -> { if (player.get() != null) player.get().pause(); }); }
    @Override public void resume() { Fx.run(() -> { if (player.get() != null) player.get().play(); }); }

    @Override
    public void stop() {
        Fx.run(() -> {
            boolean had = buffer != null;
            dispose();
            if (had) setState(PlayerState.STOPPED);
        });
    }

    @Override
    public void seek(long millis) {
        Fx.run(() -> {
            MediaPlayer p = player.get();
            if (p == null) return;
            positionMillis = millis;
            if (state == PlayerState.ENDED) { p.stop(); p.seek(Duration.millis(millis)); p.play(); }
            else p.seek(Duration.millis(millis));
        });
    }

    @Override public void setVolume(double v) { Fx.run(() -> { volume = v; if (player.get() != null) player.get().setVolume(v); }); }
    @Override public void setMuted(boolean m) { Fx.run(() -> { muted = m; if (player.get() != null) player.get().setMute(m); }); }
    @Override public long positionMillis() { return positionMillis; }
    @Override public long durationMillis() { return durationMillis; }
    @Override public PlayerState state() { return state; }
    /** Video tracks start when the playlist says so; there is no gapless hand-over. */
    @Override public void queueNext(MediaBuffer next) { }
    @Override public String outputName() { return ENGINE_NAME; }
    @Override public void addListener(PlayerListener listener) { listeners.add(listener); }

    @Override
    public void close() {
        Fx.run(this::dispose);
        opener.shutdownNow();
        events.shutdown();
    }

    /** Ends the current player and its URL; later news from it is ignored. FX thread. */
    private void dispose() {
        generation++;
        MediaPlayer p = player.get();
        player.set(null);
        if (p != null) p.dispose();
        if (lease != null) lease.close();
        lease = null;
        buffer = null;
    }

    private void setState(PlayerState s) {
        state = s;
        MediaBuffer about = buffer;
        emit(l -> l.stateChanged(s, about));
    }

    private void emit(Consumer<PlayerListener> event) {
        if (events.isShutdown()) return;
        events.execute(() -> listeners.forEach(event));
    }
}
