package dev.bufferdeck.ui.library;

import java.util.List;

/** What the library's buttons and menu ask of the rest of the app. */
public interface LibraryActions {
    void play(BufferRow row);
    void addToPlaylist(List<BufferRow> rows);
    void remove(List<BufferRow> rows);
    void save(BufferRow row);
}
