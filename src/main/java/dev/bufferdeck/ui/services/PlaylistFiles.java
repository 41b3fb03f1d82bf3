package dev.bufferdeck.ui.services;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads and writes playlist files (M3U, M3U8, PLS, XSPF), chosen by the file name. */
public interface PlaylistFiles {

    /** @param title shown in the file where the format has titles; may be null */
    record Item(String location, String title, long durationMillis) {}

    List<Item> read(Path file) throws IOException;

    /**
     * Writes the items a player can read back; those with no location outside BufferDeck (the demo
     * clip) are left out.
     *
     * @return how many items were left out
     */
    int write(Path file, List<Item> items) throws IOException;
}
