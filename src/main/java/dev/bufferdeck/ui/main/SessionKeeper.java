package dev.bufferdeck.ui.main;

import dev.bufferdeck.session.PaneDividers;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.session.SessionStore;
import dev.bufferdeck.session.WindowBounds;
import dev.bufferdeck.ui.playlist.PlaylistModel;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.playlist.PlaylistWindow;
import dev.bufferdeck.ui.sound.SoundControls;
import dev.bufferdeck.ui.spectrum.SpectrumSetting;
import dev.bufferdeck.ui.theme.ThemeChoice;
import dev.bufferdeck.ui.theme.ThemeSwitcher;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The session: restored at start, taken from the windows and saved shortly after every change,
 * on exit and on SIGTERM. FX thread, except {@link #readSession}.
 */
public final class SessionKeeper {
    private final Stage stage;
    private final PlayerController player;
    private final PlaylistModel playlist;
    private final ThemeSwitcher theme;
    private final StringProperty libraryColumns;
    private final SoundControls sound;
    private final BooleanProperty letGoOfUrls;
    private final SpectrumSetting spectrum;
    private final ObjectProperty<PaneDividers> dividers;
    private final SourceOpener opener;
    /** The playlist window when it was made, else null. */
    private final Supplier<PlaylistWindow> playlistWindow;
    private final Runnable showPlaylistWindow;
    private final Supplier<WindowBounds> mainBounds;
    private final SessionSaver saver;
    /** Where the playlist window goes when it is first made: from the session, or null. */
    private WindowBounds playlistBounds;

    /** @param livePosition where playback is now, callable from any thread (the shutdown hook) */
    SessionKeeper(Stage stage, PlayerController player, PlaylistModel playlist, ThemeSwitcher theme, StringProperty libraryColumns,
                  ObjectProperty<PaneDividers> dividers, SourceOpener opener, Supplier<PlaylistWindow> playlistWindow,
                  Runnable showPlaylistWindow, SessionStore store, LongSupplier livePosition, SoundControls sound,
                  BooleanProperty letGoOfUrls, SpectrumSetting spectrum) {
        this.stage = stage;
        this.spectrum = spectrum;
        this.sound = sound;
        this.letGoOfUrls = letGoOfUrls;
        this.player = player;
        this.playlist = playlist;
        this.theme = theme;
        this.libraryColumns = libraryColumns;
        this.dividers = dividers;
        this.opener = opener;
        this.playlistWindow = playlistWindow;
        this.showPlaylistWindow = showPlaylistWindow;
        this.mainBounds = WindowPlacement.track(stage);
        this.saver = new SessionSaver(this::current, livePosition, store);
        saveOnChanges();
    }

    /** Reads the saved session, or null on a first start; call it off the FX thread, it reads a file. */
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

    /** Every change the session holds is saved shortly after it happens. */
    private void saveOnChanges() {
        InvalidationListener changed = o -> saver.changed();
        playlist.entries().addListener(changed);
        playlist.currentProperty().addListener(changed);
        playlist.repeatProperty().addListener(changed);
        playlist.shuffleProperty().addListener(changed);
        player.volumeProperty().addListener(changed);
        player.mutedProperty().addListener(changed);
        player.stateProperty().addListener(changed);
        watch(stage);
        stage.maximizedProperty().addListener(changed);
        theme.choiceProperty().addListener(changed);
        libraryColumns.addListener(changed);
        letGoOfUrls.addListener(changed);
        spectrum.shownProperty().addListener(changed);
        sound.sessionDependencies().forEach(o -> o.addListener(changed));
    }

    /** Saves when {@code window} moves, is resized, shows or hides. */
    void watch(Stage window) {
        InvalidationListener changed = o -> saver.changed();
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

    /** The last save; nothing is saved after it. */
    void saveAndClose() {
        saver.saveAndClose();
    }

    /** Where the playlist window goes when it is first made: the session's place for it, or null. */
    WindowBounds playlistBounds() { return playlistBounds; }

    /** Restores {@code session}: settings, windows, and the playlist, whose entries load in the background. */
    void restore(Session session) {
        theme.choiceProperty().set(ThemeChoice.parse(session.theme()));
        libraryColumns.set(session.libraryColumns());
        sound.restore(session.sound());
        letGoOfUrls.set(session.letGoOfUrls());
        spectrum.restore(session.spectrumShown());
        player.volumeProperty().set(session.volume());
        player.mutedProperty().set(session.muted());
        playlist.repeatProperty().set(session.repeat());
        playlist.shuffleProperty().set(session.shuffle());
        WindowPlacement.restore(stage, session.mainWindow(), session.mainMaximized());
        playlistBounds = session.playlistWindow();
        if (session.dividers() != null) dividers.set(session.dividers());
        List<PlaylistRow> rows = opener.loadLocations(session.playlistOrigins(), 0,
                missing -> opener.reportMissing("Last session", missing));
        int current = session.currentIndex();
        if (current >= 0 && current < rows.size()) player.cue(rows.get(current), session.positionMillis());
        if (session.playlistShowing()) Platform.runLater(showPlaylistWindow);
    }

    /** What the session file keeps of now; unavailable entries are kept as they were, dropped data is left out. */
    public Session current() {
        List<String> locations = new ArrayList<>();
        int current = -1;
        for (PlaylistRow e : playlist.entries()) {
            if (e.location() == null) continue;
            if (e == playlist.current()) current = locations.size();
            locations.add(e.location());
        }
        PlaylistWindow window = playlistWindow.get();
        boolean shown = window != null && window.stage().isShowing();
        WindowBounds pw = window != null ? WindowPlacement.of(window.stage()) : playlistBounds;
        return new Session(locations, current, player.volumeProperty().get(), player.mutedProperty().get(),
                playlist.repeatProperty().get(), playlist.shuffleProperty().get(), mainBounds.get(), pw, shown,
                current < 0 ? 0 : player.positionMillis(), stage.isMaximized(), dividers.get(),
                theme.choiceProperty().get().name(), libraryColumns.get(), sound.choices(),
                letGoOfUrls.get(), spectrum.choice());
    }
}
