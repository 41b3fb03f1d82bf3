package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.ui.library.BufferRow;

/**
 * One line of the playlist table: the library row whose title and duration it shows. Each row is
 * its own object, so the same buffer listed twice is two rows. Order and play decisions live in
 * {@link dev.bufferdeck.playlist.Playlist}.
 */
public final class PlaylistRow {
    private final BufferRow row;

    public PlaylistRow(BufferRow row) {
        this.row = row;
    }

    public BufferRow row() { return row; }

    @Override
    public String toString() { return row.title(); }
}
