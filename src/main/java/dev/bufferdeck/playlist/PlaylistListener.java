package dev.bufferdeck.playlist;

/** Told about every change of a {@link Playlist}, on the thread that made it, after the change. */
@FunctionalInterface
public interface PlaylistListener {

    enum Change {
        /** Entries were added, removed, moved or replaced. The current index may have moved too. */
        ENTRIES,
        /** The current entry changed (another entry, or none). */
        CURRENT,
        /** Shuffle was switched on or off. */
        SHUFFLE,
        /** The repeat mode changed. */
        REPEAT
    }

    void playlistChanged(Playlist playlist, Change change);
}
