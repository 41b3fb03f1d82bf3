package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PcmTap;
import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.library.MediaFacts;
import dev.bufferdeck.ui.notify.Notifier;
import dev.bufferdeck.ui.playlist.PlaylistModel;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.playback.Playback;
import dev.bufferdeck.ui.playback.PlaybackClock;
import dev.bufferdeck.ui.thread.AnalysisGate;
import dev.bufferdeck.ui.thread.Fx;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ChangeListener;

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
    private final ReadOnlyObjectWrapper<BufferRow> settled = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper duration = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyBooleanWrapper buffering = new ReadOnlyBooleanWrapper();
    private final DoubleProperty volume = new SimpleDoubleProperty(0.8);
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private PlaylistRow queued;
    private final List<LongConsumer> seekListeners = new CopyOnWriteArrayList<>();
    private PlaylistRow cued;
    private long cuedMillis;
    private PlaylistRow waitingFor;
    private int failuresInARow;
    /** Asks for an entry's bytes to be loaded (the entry about to play, the one after it). */
    private Consumer<PlaylistRow> fetcher = entry -> {};
    /** The current and the queued entry's buffers stay in memory while they are chosen to play. */
    private MediaBuffer.Use currentUse;
    private MediaBuffer.Use queuedUse;
    /** The row waiting for its first sound before it counts as settled, or null. */
    private BufferRow settling;
    private final PlaybackClock clock;
    private final AnalysisGate analyses = new AnalysisGate();

    public PlayerController(Playback playback, PlaylistModel playlist, Notifier notifier) {
        this.playback = playback;
        this.playlist = playlist;
        this.notifier = notifier;
        this.clock = new PlaybackClock(this::positionMillis);
        analyses.openWhile(clock.seenProperty());
        init();
    }

    private void init() {
        playback.addListener(new PlayerListener() {
            @Override public void stateChanged(PlayerState s, MediaBuffer buffer) { Fx.run(() -> onState(s, buffer)); }
            @Override public void notice(String message, boolean error) {
                if (error) notifier.error(message); else notifier.info(message);
            }
            @Override public void trackStarted(MediaBuffer buffer) { Fx.run(() -> onTrackStarted(buffer)); }
            @Override public void trackEnded(MediaBuffer buffer) {}
            @Override public void buffering(MediaBuffer buffer, boolean now) { Fx.run(() -> onBuffering(buffer, now)); }
        });
        volume.addListener((o, a, v) -> playback.setVolume(v.doubleValue()));
        muted.addListener((o, a, m) -> playback.setMuted(m));
        playback.setVolume(volume.get());
        // a length read after the entry was shown (facts arrive in the background) fills in the total
        ChangeListener<MediaFacts> lengthArrived = (o, a, f) -> {
            if (duration.get() < 0 && f.durationMillis() >= 0) duration.set(f.durationMillis());
        };
        nowPlaying.addListener((o, old, row) -> {
            if (old != null) old.factsProperty().removeListener(lengthArrived);
            if (row != null) row.factsProperty().addListener(lengthArrived);
        });
        state.addListener((o, was, s) -> {
            if (s == PlayerState.PLAYING) clock.hold(this); else clock.release(this);
            clock.wake();
            settleIfHeard();
        });
        nowPlaying.addListener(o -> clock.wake());
        clock.pulseProperty().addListener((o, was, now) -> settleIfHeard()); // every tick, read or not
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
    /** True while the entry playing waits for bytes still downloading (a seek past them, a slow link). */
    public ReadOnlyBooleanProperty bufferingProperty() { return buffering.getReadOnlyProperty(); }

    /**
     * The entry shown, once its sound has started (or at once when it is shown without playing):
     * what the waveform, hex view and regions analyse, so that their work, which decodes or
     * parses the whole buffer, never competes with the start of playback.
     */
    public ReadOnlyObjectProperty<BufferRow> settledProperty() { return settled.getReadOnlyProperty(); }
    public DoubleProperty volumeProperty() { return volume; }
    public BooleanProperty mutedProperty() { return muted; }
    public PlaylistModel playlist() { return playlist; }
    public String outputName() { return playback.outputName(); }

    /** Where playback is, once per pulse while it moves: what the seek bar, hex playhead and spectrum follow. */
    public PlaybackClock clock() { return clock; }

    /** The analyses of what is shown (waveform, regions, loudness) pass this gate: they pause while the window is not seen. */
    public AnalysisGate analyses() { return analyses; }

    /** What was heard of the current track (a cued entry: where it will start). */
    public long positionMillis() {
        return cued != null && cued == playlist.current() ? cuedMillis : playback.positionMillis();
    }

    /** The playing line's PCM tap (for the spectrum), or null. */
    public PcmTap tap() { return playback.tap(); }

    /**
     * Sets who loads an entry that is a reference (known by its location only, or let go to make
     * room) when it is about to play or follows the one playing; it calls {@link #arrived} or
     * {@link #unavailable} when done.
     */
    public void setFetcher(Consumer<PlaylistRow> fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher);
    }

    /** The user chose this entry: it plays (one marked unavailable is asked for again), or the notice says why it cannot. */
    public void play(PlaylistRow entry) {
        failuresInARow = 0;
        start(entry, 0, true);
    }

    /**
     * Makes {@code entry} current, paused at {@code millis}, without playing it (a restored
     * session): Space plays it from there. An entry still loading shows once it has arrived.
     */
    public void cue(PlaylistRow entry, long millis) {
        playlist.setCurrent(entry);
        cued = entry;
        cuedMillis = Math.max(0, millis);
        if (entry.isLoaded()) {
            show(entry);
            settled.set(entry.row());
        } else if (entry.isReference()) {
            fetcher.accept(entry);
        }
        clock.wake();
    }

    /** A loading entry's buffer arrived: show it if it is cued, play it if Play was pressed while it loaded. */
    public void arrived(PlaylistRow entry) {
        if (entry == cued && entry == playlist.current() && nowPlaying.get() == null) {
            show(entry);
            settled.set(entry.row());
        }
        if (entry == waitingFor) {
            waitingFor = null;
            if (entry == playlist.current()) start(entry, entry == cued ? cuedMillis : 0, true);
        }
        queueFollowing();
    }

    /** True while {@code entry} is to play as soon as it has loaded. */
    public boolean waitsFor(PlaylistRow entry) {
        return entry == waitingFor;
    }

    /** A reference could not be loaded: if it was about to play, playback goes on past it. */
    public void unavailable(PlaylistRow entry, String why) {
        if (entry == waitingFor) {
            waitingFor = null;
            skip(entry, why);
        }
    }

    private void start(PlaylistRow entry, long fromMillis, boolean chosen) {
        String why = entry.whyNotPlayable();
        boolean askAgain = chosen && entry.isUnavailable() && !entry.isLoaded() && entry.location() != null;
        if ((why == null || askAgain) && !entry.isLoaded()) {
            playlist.setCurrent(entry);
            waitingFor = entry;
            // what played before is done with here (a track the engine still plays holds its own use): its room may go to this one
            currentUse = hold(currentUse, null);
            if (entry.isReference() || askAgain) fetcher.accept(entry);
            notifier.info(entry.title() + (askAgain ? " could not be loaded before; trying again" : " is still loading; it plays when it arrives"));
            return;
        }
        if (why != null) {
            if (chosen) notifier.error(why);
            else skip(entry, why);
            return;
        }
        waitingFor = null;
        cued = null;
        playlist.setCurrent(entry);
        show(entry);
        currentUse = hold(currentUse, entry);
        playback.play(entry.row().buffer(), fromMillis);
        queueFollowing();
    }

    /**
     * Goes on past an entry that cannot play, in the playlist's own order (shuffle and repeat
     * included), and stops once as many entries in a row have failed as the playlist holds.
     *
     * @param why said to the user; null when the engine has said it already
     */
    private void skip(PlaylistRow entry, String why) {
        failuresInARow++;
        if (playlist.entries().contains(entry)) playlist.setCurrent(entry);
        PlaylistRow following = playlist.afterEnd().orElse(null);
        if (why != null) notifier.info("Skipped " + entry.title() + ": " + why);
        if (failuresInARow >= playlist.entries().size() || following == null || following == entry) {
            if (failuresInARow > 1) notifier.error("Stopped: " + (failuresInARow == playlist.entries().size()
                    ? "no entry in the playlist can be played" : failuresInARow + " entries in a row could not be played"));
            playback.stop();
            showNothing();
            return;
        }
        start(following, 0, false);
    }

    private void show(PlaylistRow entry) {
        if (nowPlaying.get() != entry.row()) buffering.set(false);
        nowPlaying.set(entry.row());
        duration.set(entry.durationMillis());
    }

    private void showNothing() {
        currentUse = hold(currentUse, null);
        buffering.set(false);
        nowPlaying.set(null);
        settled.set(null);
        duration.set(-1);
    }

    public void playPause() {
        switch (state.get()) {
            case PLAYING -> playback.pause();
            case PAUSED -> playback.resume();
            default -> {
                PlaylistRow entry = playlist.current();
                if (entry == null) entry = playlist.next().orElse(null);
                if (entry != null) {
                    failuresInARow = 0;
                    start(entry, entry == cued ? cuedMillis : 0, true);
                }
            }
        }
    }

    public void stop() { playback.stop(); }

    /** The buffer likely to be played next by hand (the selected row), opened ahead so Play sounds at once; null for none. */
    public void prepare(MediaBuffer buffer) { playback.prepare(buffer); }

    public void next() { playlist.next().ifPresent(e -> start(e, 0, false)); }

    public void previous() {
        if (playback.positionMillis() > RESTART_INSTEAD_OF_PREVIOUS_MILLIS || playlist.previous().isEmpty()) {
            seekTo(0);
        } else {
            playlist.previous().ifPresent(e -> start(e, 0, false));
        }
    }

    public void seekTo(long millis) {
        if (cued != null && cued == playlist.current()) {
            long d = cued.durationMillis();
            cuedMillis = Math.max(0, d > 0 ? Math.min(millis, d) : millis);
            clock.wake();
            return;
        }
        long d = playback.durationMillis();
        long to = Math.max(0, d > 0 ? Math.min(millis, d) : millis);
        playback.seek(to);
        clock.wake();
        seekListeners.forEach(l -> l.accept(to));
    }

    /** Told the position each seek goes to (the desktop's Seeked signal). */
    public void addSeekListener(LongConsumer listener) { seekListeners.add(listener); }

    public void seekBy(long deltaMillis) { seekTo(playback.positionMillis() + deltaMillis); }

    public void volumeBy(double delta) { volume.set(Math.max(0, Math.min(1, volume.get() + delta))); }

    public void toggleMute() { muted.set(!muted.get()); }

    /** The buffer is leaving the repository: stop if it is playing. */
    public void forget(MediaBuffer buffer) {
        BufferRow playing = nowPlaying.get();
        if (playing != null && playing.buffer().id() == buffer.id()) {
            playback.stop();
            showNothing();
        }
    }

    private void onState(PlayerState s, MediaBuffer buffer) {
        state.set(s);
        BufferRow playing = nowPlaying.get();
        boolean ofTheCurrentTrack = playing != null && buffer != null && playing.buffer().id() == buffer.id();
        // an end or error that arrives after the user already chose another track is old news
        if (!ofTheCurrentTrack) return;
        PlaylistRow current = playlist.current();
        if (s == PlayerState.ENDED) {
            failuresInARow = 0;
            PlaylistRow following = playlist.afterEnd().orElse(null);
            if (following != null) start(following, 0, false);
        } else if (s == PlayerState.ERROR && current != null && current.row() == playing) {
            skip(current, null);
        }
    }

    private void onBuffering(MediaBuffer buffer, boolean now) {
        BufferRow playing = nowPlaying.get();
        buffering.set(now && playing != null && playing.buffer().id() == buffer.id());
    }

    private void onTrackStarted(MediaBuffer buffer) {
        PlaylistRow q = queued;
        PlaylistRow cur = playlist.current();
        if (q != null && q != cur && q.row().buffer().id() == buffer.id() && playlist.entries().contains(q)) {
            playlist.setCurrent(q);
            nowPlaying.set(q.row());
            currentUse = hold(currentUse, q);
        }
        BufferRow playing = nowPlaying.get();
        long d = playback.durationMillis();
        if (playing != null && playing.buffer().id() == buffer.id()) {
            duration.set(d >= 0 ? d : playing.durationMillis());
            settleWhenHeard(playing);
        }
        queueFollowing();
    }

    /** Sets {@link #settledProperty()} once the playhead has moved: the first sound is out of the device. */
    private void settleWhenHeard(BufferRow playing) {
        settling = playing;
        clock.wake();
    }

    private void settleIfHeard() {
        BufferRow playing = settling;
        if (playing == null) return;
        if (nowPlaying.get() != playing) {
            settling = null;
        } else if (playback.positionMillis() > 0 || state.get() != PlayerState.PLAYING) {
            settling = null;
            settled.set(playing);
        } else {
            clock.tickIn(PlaybackClock.FRAME_NANOS);   // asks again until the first sound is out
        }
    }

    /**
     * Hands the engine the entry that follows, so it can start without a gap; one that cannot
     * play is not handed over, so the end of this track comes back here and is skipped.
     */
    private void queueFollowing() {
        PlaylistRow cur = playlist.current();
        PlaylistRow following = cur == null ? null : playlist.afterEnd().orElse(null);
        // the one after is fetched only once the current one is held (not merely the one before it, still held while
        // the current one loads): its load may then let go of anything but the entry about to play
        if (following != null && following.isReference() && holdsCurrent(cur)) fetcher.accept(following);
        if (following != null && (following.whyNotPlayable() != null || !following.isLoaded())) following = null;
        queuedUse = hold(queuedUse, following);
        queued = following;
        playback.queueNext(following == null ? null : following.row().buffer());
    }

    private boolean holdsCurrent(PlaylistRow cur) {
        MediaBuffer.Use held = currentUse;
        return held != null && cur.isLoaded() && held.buffer() == cur.row().buffer();
    }

    /** Keeps {@code entry}'s buffer in memory in place of what {@code held} kept; null lets go. */
    private static MediaBuffer.Use hold(MediaBuffer.Use held, PlaylistRow entry) {
        MediaBuffer wanted = entry == null || !entry.isLoaded() ? null : entry.row().buffer();
        if (held != null && held.buffer() == wanted) return held;
        MediaBuffer.Use use = null;
        if (wanted != null) {
            try {
                use = wanted.use();
            } catch (IllegalStateException letGo) {
                // let go between the check and here: the player says it cannot play it, and it is skipped
            }
        }
        if (held != null) held.close();
        return use;
    }

}
