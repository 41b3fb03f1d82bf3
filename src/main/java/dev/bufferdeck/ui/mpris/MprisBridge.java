package dev.bufferdeck.ui.mpris;

import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.desktop.mpris.MediaControls;
import dev.bufferdeck.desktop.mpris.MprisService;
import dev.bufferdeck.desktop.mpris.NowPlaying;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.main.MainController;
import dev.bufferdeck.ui.main.PlayerController;
import dev.bufferdeck.ui.thread.Fx;
import dev.bufferdeck.ui.playlist.PlaylistModel;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;

import java.util.List;
import java.util.Map;

/**
 * The window as the desktop's media controls see it: commands from D-Bus hop to the FX thread, and
 * every change of the player, the playlist or the current track's facts goes out as a {@link NowPlaying}.
 */
public final class MprisBridge implements MediaControls, AutoCloseable {
    private final MainController main;
    private final PlayerController player;
    private final PlaylistModel playlist;
    private final MprisService service;
    private final InvalidationListener changed = o -> push();
    private BufferRow watched;

    private MprisBridge(MainController main, Map<String, String> environment) {
        this.main = main;
        this.player = main.player();
        this.playlist = main.playlist();
        this.service = MprisService.start(this, environment);
    }

    /** Puts the window on the session bus (when there is one). Call on the FX thread. */
    public static MprisBridge install(MainController main, Map<String, String> environment) {
        MprisBridge bridge = new MprisBridge(main, environment);
        for (Observable o : List.<Observable>of(bridge.player.stateProperty(), bridge.player.nowPlayingProperty(),
                bridge.player.durationProperty(), bridge.player.volumeProperty(), bridge.player.mutedProperty(),
                bridge.playlist.entries(), bridge.playlist.currentProperty(), bridge.playlist.repeatProperty(),
                bridge.playlist.shuffleProperty())) {
            o.addListener(bridge.changed);
        }
        bridge.player.addSeekListener(bridge.service::seeked);
        bridge.push();
        return bridge;
    }

    public MprisService service() { return service; }

    private void push() {
        BufferRow row = player.nowPlayingProperty().get();
        if (row != watched) {
            if (watched != null) watched.factsProperty().removeListener(changed);
            if (row != null) row.factsProperty().addListener(changed);
            watched = row;
        }
        service.update(nowPlaying(row));
    }

    private NowPlaying nowPlaying(BufferRow row) {
        NowPlaying.Status status = switch (player.state()) {
            case PLAYING, LOADING -> NowPlaying.Status.PLAYING;
            case PAUSED -> NowPlaying.Status.PAUSED;
            default -> NowPlaying.Status.STOPPED;
        };
        String loop = switch (playlist.repeatProperty().get()) {
            case ONE -> "Track";
            case ALL -> "Playlist";
            default -> "None";
        };
        double volume = player.mutedProperty().get() ? 0 : player.volumeProperty().get();
        long length = player.durationProperty().get();
        return new NowPlaying(status, row == null ? null : row.buffer(), row == null ? "" : row.title(),
                length >= 0 ? length : row == null ? -1 : row.durationMillis(), volume,
                playlist.next().isPresent(), playlist.previous().isPresent() || row != null, loop,
                playlist.shuffleProperty().get());
    }

    // ---- commands from the desktop (D-Bus threads)

    @Override public void play() { Fx.run(() -> { if (player.state() != PlayerState.PLAYING) player.playPause(); }); }
    @Override public void pause() { Fx.run(() -> { if (player.state() == PlayerState.PLAYING) player.playPause(); }); }
    @Override public void playPause() { Fx.run(player::playPause); }
    @Override public void stop() { Fx.run(player::stop); }
    @Override public void next() { Fx.run(player::next); }
    @Override public void previous() { Fx.run(player::previous); }
    @Override public void seekTo(long millis) { Fx.run(() -> player.seekTo(millis)); }
    @Override public void setVolume(double volume) { Fx.run(() -> player.volumeProperty().set(volume)); }
    @Override public void open(String source) { Fx.run(() -> main.sources().openLaunched(List.of(source), false)); }
    @Override public void raise() { Fx.run(() -> main.sources().openLaunched(List.of(), false)); }
    @Override public void quit() { Fx.run(main.stage()::close); }
    @Override public long positionMillis() { return player.positionMillis(); }

    @Override
    public void close() {
        service.close();
    }
}
