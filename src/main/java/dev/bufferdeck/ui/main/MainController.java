package dev.bufferdeck.ui.main;

import dev.bufferdeck.playlist.PlaylistEntry;
import dev.bufferdeck.playlist.PlaylistFiles;
import dev.bufferdeck.playlist.PlaylistFormatException;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.session.SessionStore;
import dev.bufferdeck.session.WindowBounds;
import dev.bufferdeck.source.DemoClip;
import dev.bufferdeck.ui.dnd.ClipboardReader;
import dev.bufferdeck.ui.dnd.DroppedItems;
import dev.bufferdeck.ui.downloads.LoadRequest;
import dev.bufferdeck.ui.downloads.Loads;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.library.LibraryActions;
import dev.bufferdeck.ui.library.LibraryModel;
import dev.bufferdeck.ui.notify.Notifier;
import dev.bufferdeck.ui.playlist.EntryLocation;
import dev.bufferdeck.ui.playlist.PlaylistActions;
import dev.bufferdeck.ui.playlist.PlaylistModel;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.playlist.PlaylistWindow;
import dev.bufferdeck.ui.thread.Background;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The main window's commands: opening, pasting and dropping sources, library and playlist actions,
 * playlist files, and the session. Runs on the FX thread; long work goes to the background pool.
 */
public final class MainController implements LibraryActions, PlaylistActions {
    /** How the demo clip is written in a saved playlist. */
    public static final String DEMO_LOCATION = EntryLocation.DEMO;

    private final AppServices services;
    private final Stage stage;
    private final Notifier notifier = new Notifier();
    private final ExecutorService pool = Background.newPool("bufferdeck-load", 2);
    private final LibraryModel library;
    private final PlaylistModel playlist = new PlaylistModel();
    private final PlayerController player;
    private final Loads loads;
    private PlaylistWindow playlistWindow;
    private WindowBounds playlistGeometry;
    private final dev.bufferdeck.ui.theme.ThemeSwitcher theme = new dev.bufferdeck.ui.theme.ThemeSwitcher();
    private final javafx.beans.property.StringProperty libraryColumns = new javafx.beans.property.SimpleStringProperty("");
    private final java.util.function.Supplier<WindowBounds> mainBounds;
    private final SessionSaver saver;
    /** The main window's dividers: set from the session on start, kept current by the window. */
    private final javafx.beans.property.ObjectProperty<dev.bufferdeck.session.PaneDividers> dividers =
            new javafx.beans.property.SimpleObjectProperty<>();

    public MainController(AppServices services, Stage stage) {
        this.services = services;
        this.stage = stage;
        this.library = new LibraryModel(services.repository(), services.facts(), pool);
        this.player = new PlayerController(services.playback(), playlist, notifier);
        player.setFetcher(this::fetch);
        this.loads = new Loads(services.loader(), pool, notifier);
        this.mainBounds = WindowPlacement.track(stage);
        this.saver = new SessionSaver(this::sessionState, services.playback()::positionMillis, services.session());
        saveOnChanges();
        library.rows().addListener((ListChangeListener<BufferRow>) c -> {
            while (c.next()) {
                for (BufferRow gone : c.getRemoved()) {
                    if (library.repository().findById(gone.buffer().id()).isEmpty()) {
                        player.forget(gone.buffer());
                        playlist.removeBuffer(gone.buffer());
                    }
                }
            }
        });
    }

    /** Every change the session holds is saved shortly after it happens. */
    private void saveOnChanges() {
        javafx.beans.InvalidationListener changed = o -> saver.changed();
        playlist.entries().addListener(changed);
        playlist.currentProperty().addListener(changed);
        playlist.repeatProperty().addListener(changed);
        playlist.shuffleProperty().addListener(changed);
        player.volumeProperty().addListener(changed);
        player.mutedProperty().addListener(changed);
        player.stateProperty().addListener(changed);
        watchWindow(stage, changed);
        stage.maximizedProperty().addListener(changed);
        theme.choiceProperty().addListener(changed);
        libraryColumns.addListener(changed);
    }

    private static void watchWindow(Stage window, javafx.beans.InvalidationListener changed) {
        window.xProperty().addListener(changed);
        window.yProperty().addListener(changed);
        window.widthProperty().addListener(changed);
        window.heightProperty().addListener(changed);
        window.showingProperty().addListener(changed);
    }

    /** Saves the session when the process is told to end (SIGTERM: logout, shutdown, {@code kill}). */
    public void saveOnTermination() {
        saver.installShutdownHook();
    }

    public Notifier notifier() { return notifier; }
    public LibraryModel library() { return library; }
    public PlaylistModel playlist() { return playlist; }
    public PlayerController player() { return player; }
    public Loads loads() { return loads; }
    public AppServices services() { return services; }
    public Stage stage() { return stage; }
    public dev.bufferdeck.ui.theme.ThemeSwitcher theme() { return theme; }
    /** The library table's column order and widths, as the session keeps them. */
    public javafx.beans.property.StringProperty libraryColumnsProperty() { return libraryColumns; }

    // ---- sources

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
        if (items.isEmpty()) {
            notifier.info("Nothing usable in that drop: no files, URLs or data");
            return;
        }
        loadIntoPlaylist(items.toRequests(), APPEND, true);
    }

    /** A drop on the library: loaded into memory only. */
    public void dropOnLibrary(DroppedItems items) {
        if (items.isEmpty()) {
            notifier.info("Nothing usable in that drop: no files, URLs or data");
            return;
        }
        loads.load(items.toRequests(), b -> {});
    }

    @Override
    public void dropAt(DroppedItems items, int index) {
        if (items.isEmpty()) {
            notifier.info("Nothing usable in that drop: no files, URLs or data");
            return;
        }
        loadIntoPlaylist(items.toRequests(), index, false);
    }

    /** As an index: after whatever the playlist holds when each buffer arrives. */
    public static final int APPEND = -1;

    /** Loads in order and inserts each buffer at {@code index}, {@code index + 1}, … (or {@link #APPEND}s it) as it arrives. */
    public void loadIntoPlaylist(List<LoadRequest> requests, int index, boolean playFirstIfIdle) {
        loadIntoPlaylist(requests, index, playFirstIfIdle, null);
    }

    /**
     * One rule for every way of opening: when nothing plays, the first new entry plays; otherwise
     * the new entries are queued, and one notice says how many ("3 added to the playlist"). A
     * single source that plays is named ("Playing song.mp3").
     */
    private void loadIntoPlaylist(List<LoadRequest> requests, int index, boolean playFirstIfIdle,
                                  java.util.function.Consumer<List<String>> failures) {
        int[] at = {index};
        boolean[] first = {true};
        boolean[] playedOne = {false};
        List<String> added = new ArrayList<>();
        loads.load(requests, buffer -> {
            BufferRow row = library.rowFor(buffer);
            PlaylistRow entry = at[0] == APPEND ? playlist.append(row) : playlist.insert(at[0]++, row);
            if (first[0] && playFirstIfIdle && !isBusy()) {
                player.play(entry);
                playedOne[0] = true;
                notifier.info("Playing " + buffer.name() + " (" + ByteSizes.human(buffer.size()) + " loaded)");
            } else {
                added.add(buffer.name());
            }
            first[0] = false;
        }, failed -> {
            if (!added.isEmpty()) {
                notifier.info(added.size() == 1 ? added.get(0) + " added to the playlist"
                        : added.size() + " added to the playlist");
            }
            if (failures != null) failures.accept(failed);
            else failed.forEach(notifier::error);
        });
    }

    /** One notice for all the entries of a playlist or session that could not be loaded. */
    private void reportMissing(String what, List<String> failures) {
        if (failures.isEmpty()) return;
        notifier.error((failures.size() == 1 ? what + ": 1 entry could not be loaded"
                : what + ": " + failures.size() + " entries could not be loaded")
                + " (kept in the playlist, marked unavailable; right-click to retry) — " + String.join("; ", failures));
    }

    private boolean isBusy() {
        return switch (player.state()) {
            case PLAYING, PAUSED, LOADING -> true;
            default -> false;
        };
    }

    // ---- library actions

    @Override
    public void play(BufferRow row) {
        PlaylistRow entry = playlist.entries().stream().filter(e -> e.row() == row).findFirst()
                .orElseGet(() -> playlist.append(row));
        player.play(entry);
    }

    @Override
    public void play(PlaylistRow entry) {
        player.play(entry);
    }

    @Override
    public void insertBuffers(List<Long> bufferIds, int index) {
        int at = Math.max(0, Math.min(index, playlist.entries().size()));
        for (long id : bufferIds) {
            var buffer = services.repository().findById(id);
            if (buffer.isPresent()) playlist.insert(at++, library.rowFor(buffer.get()));
        }
    }

    @Override
    public void addToPlaylist(List<BufferRow> rows) {
        rows.forEach(playlist::append);
        if (!rows.isEmpty()) notifier.info(rows.size() == 1 ? rows.get(0).title() + " added to the playlist"
                : rows.size() + " buffers added to the playlist");
    }

    @Override
    public void remove(List<BufferRow> rows) {
        if (rows.isEmpty()) return;
        long bytes = rows.stream().mapToLong(r -> r.buffer().size()).sum();
        for (BufferRow row : rows) {
            player.forget(row.buffer());
            playlist.removeBuffer(row.buffer());
            library.remove(row);
        }
        notifier.info("Removed " + (rows.size() == 1 ? rows.get(0).buffer().name() : rows.size() + " buffers")
                + " · " + ByteSizes.human(bytes) + " freed");
    }

    @Override
    public void save(BufferRow row) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save bytes of " + row.buffer().name());
        chooser.setInitialFileName(row.buffer().name());
        File file = chooser.showSaveDialog(stage);
        if (file != null) saveBytes(row.buffer(), file.toPath());
    }

    /** Writes the buffer's bytes, as they are, to a file (on the background pool). */
    public void saveBytes(MediaBuffer buffer, Path target) {
        pool.execute(() -> {
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = buffer.bytes();
                while (bytes.hasRemaining()) out.write(bytes);
                notifier.info("Saved " + ByteSizes.human(buffer.size()) + " to " + target);
            } catch (IOException e) {
                notifier.error(target + ": cannot save (" + e.getMessage() + ")");
            }
        });
    }

    // ---- playlist window and files

    public PlaylistWindow playlistWindow() {
        if (playlistWindow == null) {
            playlistWindow = new PlaylistWindow(playlist, this);
            Shortcuts.install(playlistWindow.scene(), player, null);
            MenuBuilder.installAccelerators(playlistWindow.scene(), this);
            Stage window = playlistWindow.stage();
            theme.attach(playlistWindow.scene());
            if (playlistGeometry != null) {
                WindowPlacement.restore(window, playlistGeometry, false);
            } else {
                window.setOnShowing(e -> {
                    if (playlistGeometry == null && Double.isNaN(window.getX())) {
                        WindowPlacement.placeBeside(window, stage, window.getScene().getWidth(), window.getScene().getHeight());
                    }
                });
            }
            watchWindow(window, o -> saver.changed());
        }
        return playlistWindow;
    }

    public void togglePlaylistWindow() {
        playlistWindow().toggle();
    }

    @Override
    public void importPlaylist() {
        FileChooser chooser = playlistChooser("Import playlist");
        File file = chooser.showOpenDialog(playlistWindow().stage());
        if (file != null) importPlaylist(file.toPath());
    }

    /** Asks whether the imported entries replace the playlist or follow it (when it is not empty), then imports. */
    public void importPlaylist(Path file) {
        if (playlist.entries().isEmpty()) {
            importPlaylist(file, false);
            return;
        }
        ImportChoice.ask(playlistWindow == null || !playlistWindow.stage().isShowing() ? stage : playlistWindow.stage(),
                file.getFileName().toString(), playlist.entries().size()).ifPresent(replace -> importPlaylist(file, replace));
    }

    /** Reads the playlist file on the pool, then loads its entries in order, reporting the missing ones once. */
    public void importPlaylist(Path file, boolean replace) {
        AppServices.PlaylistReader reader = services.playlistReader();
        pool.execute(() -> {
            try {
                List<PlaylistEntry> items = reader.read(file);
                javafx.application.Platform.runLater(() -> {
                    if (replace) {
                        player.stop();
                        playlist.clear();
                    }
                    notifier.info((replace ? "Replaced the playlist with " : "Appending ") + items.size()
                            + " entries from " + file.getFileName());
                    loadLocations(items.stream().map(PlaylistEntry::origin).toList(), APPEND,
                            missing -> reportMissing(file.getFileName().toString(), missing));
                });
            } catch (Throwable e) { // an OutOfMemoryError too: the window must stay usable
                notifier.error(file.getFileName() + ": cannot read playlist (" + (e instanceof OutOfMemoryError
                        ? "not enough memory" : e.getMessage()) + ")");
            }
        });
    }

    @Override
    public void exportPlaylist() {
        FileChooser chooser = playlistChooser("Export playlist");
        chooser.setInitialFileName("playlist.m3u8");
        File file = chooser.showSaveDialog(playlistWindow().stage());
        if (file != null) exportPlaylist(file.toPath());
    }

    public void exportPlaylist(Path file) {
        List<PlaylistEntry> items = new ArrayList<>();
        int skipped = 0;
        for (PlaylistRow e : playlist.entries()) {
            String location = location(e.row().buffer().origin());
            if (location == null) skipped++;
            else items.add(PlaylistEntry.unloaded(location, e.row().title() == null ? "" : e.row().title(),
                    e.row().durationMillis() < 0 ? PlaylistEntry.UNKNOWN_DURATION : e.row().durationMillis()));
        }
        int dropped = skipped;
        pool.execute(() -> {
            try {
                int leftOut = dropped + PlaylistFiles.write(file, items);
                notifier.info("Exported " + (items.size() + dropped - leftOut) + " entries to " + file.getFileName()
                        + (leftOut == 0 ? "" : leftOut == 1 ? " · 1 entry has no location outside BufferDeck and was left out"
                        : " · " + leftOut + " entries have no location outside BufferDeck and were left out"));
            } catch (PlaylistFormatException | RuntimeException e) {
                notifier.error(file.getFileName() + ": cannot write playlist (" + e.getMessage() + ")");
            }
        });
    }

    private static FileChooser playlistChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Playlists", "*.m3u8", "*.m3u", "*.pls", "*.xspf"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    /** Where an entry can be found again: a path, a URL, the demo clip; null for dropped data. */
    static String location(Origin origin) {
        return EntryLocation.of(origin);
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
    List<PlaylistRow> loadLocations(List<String> locations, int index, java.util.function.Consumer<List<String>> missing) {
        int at = index == APPEND ? playlist.entries().size() : index;
        List<PlaylistRow> rows = playlist.insertReferences(at, locations);
        markMissingFiles(rows, missing);
        return rows;
    }

    /** On the pool: one look at each local file (no read); the gone ones are marked on the FX thread. */
    private void markMissingFiles(List<PlaylistRow> rows, java.util.function.Consumer<List<String>> missing) {
        List<String> locations = rows.stream().map(PlaylistRow::location).toList();
        pool.execute(() -> {
            List<Integer> gone = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < locations.size(); i++) {
                String why = LocalReferences.whyUnreadable(locations.get(i));
                if (why != null) {
                    gone.add(i);
                    reasons.add(locations.get(i) + ": " + why);
                }
            }
            javafx.application.Platform.runLater(() -> {
                for (int k = 0; k < gone.size(); k++) {
                    PlaylistRow row = rows.get(gone.get(k));
                    if (!row.isLoaded()) playlist.markUnavailable(row, reasons.get(k));
                }
                missing.accept(List.copyOf(reasons));
            });
        });
    }

    /** The library row the user has open (details, hex view): kept in memory while it is open. */
    private dev.bufferdeck.repository.MediaBuffer.Use viewing;

    /**
     * The user opened {@code row} in the library (null: none): its bytes stay in memory while it is
     * open; a reference is loaded again first, and {@code loaded} runs (FX thread) once it is back.
     */
    public void open(BufferRow row, Runnable loaded) {
        if (viewing != null) viewing.close();
        viewing = null;
        if (row == null) return;
        dev.bufferdeck.repository.MediaBuffer buffer = row.buffer();
        if (buffer.isResident()) {
            viewing = buffer.use();
            return;
        }
        String location = location(buffer.origin());
        if (location == null) return;
        loads.loadEach(List.of(request(location)), (i, back) -> {
            if (back != buffer || !back.isResident()) return;
            if (viewing != null) viewing.close();
            viewing = back.use();
            loaded.run();
        }, (i, reason) -> notifier.error(reason));
    }

    /** Entries being loaded because their turn came: each is asked for once. */
    private final java.util.Set<PlaylistRow> fetching = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Loads a reference whose turn came; the player hears when it arrived or could not be loaded. */
    private void fetch(PlaylistRow entry) {
        if (entry.location() == null || !fetching.add(entry)) return;
        loadRows(List.of(entry), missing -> {
            fetching.remove(entry);
            if (!missing.isEmpty()) player.unavailable(entry, missing.get(0));
        });
    }

    private void loadRows(List<PlaylistRow> rows, java.util.function.Consumer<List<String>> missing) {
        List<LoadRequest> requests = rows.stream().map(r -> request(r.location())).toList();
        List<String> reasons = new ArrayList<>();
        int[] done = {0};
        Runnable oneDone = () -> {
            if (++done[0] == rows.size()) missing.accept(List.copyOf(reasons));
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

    @Override
    public void retry(PlaylistRow entry) {
        if (entry.location() == null || !entry.isUnavailable()) return;
        notifier.info("Loading " + entry.location() + " again");
        loadRows(List.of(entry), missing -> {
            if (missing.isEmpty()) notifier.info(entry.title() + " is available again");
            else notifier.error(missing.get(0));
        });
    }

    private static LoadRequest request(String location) {
        return DEMO_LOCATION.equals(location) ? demoRequest() : new LoadRequest.Source(location);
    }

    private static LoadRequest demoRequest() {
        return new LoadRequest.BuiltIn(DemoClip.NAME, DemoClip.RESOURCE, DemoClip::wavBytes);
    }

    // ---- startup and session

    /** Reads the session (from a store that keeps it in memory: tests), then starts as below. */
    public void start(List<String> sources) {
        List<String> warnings = new ArrayList<>();
        Session session = readSession(services.session(), warnings);
        start(session, warnings, sources);
    }

    /** Reads the saved session; call it off the FX thread, it reads a file. */
    public static Session readSession(SessionStore store, List<String> warnings) {
        try {
            SessionStore.Loaded loaded = store.load();
            warnings.addAll(loaded.warnings());
            return loaded.session().equals(Session.defaults()) ? null : loaded.session();
        } catch (RuntimeException e) {
            warnings.add("Could not read the last session: " + e.getMessage());
            return null;
        }
    }

    /**
     * Restores the session read beforehand (or adds the demo clip on a first start, when it is
     * null), then loads the arguments, queues them and plays the first.
     */
    public void start(Session session, List<String> warnings, List<String> sources) {
        warnings.forEach(notifier::error);
        if (session != null) {
            theme.choiceProperty().set(dev.bufferdeck.ui.theme.ThemeChoice.parse(session.theme()));
            libraryColumns.set(session.libraryColumns());
            player.volumeProperty().set(session.volume());
            player.mutedProperty().set(session.muted());
            playlist.repeatProperty().set(session.repeat());
            playlist.shuffleProperty().set(session.shuffle());
            WindowPlacement.restore(stage, session.mainWindow(), session.mainMaximized());
            playlistGeometry = session.playlistWindow();
            if (session.dividers() != null) dividers.set(session.dividers());
            List<PlaylistRow> rows = loadLocations(session.playlistOrigins(), 0, missing -> reportMissing("Last session", missing));
            int current = session.currentIndex();
            if (current >= 0 && current < rows.size()) player.cue(rows.get(current), session.positionMillis());
            if (session.playlistShowing()) javafx.application.Platform.runLater(() -> playlistWindow().show());
        } else {
            addDemoClip(sources.isEmpty());
        }
        if (!sources.isEmpty()) {
            loadIntoPlaylist(Loads.sources(sources), APPEND, true);
        }
    }

    /**
     * Sources another launch handed over: loaded and queued, the first played when nothing plays;
     * with {@code enqueueOnly} just queued, without raising the window.
     */
    public void openLaunched(List<String> sources, boolean enqueueOnly) {
        if (!enqueueOnly) {
            stage.setIconified(false);
            stage.toFront();
        }
        if (!sources.isEmpty()) loadIntoPlaylist(Loads.sources(sources), APPEND, !enqueueOnly);
    }

    /** Synthesises the demo clip off the FX thread and adds it to the library (and the playlist). */
    public void addDemoClip(boolean toPlaylist) {
        pool.execute(() -> {
            try {
                MediaBuffer demo = services.repository().add(DemoClip.wavBytes(), DemoClip.NAME,
                        new Origin.BuiltIn(DemoClip.RESOURCE), "wav").buffer();
                if (toPlaylist) {
                    javafx.application.Platform.runLater(() -> {
                        if (playlist.entries().stream().noneMatch(e -> e.row().buffer().id() == demo.id())) {
                            playlist.insert(0, library.rowFor(demo));
                        }
                    });
                }
            } catch (Exception e) {
                notifier.error("Could not make the demo clip: " + e.getMessage());
            }
        });
    }

    /** What the session file keeps of now; unavailable entries are kept as they were, dropped data is left out. */
    public Session sessionState() {
        List<String> locations = new ArrayList<>();
        int current = -1;
        for (PlaylistRow e : playlist.entries()) {
            if (e.location() == null) continue;
            if (e == playlist.current()) current = locations.size();
            locations.add(e.location());
        }
        boolean shown = playlistWindow != null && playlistWindow.stage().isShowing();
        WindowBounds pw = playlistWindow != null ? WindowPlacement.of(playlistWindow.stage()) : playlistGeometry;
        return new Session(locations, current, player.volumeProperty().get(), player.mutedProperty().get(),
                playlist.repeatProperty().get(), playlist.shuffleProperty().get(), mainBounds.get(), pw, shown,
                current < 0 ? 0 : player.positionMillis(), stage.isMaximized(), dividers.get(),
                theme.choiceProperty().get().name(), libraryColumns.get());
    }

    public void shutdown() {
        saver.saveAndClose();
        services.close();
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Window window() { return stage; }
    public javafx.beans.property.ObjectProperty<dev.bufferdeck.session.PaneDividers> dividersProperty() { return dividers; }
}
