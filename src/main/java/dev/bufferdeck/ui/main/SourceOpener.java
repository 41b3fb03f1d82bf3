package dev.bufferdeck.ui.main;

import dev.bufferdeck.playlist.PlaylistEntry;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.source.DemoClip;
import dev.bufferdeck.source.FileGlimpse;
import dev.bufferdeck.ui.dnd.ClipboardReader;
import dev.bufferdeck.ui.dnd.DroppedItems;
import dev.bufferdeck.ui.downloads.LoadRequest;
import dev.bufferdeck.ui.downloads.Loads;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.library.LibraryModel;
import dev.bufferdeck.ui.notify.Notifier;
import dev.bufferdeck.ui.playlist.EntryLocation;
import dev.bufferdeck.ui.playlist.PlaylistModel;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.thread.Fx;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the user opens: files, URLs, the clipboard, drops, another launch's sources, and the
 * locations of a playlist file or session. Everything loads on the background pool and lands in
 * the playlist in the order given. FX thread.
 */
public final class SourceOpener {
    /** As an index: after whatever the playlist holds when each buffer arrives. */
    public static final int APPEND = -1;

    private final Stage stage;
    private final Loads loads;
    private final LibraryModel library;
    private final PlaylistModel playlist;
    private final PlayerController player;
    private final Notifier notifier;

    SourceOpener(Stage stage, Loads loads, LibraryModel library, PlaylistModel playlist, PlayerController player, Notifier notifier) {
        this.stage = stage;
        this.loads = loads;
        this.library = library;
        this.playlist = playlist;
        this.player = player;
        this.notifier = notifier;
    }

    public void openFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open media files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Audio", "*.mp3", "*.wav", "*.ogg", "*.oga", "*.opus", "*.flac",
                        "*.aif", "*.aiff", "*.au", "*.m4a"),
                new FileChooser.ExtensionFilter("Video", "*.mp4", "*.m4v", "*.mov"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files == null || files.isEmpty()) return;
        loadIntoPlaylist(files.stream().<LoadRequest>map(f -> new LoadRequest.Source(f.getPath())).toList(),
                APPEND, true);
    }

    public void openUrl() {
        TextInputDialog dialog = new TextInputDialog(clipboardUrl());
        dialog.initOwner(stage);
        dialog.setTitle("Open URL");
        dialog.setHeaderText("Load a URL into memory");
        dialog.setContentText("http(s) URL:");
        dialog.getEditor().setPrefColumnCount(40);
        // A URL taken from the clipboard is selected, so typing replaces it.
        dialog.setOnShown(e -> Platform.runLater(() -> dialog.getEditor().selectAll()));
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(this::openUrl);
    }

    public void openUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            notifier.error(url + ": not an http or https URL");
            return;
        }
        loadIntoPlaylist(List.of(new LoadRequest.Source(url)), APPEND, true);
    }

    private static String clipboardUrl() {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (!cb.hasString()) return "";
        String s = cb.getString().strip();
        return s.matches("(?i)https?://\\S+") ? s : "";
    }

    /** Ctrl+V: whatever the clipboard holds (files, URLs, bytes) becomes buffers queued to play. */
    public void paste() {
        DroppedItems items = ClipboardReader.read(Clipboard.getSystemClipboard());
        if (items.isEmpty()) {
            notifier.info("Nothing to paste: the clipboard holds no file, URL or data");
            return;
        }
        dropOnPlayer(items);
    }

    /** A drop on the main window: loaded, appended to the playlist, played when nothing plays. */
    public void dropOnPlayer(DroppedItems items) {
        if (usable(items)) loadIntoPlaylist(items.toRequests(), APPEND, true);
    }

    /** A drop on the library: loaded into memory only. */
    public void dropOnLibrary(DroppedItems items) {
        if (usable(items)) loads.load(items.toRequests(), b -> {});
    }

    /** A drop on the playlist: loaded and inserted at {@code index}, in order. */
    public void dropAt(DroppedItems items, int index) {
        if (usable(items)) loadIntoPlaylist(items.toRequests(), index, false);
    }

    private boolean usable(DroppedItems items) {
        if (!items.isEmpty()) return true;
        notifier.info("Nothing usable in that drop: no files, URLs or data");
        return false;
    }

    /**
     * Sources another launch handed over: loaded and queued, the first played when nothing plays;
     * with {@code enqueueOnly} just queued, without raising the window.
     */
    /** "Record": keeps what the live stream's window holds now as an ordinary buffer in the library. */
    public void recordWindow(MediaBuffer live) {
        loads.keepWindow(live, kept -> notifier.info("Kept " + ByteSizes.human(kept.size()) + " of " + live.name()
                + " as " + kept.name()));
    }

    /**
     * "Record the next N minutes": a buffer of its own grows in the library while the stream plays
     * (its line in the downloads list stops it early, keeping what it has).
     */
    public void recordNext(MediaBuffer live, Duration duration) {
        notifier.info("Recording the next " + duration.toMinutes() + " min of " + live.name());
        loads.load(List.of(new LoadRequest.Recording(live, duration)), kept -> {}, failed -> {
            if (failed.isEmpty()) notifier.info("The recording of " + live.name() + " is in the library");
            else failed.forEach(notifier::error);
        });
    }

    public void openLaunched(List<String> sources, boolean enqueueOnly) {
        if (!enqueueOnly) {
            stage.setIconified(false);
            stage.toFront();
        }
        if (!sources.isEmpty()) loadIntoPlaylist(Loads.sources(sources), APPEND, !enqueueOnly);
    }

    /**
     * Puts what the user opened into the playlist at {@code index}, {@code index + 1}, … (or
     * {@link #APPEND}s it). Folders and playlists are looked into first (in the background). When
     * they held local files, or more than {@value #MANY} local files were given, those become
     * references at once, in one insert: each loads when its turn comes, so a folder of any size
     * costs no memory before it plays. Otherwise each source loads in order and is inserted as it
     * arrives. One rule for every way of opening: when nothing plays, the first new entry plays;
     * otherwise the new entries are queued, and one notice says how many ("3 added to the
     * playlist"). A single source that plays is named ("Playing song.mp3").
     */
    public void loadIntoPlaylist(List<LoadRequest> requests, int index, boolean playFirstIfIdle) {
        if (requests.stream().noneMatch(r -> r instanceof LoadRequest.Source)) {
            load(requests, index, playFirstIfIdle);
            return;
        }
        loads.expand(requests, (found, problems) -> {
            problems.forEach(notifier::error);
            List<String> files = found.stream().filter(SourceOpener::isLocalFile).map(r -> ((LoadRequest.Source) r).pathOrUrl()).toList();
            boolean fromFolders = !files.stream().allMatch(f -> requests.contains(new LoadRequest.Source(f)));
            if (files.isEmpty() || !fromFolders && files.size() <= MANY) {
                load(found, index, playFirstIfIdle);
                return;
            }
            int at = index == APPEND ? playlist.entries().size() : Math.min(index, playlist.entries().size());
            List<PlaylistRow> rows = playlist.insertReferences(at, files);
            List<LoadRequest> rest = found.stream().filter(r -> !isLocalFile(r)).toList();
            boolean playing = playFirstIfIdle && !isBusy();
            if (playing) player.play(rows.get(0));
            notifier.info((playing ? "Playing " + rows.get(0).title() + "; " : "") + rows.size()
                    + " files added to the playlist (each loads when its turn comes)");
            if (!rest.isEmpty()) load(rest, index == APPEND ? APPEND : at + rows.size(), playFirstIfIdle && !playing);
        });
    }

    /** More local files than this, given at once, become references (a folder's or playlist's always do). */
    static final int MANY = 8;

    private static boolean isLocalFile(LoadRequest request) {
        return request instanceof LoadRequest.Source s && FileGlimpse.localPath(s.pathOrUrl()) != null;
    }

    private void load(List<LoadRequest> requests, int index, boolean playFirstIfIdle) {
        Arrivals arrivals = new Arrivals(index, playFirstIfIdle);
        loads.loadTogether(requests, arrivals::arrived, arrivals::finished);
    }

    /** The buffers of one {@link #loadIntoPlaylist} as they arrive, in order (those of one pulse together, in one insert). */
    private final class Arrivals {
        private int next;
        private final boolean playFirstIfIdle;
        private boolean first = true;
        private final List<String> queued = new ArrayList<>();

        Arrivals(int index, boolean playFirstIfIdle) {
            this.next = index;
            this.playFirstIfIdle = playFirstIfIdle;
        }

        void arrived(List<MediaBuffer> buffers) {
            List<BufferRow> rows = buffers.stream().map(library::rowFor).toList();
            List<PlaylistRow> entries = playlist.insertAll(next == APPEND ? playlist.entries().size() : next, rows);
            if (next != APPEND) next += entries.size();
            for (int i = 0; i < buffers.size(); i++) {
                MediaBuffer buffer = buffers.get(i);
                if (first && playFirstIfIdle && !isBusy()) {
                    PlaylistRow entry = entries.get(i);
                    // the rows are laid out in this pulse, what now playing shows in the next, the notice in the one
                    // after (one gap of all three was over 50 ms, and of the last two 50-59 ms)
                    String note = "Playing " + buffer.name() + (buffer.isLive() ? " (live stream)"
                            : buffer.isComplete() ? " (" + ByteSizes.human(buffer.size()) + " loaded)" : " while it loads");
                    Fx.atNextPulse(() -> {
                        player.play(entry);
                        Fx.atNextPulse(() -> notifier.info(note));
                    });
                } else {
                    queued.add(buffer.name());
                }
                first = false;
            }
        }

        void finished(List<String> failed) {
            if (!queued.isEmpty()) {
                notifier.info(queued.size() == 1 ? queued.get(0) + " added to the playlist"
                        : queued.size() + " added to the playlist");
            }
            failed.forEach(notifier::error);
        }
    }

    private boolean isBusy() {
        return switch (player.state()) {
            case PLAYING, PAUSED, LOADING -> true;
            default -> false;
        };
    }

    /**
     * Puts a reference row for each location into the playlist at once, at {@code index}, in order:
     * nothing is loaded now. An entry is loaded when it is about to play or follows the one playing
     * ({@link PlayerController#setFetcher}); it stays, marked unavailable with the reason, when it
     * cannot be loaded then. In the background, files that are gone are marked at once; URLs are not
     * contacted before their turn.
     *
     * @param missing gets the reasons of the files found missing, once, after the check
     */
    List<PlaylistRow> loadLocations(List<String> locations, int index, Consumer<List<String>> missing) {
        return loadListed(locations.stream().map(PlaylistEntry::at).toList(), index, missing);
    }

    /** The same for a playlist file's entries, which keep the file's titles and lengths until they load. */
    List<PlaylistRow> loadListed(List<PlaylistEntry> listed, int index, Consumer<List<String>> missing) {
        int at = index == APPEND ? playlist.entries().size() : index;
        List<PlaylistRow> rows = playlist.insertListed(at, listed);
        markMissingFiles(rows, missing);
        return rows;
    }

    /** In the background: one look at each local file (no read); the gone ones are marked on the FX thread. */
    private void markMissingFiles(List<PlaylistRow> rows, Consumer<List<String>> missing) {
        List<String> locations = rows.stream().map(PlaylistRow::location).toList();
        CompletableFuture.runAsync(() -> {
            List<Integer> gone = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < locations.size(); i++) {
                String why = LocalReferences.whyUnreadable(locations.get(i));
                if (why != null) {
                    gone.add(i);
                    reasons.add(locations.get(i) + ": " + why);
                }
            }
            Platform.runLater(() -> {
                for (int k = 0; k < gone.size(); k++) {
                    PlaylistRow row = rows.get(gone.get(k));
                    if (!row.isLoaded()) playlist.markUnavailable(row, reasons.get(k));
                }
                missing.accept(List.copyOf(reasons));
            });
        });
    }

    /** Entries being loaded because their turn came: each is asked for once. */
    private final Set<PlaylistRow> fetching = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Loads a reference whose turn came, or that follows the one playing; the player hears when it
     * arrived or could not be loaded. One that follows and cannot be loaded now (the budget is held
     * by what plays and what is pinned) stays a reference: its own turn asks again.
     */
    void fetch(PlaylistRow entry) {
        if (entry.location() == null || !fetching.add(entry)) return;
        loads.loadEach(List.of(request(entry.location())), (i, buffer) -> {
            fetching.remove(entry);
            playlist.fill(entry, library.rowFor(buffer));
            player.arrived(entry);
        }, (i, reason) -> {
            fetching.remove(entry);
            if (player.waitsFor(entry)) {
                playlist.markUnavailable(entry, reason);
                player.unavailable(entry, reason);
            }
        });
    }

    /** The library row the user has open (details, hex view): kept in memory while it is open. */
    private MediaBuffer.Use viewing;

    /**
     * The user opened {@code row} in the library (null: none): its bytes stay in memory while it is
     * open; a reference is loaded again first, and {@code loaded} runs (FX thread) once it is back.
     */
    public void open(BufferRow row, Runnable loaded) {
        if (viewing != null) viewing.close();
        viewing = null;
        if (row == null) return;
        MediaBuffer buffer = row.buffer();
        if (buffer.isResident()) {
            viewing = buffer.use();
            return;
        }
        String location = EntryLocation.of(buffer.origin());
        if (location == null) return;
        loads.loadEach(List.of(request(location)), (i, back) -> {
            if (back != buffer || !back.isResident()) return;
            if (viewing != null) viewing.close();
            viewing = back.use();
            loaded.run();
        }, (i, reason) -> notifier.error(reason));
    }

    /** One notice for all the entries of a playlist or session that could not be loaded. */
    void reportMissing(String what, List<String> failures) {
        if (failures.isEmpty()) return;
        notifier.error((failures.size() == 1 ? what + ": 1 entry could not be loaded"
                : what + ": " + failures.size() + " entries could not be loaded")
                + " (kept in the playlist, marked unavailable; right-click to retry) — " + String.join("; ", failures));
    }

    /** Loads an unavailable entry's location again; it keeps its place in the list. */
    public void retry(PlaylistRow entry) {
        if (entry.location() == null || !entry.isUnavailable()) return;
        notifier.info("Loading " + entry.location() + " again");
        loadRows(List.of(entry), missing -> {
            if (missing.isEmpty()) notifier.info(entry.title() + " is available again");
            else notifier.error(missing.get(0));
        });
    }

    private void loadRows(List<PlaylistRow> rows, Consumer<List<String>> missing) {
        List<LoadRequest> requests = rows.stream().map(r -> request(r.location())).toList();
        List<String> reasons = new ArrayList<>();
        Runnable oneDone = new Runnable() {
            private int done;

            @Override
            public void run() {
                if (++done == rows.size()) missing.accept(List.copyOf(reasons));
            }
        };
        loads.loadEach(requests, (i, buffer) -> {
            PlaylistRow entry = rows.get(i);
            playlist.fill(entry, library.rowFor(buffer));
            player.arrived(entry);
            oneDone.run();
        }, (i, reason) -> {
            playlist.markUnavailable(rows.get(i), reason);
            reasons.add(reason);
            oneDone.run();
        });
    }

    private static LoadRequest request(String location) {
        return EntryLocation.DEMO.equals(location)
                ? new LoadRequest.BuiltIn(DemoClip.NAME, DemoClip.RESOURCE, DemoClip::wavBytes)
                : new LoadRequest.Source(location);
    }
}
