package dev.bufferdeck.ui.main;

import dev.bufferdeck.playlist.PlaylistEntry;
import dev.bufferdeck.playlist.PlaylistFiles;
import dev.bufferdeck.playlist.PlaylistFormatException;
import dev.bufferdeck.ui.notify.Notifier;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.playlist.EntryLocation;
import dev.bufferdeck.ui.playlist.PlaylistModel;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Importing and exporting playlist files (M3U, M3U8, PLS, XSPF): read and written on the pool. FX thread. */
public final class PlaylistFileActions {
    private final AppServices.PlaylistReader reader;
    private final PlaylistModel playlist;
    private final PlayerController player;
    private final SourceOpener opener;
    private final Notifier notifier;
    private final Executor pool;
    /** The window a dialog belongs to: the playlist window when it shows, else the main window. */
    private final Supplier<Stage> owner;

    PlaylistFileActions(AppServices.PlaylistReader reader, PlaylistModel playlist, PlayerController player, SourceOpener opener,
                        Notifier notifier, Executor pool, Supplier<Stage> owner) {
        this.reader = reader;
        this.playlist = playlist;
        this.player = player;
        this.opener = opener;
        this.notifier = notifier;
        this.pool = pool;
        this.owner = owner;
    }

    public void importPlaylist() {
        File file = chooser("Import playlist").showOpenDialog(owner.get());
        if (file != null) importPlaylist(file.toPath());
    }

    /** Asks whether the imported entries replace the playlist or follow it (when it is not empty), then imports. */
    public void importPlaylist(Path file) {
        if (playlist.entries().isEmpty()) {
            importPlaylist(file, false);
            return;
        }
        ImportChoice.ask(owner.get(), file.getFileName().toString(), playlist.entries().size())
                .ifPresent(replace -> importPlaylist(file, replace));
    }

    /** Reads the playlist file on the pool, then loads its entries in order, reporting the missing ones once. */
    public void importPlaylist(Path file, boolean replace) {
        pool.execute(() -> {
            try {
                List<PlaylistEntry> entries = reader.read(file);
                Platform.runLater(() -> {
                    if (replace) {
                        player.stop();
                        playlist.clear();
                    }
                    notifier.info((replace ? "Replaced the playlist with " : "Appending ") + entries.size()
                            + " entries from " + file.getFileName());
                    opener.loadListed(entries, SourceOpener.APPEND,
                            missing -> opener.reportMissing(file.getFileName().toString(), missing));
                });
            } catch (Throwable e) { // an OutOfMemoryError too: the window must stay usable
                notifier.error(file.getFileName() + ": cannot read playlist (" + (e instanceof OutOfMemoryError
                        ? "not enough memory" : e.getMessage()) + ")");
            }
        });
    }

    public void exportPlaylist() {
        FileChooser chooser = chooser("Export playlist");
        chooser.setInitialFileName("playlist.m3u8");
        File file = chooser.showSaveDialog(owner.get());
        if (file != null) exportPlaylist(file.toPath());
    }

    /** Writes the entries a player can read back; those with no location outside BufferDeck are left out, and counted in the notice. */
    public void exportPlaylist(Path file) {
        List<PlaylistEntry> entries = new ArrayList<>();
        int skipped = 0;
        for (PlaylistRow e : playlist.entries()) {
            BufferRow row = e.row();
            if (row == null) { // a reference: its location, and the title and length its list gave it
                if (e.location() == null) {
                    skipped++;
                    continue;
                }
                String named = PlaylistEntry.at(e.location()).displayTitle();
                entries.add(PlaylistEntry.unloaded(e.location(), e.title().equals(named) ? "" : e.title(), e.durationMillis()));
                continue;
            }
            String location = EntryLocation.of(row.buffer().origin());
            if (location == null) skipped++;
            else entries.add(PlaylistEntry.unloaded(location, row.title() == null ? "" : row.title(),
                    row.durationMillis() < 0 ? PlaylistEntry.UNKNOWN_DURATION : row.durationMillis()));
        }
        int dropped = skipped;
        pool.execute(() -> {
            try {
                int leftOut = dropped + PlaylistFiles.write(file, entries);
                notifier.info("Exported " + (entries.size() + dropped - leftOut) + " entries to " + file.getFileName()
                        + (leftOut == 0 ? "" : leftOut == 1 ? " · 1 entry has no location outside BufferDeck and was left out"
                        : " · " + leftOut + " entries have no location outside BufferDeck and were left out"));
            } catch (PlaylistFormatException | RuntimeException e) {
                notifier.error(file.getFileName() + ": cannot write playlist (" + e.getMessage() + ")");
            }
        });
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Playlists", "*.m3u8", "*.m3u", "*.pls", "*.xspf"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }
}
