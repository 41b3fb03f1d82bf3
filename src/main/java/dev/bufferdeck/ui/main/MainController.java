package dev.bufferdeck.ui.main;

import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.session.PaneDividers;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.source.DemoClip;
import dev.bufferdeck.ui.dnd.DroppedItems;
import dev.bufferdeck.ui.downloads.Loads;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.library.LibraryActions;
import dev.bufferdeck.ui.library.LibraryModel;
import dev.bufferdeck.ui.notify.Notifier;
import dev.bufferdeck.ui.library.ReferenceFactsReader;
import dev.bufferdeck.ui.playlist.PlaylistActions;
import dev.bufferdeck.ui.playlist.PlaylistModel;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.playlist.PlaylistWindow;
import dev.bufferdeck.ui.playlist.ReferenceFactsQueue;
import dev.bufferdeck.ui.sound.SoundControls;
import dev.bufferdeck.ui.spectrum.SpectrumSetting;
import dev.bufferdeck.ui.theme.ThemeSwitcher;
import dev.bufferdeck.ui.thread.Background;
import dev.bufferdeck.ui.thread.Fx;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The main window's models and what the user does with them: opening sources ({@link #sources()}),
 * playlist files ({@link #playlistFiles()}), the session ({@link #session()}), and the library's
 * and playlist window's own actions. Runs on the FX thread; long work goes to the background pool.
 */
public final class MainController implements LibraryActions, PlaylistActions {
    private final AppServices services;
    private final Stage stage;
    private final Notifier notifier = new Notifier();
    private final ExecutorService pool = Background.newPool("bufferdeck-load", 2);
    private final ExecutorService downloads = Background.newGrowingPool("bufferdeck-download");
    private final LibraryModel library;
    private final PlaylistModel playlist = new PlaylistModel();
    private final PlayerController player;
    private final Loads loads;
    private final SourceOpener sources;
    private final PlaylistFileActions playlistFiles;
    private final SessionKeeper session;
    private final SoundControls sound;
    private PlaylistWindow playlistWindow;
    private final ReferenceFactsQueue referenceFacts;
    private final ThemeSwitcher theme = new ThemeSwitcher();
    private final StringProperty libraryColumns = new SimpleStringProperty("");
    /** Whether buffers downloaded from URLs may be let go when memory is needed; the repository follows it. */
    private final BooleanProperty letGoOfUrls = new SimpleBooleanProperty(false);
    /** View ▸ whether the spectrum and level meter show (hidden, they analyse and draw nothing). */
    private final SpectrumSetting spectrum = new SpectrumSetting(SpectrumSetting.shownByDefault());
    /** The main window's dividers: set from the session on start, kept current by the window. */
    private final ObjectProperty<PaneDividers> dividers = new SimpleObjectProperty<>();

    public MainController(AppServices services, Stage stage) {
        this.services = services;
        this.stage = stage;
        this.library = new LibraryModel(services.repository(), services.facts(), pool);
        this.player = new PlayerController(services.playback(), playlist, notifier);
        player.clock().seenWhile(stage.showingProperty().and(stage.iconifiedProperty().not()));
        this.loads = new Loads(services.loader(), downloads, notifier);
        this.sound = new SoundControls(services.playback(), pool, notifier::info);
        sound.seenProperty().bind(player.clock().seenProperty());
        this.sources = new SourceOpener(stage, loads, library, playlist, player, notifier);
        player.setFetcher(sources::fetch);
        this.referenceFacts = new ReferenceFactsQueue(playlist, new ReferenceFactsReader()::read);
        this.playlistFiles = new PlaylistFileActions(services.playlistReader(), playlist, player, sources, notifier, pool,
                () -> playlistWindow != null && playlistWindow.stage().isShowing() ? playlistWindow.stage() : stage);
        this.session = new SessionKeeper(stage, player, playlist, theme, libraryColumns, dividers, sources,
                () -> playlistWindow, () -> playlistWindow().show(), services.session(), services.playback()::positionMillis, sound,
                letGoOfUrls, spectrum);
        services.repository().setLetGoOfUrls(letGoOfUrls.get());
        letGoOfUrls.addListener((o, was, now) -> services.repository().setLetGoOfUrls(now));
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

    public Notifier notifier() { return notifier; }
    public LibraryModel library() { return library; }
    public PlaylistModel playlist() { return playlist; }
    public PlayerController player() { return player; }
    public Loads loads() { return loads; }
    public SourceOpener sources() { return sources; }
    public PlaylistFileActions playlistFiles() { return playlistFiles; }
    public SessionKeeper session() { return session; }
    public SoundControls sound() { return sound; }
    public AppServices services() { return services; }
    public Stage stage() { return stage; }
    public Window window() { return stage; }
    public ThemeSwitcher theme() { return theme; }
    /** The library table's column order and widths, as the session keeps them. */
    public StringProperty libraryColumnsProperty() { return libraryColumns; }
    public ObjectProperty<PaneDividers> dividersProperty() { return dividers; }
    /** View ▸ the URL memory setting: true lets downloaded buffers go when the budget is needed (they download again). */
    public BooleanProperty letGoOfUrlsProperty() { return letGoOfUrls; }
    /**
     * View ▸ Spectrum and level meter: false hides them, and they then analyse and draw nothing. Until
     * the user chooses, shown where a graphics card draws the window ({@link SpectrumSetting#shownByDefault}).
     */
    public BooleanProperty spectrumShownProperty() { return spectrum.shownProperty(); }

    // ---- startup and shutdown

    /** Reads the session (from the store the services name), then starts as below. */
    public void start(List<String> launchSources) {
        List<String> warnings = new ArrayList<>();
        start(SessionKeeper.readSession(services.session(), warnings), warnings, launchSources);
    }

    /**
     * Restores the session read beforehand (or adds the demo clip on a first start, when it is
     * null), then loads the arguments, queues them and plays the first.
     */
    public void start(Session saved, List<String> warnings, List<String> launchSources) {
        warnings.forEach(notifier::error);
        if (saved != null) session.restore(saved);
        // alone, once the window is drawn; before the sources given, so that it stays the library's first row
        else if (addsDemoClipOnceDrawn(saved, launchSources)) afterWindowDrawn(() -> addDemoClip(true));
        else addDemoClip(false);
        if (!launchSources.isEmpty()) sources.loadIntoPlaylist(Loads.sources(launchSources), SourceOpener.APPEND, true);
    }

    /** True when {@link #start} makes the demo clip once the window has been drawn: a first start without sources. */
    public static boolean addsDemoClipOnceDrawn(Session saved, List<String> launchSources) {
        return saved == null && launchSources.isEmpty();
    }

    /**
     * Runs {@code r} once the window's scene has been drawn. The demo clip's row comes after that first
     * pulse anyway; made beside it, the clip took a core from it (synthesis, facts: 80 ms of CPU before
     * the filled window, on 2 cores).
     */
    private void afterWindowDrawn(Runnable r) {
        if (stage.getScene() == null) r.run();
        else Fx.afterNextPulse(stage.getScene(), r);
    }

    /** Synthesises the demo clip off the FX thread and adds it to the library (and the playlist). */
    public void addDemoClip(boolean toPlaylist) {
        pool.execute(() -> {
            try {
                MediaBuffer demo = services.repository().add(DemoClip.wavBytes(), DemoClip.NAME,
                        new Origin.BuiltIn(DemoClip.RESOURCE), "wav").buffer();
                if (toPlaylist) {
                    Platform.runLater(() -> {
                        if (playlist.entries().stream().noneMatch(e -> e.row() != null && e.row().buffer().id() == demo.id())) {
                            playlist.insert(0, library.rowFor(demo));
                        }
                    });
                }
            } catch (Exception e) {
                notifier.error("Could not make the demo clip: " + e.getMessage());
            }
        });
    }

    public void shutdown() {
        session.saveAndClose();
        services.close();
        downloads.shutdownNow();
        pool.shutdownNow();
        referenceFacts.close();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- library actions

    @Override
    public void play(BufferRow row) {
        PlaylistRow entry = playlist.entries().stream().filter(e -> e.row() == row).findFirst()
                .orElseGet(() -> playlist.append(row));
        player.play(entry);
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
                try (InputStream in = buffer.openStream()) {
                    in.transferTo(Channels.newOutputStream(out));
                }
                notifier.info("Saved " + ByteSizes.human(buffer.size()) + " to " + target);
            } catch (IOException e) {
                notifier.error(target + ": cannot save (" + e.getMessage() + ")");
            }
        });
    }

    // ---- the playlist window and its actions

    public PlaylistWindow playlistWindow() {
        if (playlistWindow == null) {
            playlistWindow = new PlaylistWindow(playlist, this);
            Shortcuts.install(playlistWindow.scene(), player, null);
            MenuBuilder.installAccelerators(playlistWindow.scene(), this);
            Stage window = playlistWindow.stage();
            theme.attach(playlistWindow.scene());
            if (session.playlistBounds() != null) {
                WindowPlacement.restore(window, session.playlistBounds(), false);
            } else {
                window.setOnShowing(e -> {
                    if (session.playlistBounds() == null && Double.isNaN(window.getX())) {
                        WindowPlacement.placeBeside(window, stage, window.getScene().getWidth(), window.getScene().getHeight());
                    }
                });
            }
            session.watch(window);
        }
        return playlistWindow;
    }

    public void togglePlaylistWindow() {
        playlistWindow().toggle();
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

    @Override public void dropAt(DroppedItems items, int index) { sources.dropAt(items, index); }
    @Override public void retry(PlaylistRow entry) { sources.retry(entry); }
    @Override public void importPlaylist() { playlistFiles.importPlaylist(); }
    @Override public void exportPlaylist() { playlistFiles.exportPlaylist(); }
}
