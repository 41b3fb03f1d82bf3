package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.playback.PlaybackClock;
import dev.bufferdeck.ui.regions.HexInspector;

/** The hex inspector's view of the player: what plays, where, and seeking. */
record PlayerTransport(PlayerController player) implements HexInspector.Transport {
    @Override
    public MediaBuffer current() {
        BufferRow row = player.settledProperty().get();
        return row == null ? null : row.buffer();
    }

    @Override public boolean isPlaying() { return player.state() == PlayerState.PLAYING; }
    @Override public PlaybackClock clock() { return player.clock(); }
    @Override public void seek(long millis) { player.seekTo(millis); }
}
