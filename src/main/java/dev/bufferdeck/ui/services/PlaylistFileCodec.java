package dev.bufferdeck.ui.services;

import dev.bufferdeck.playlist.PlaylistEntry;
import dev.bufferdeck.playlist.PlaylistFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** M3U, M3U8, PLS and XSPF through the playlist package. */
public final class PlaylistFileCodec implements PlaylistFiles {
    @Override
    public List<Item> read(Path file) throws IOException {
        try {
            return dev.bufferdeck.playlist.PlaylistFiles.read(file).stream()
                    .map(e -> new Item(e.origin(), e.title(), e.durationMillis())).toList();
        } catch (PlaylistFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public int write(Path file, List<Item> items) throws IOException {
        try {
            return dev.bufferdeck.playlist.PlaylistFiles.write(file, items.stream()
                    .map(i -> PlaylistEntry.unloaded(i.location(), i.title() == null ? "" : i.title(),
                            i.durationMillis() < 0 ? PlaylistEntry.UNKNOWN_DURATION : i.durationMillis()))
                    .toList());
        } catch (PlaylistFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
