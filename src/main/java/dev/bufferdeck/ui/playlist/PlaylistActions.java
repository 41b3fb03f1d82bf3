package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.ui.dnd.DroppedItems;
import java.util.List;

/** What the playlist window asks of the rest of the app. */
public interface PlaylistActions {
    void play(PlaylistRow entry);
    /** Loads the items and inserts them at {@code index} (the end when it equals the size). */
    void dropAt(DroppedItems items, int index);
    /** Library buffers dragged onto the playlist: inserted at {@code index} without loading anything. */
    void insertBuffers(List<Long> bufferIds, int index);
    /** Loads an unavailable entry's source again; it keeps its place in the list. */
    void retry(PlaylistRow entry);
    void importPlaylist();
    void exportPlaylist();
}
