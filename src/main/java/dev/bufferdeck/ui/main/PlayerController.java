package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.notify.Notifier;
import dev.bufferdeck.ui.playlist.PlaylistModel;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.services.Playback;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Transport commands and state for the views. Player events arrive on the engine's event thread
 * and hop to the FX thread here; the playlist decides what comes next.
 */
public final class PlayerController {
    public static final long SEEK_STEP_MILLIS = 5_000;
    public static final double VOLUME_STEP = 0.05;
    private static final long RESTART_INSTEAD_OF_PREVIOUS_MILLIS = 3_000;

    private final Playback playback;
    private final PlaylistModel playlist;
    private final Notifier notifier;
    private final ReadOnlyObjectWrapper<PlayerState> state = new ReadOnlyObjectWrapper<>(PlayerState.IDLE);
    private final ReadOnlyObjectWrapper<BufferRow> nowPlaying = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper duration = new ReadOnlyLongWrapper(-1);
    private final DoubleProperty volume = new SimpleDoubleProperty(0.8);
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private PlaylistRow queued;
    private final java.util.List<java.util.function.LongConsumer> seekListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public PlayerController(Playback playback, PlaylistModel playlist, Notifier notifier) {
        this.playback = playback;
        this.playlist = playlist;
        this.notifier = notifier;
        init();
    }

    private void init() {
        playback.addListener(new PlayerListener() {
            @Override public void stateChanged(PlayerState s, MediaBuffer buffer) { onFx(() -> onState(s, buffer)); }
            @Override public void notice(String message, boolean error) {
                if (error) notifier.error(message); else notifier.info(message);
            }
            @Override public void trackStarted(MediaBuffer buffer) { onFx(() -> onTrackStarted(buffer)); }
            @Override public void trackEnded(MediaBuffer buffer) {}
        });
        volume.addListener((o, a, v) -> playback.setVolume(v.doubleValue()));
        muted.addListener((o, a, m) -> playback.setMuted(m));
        playback.setVolume(volume.get());
        InvalidationListener requeue = o -> queueFollowing();
        playlist.entries().addListener(requeue);
        playlist.repeatProperty().addListener(requeue);
        playlist.shuffleProperty().addListener(requeue);
        playlist.currentProperty().addListener(requeue);
    }

    public ReadOnlyObjectProperty<PlayerState> stateProperty() { return state.getReadOnlyProperty(); }
    public PlayerState state() { return state.get(); }
    public ReadOnlyObjectProperty<BufferRow> nowPlayingProperty() { return nowPlaying.getReadOnlyProperty(); }
    public ReadOnlyLongProperty durationProperty() { return duration.getReadOnlyProperty(); }
    public DoubleProperty volumeProperty() { return volume; }
    public BooleanProperty mutedProperty() { return muted; }
    public PlaylistModel playlist() { return playlist; }
    public String outputName() { return playback.outputName(); }

    /** What was heard of the current track; polled by the view every frame. */
    public long positionMillis() { return playback.positionMillis(); }

    /** The playing line's PCM tap (for the spectrum), or null. */
    public dev.bufferdeck.audio.PcmTap tap() { return playback.tap(); }

    public void play(PlaylistRow entry) {
        playlist.setCurrent(entry);
        nowPlaying.set(entry.row());
        duration.set(entry.row().durationMillis());
        playback.play(entry.row().buffer(), 0);
        queueFollowing();
    }

    public void playPause() {
        switch (state.get()) {
            case PLAYING -> playback.pause();
            case PAUSED -> playback.resume();
            default -> {
                PlaylistRow entry = playlist.current();
                if (entry == null) entry = playlist.next().orElse(null);
                if (entry != null) play(entry);
            }
        }
    }

    public void stop() { playback.stop(); }

    public void next() { playlist.next().ifPresent(this::play); }

    public void previous() {
        if (playback.positionMillis() > RESTART_INSTEAD_OF_PREVIOUS_MILLIS || playlist.previous().isEmpty()) {
            seekTo(0);
        } else {
            playlist.previous().ifPresent(this::play);
        }
    }

    public void seekTo(long millis) {
        long d = playback.durationMillis();
        long to = Math.max(0, d > 0 ? Math.min(millis, d) : millis);
        playback.seek(to);
        seekListeners.forEach(l -> l.accept(to));
    }

    /** Told the position each seek goes to (the desktop's Seeked signal). */
    public void addSeekListener(java.util.function.LongConsumer listener) { seekListeners.add(listener); }

    public void seekBy(long deltaMillis) { seekTo(playback.positionMillis() + deltaMillis); }

    public void volumeBy(double delta) { volume.set(Math.max(0, Math.min(1, volume.get() + delta))); }

    public void toggleMute() { muted.set(!muted.get()); }

    /** The buffer is leaving the repository: stop if it is playing. */
    public void forget(MediaBuffer buffer) {
        BufferRow playing = nowPlaying.get();
        if (playing != null && playing.buffer().id() == buffer.id()) {
            playback.stop();
            nowPlaying.set(null);
            duration.set(-1);
        }
    }

    private void onState(PlayerState s, MediaBuffer buffer) {
        state.set(s);
        long d = playback.durationMillis();
        if (d >= 0) duration.set(d);
        BufferRow playing = nowPlaying.get();
        boolean ofTheCurrentTrack = playing != null && buffer != null && playing.buffer().id() == buffer.id();
        // an end that arrives after the user already chose another track is old news
        if (s == PlayerState.ENDED && ofTheCurrentTrack) playlist.afterEnd().ifPresent(this::play);
    }

    private void onTrackStarted(MediaBuffer buffer) {
        PlaylistRow q = queued;
        PlaylistRow cur = playlist.current();
        if (q != null && q != cur && q.row().buffer().id() == buffer.id() && playlist.entries().contains(q)) {
            playlist.setCurrent(q);
            nowPlaying.set(q.row());
        }
        long d = playback.durationMillis();
        duration.set(d >= 0 ? d : nowPlaying.get() == null ? -1 : nowPlaying.get().durationMillis());
        queueFollowing();
    }

    /** Hands the engine the entry that follows, so it can start without a gap. */
    private void queueFollowing() {
        PlaylistRow cur = playlist.current();
        PlaylistRow following = cur == null ? null : playlist.afterEnd().orElse(null);
        queued = following;
        playback.queueNext(following == null ? null : following.row().buffer());
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run(); else Platform.runLater(r);
    }
}
