package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.ui.library.BufferRow;

/** One line of the playlist; the same buffer may be listed twice, as two entries. */
public final class PlaylistEntry {
    private final BufferRow row;

    public PlaylistEntry(BufferRow row) {
        this.row = row;
    }

    public BufferRow row() { return row; }

    @Override
    public String toString() { return row.title(); }
}
