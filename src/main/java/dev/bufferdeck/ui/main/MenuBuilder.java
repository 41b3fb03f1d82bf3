package dev.bufferdeck.ui.main;

import dev.bufferdeck.ui.sound.OutputDeviceMenu;
import dev.bufferdeck.ui.theme.ThemeChoice;
import dev.bufferdeck.ui.theme.ThemeSwitcher;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;

/** The main menu, and the same accelerators for the playlist window. */
final class MenuBuilder {
    static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OPEN_URL = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PLAYLIST = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    static final KeyCombination GO_TO_OFFSET = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination EQUALIZER = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);

    private MenuBuilder() {}

    static MenuBar build(MainController c, MainWindow window) {
        MenuItem open = item("Open files…", OPEN, new Icon(Glyph.FOLDER_OPEN), c.sources()::openFiles);
        MenuItem openUrl = item("Open URL…", OPEN_URL, new Icon(Glyph.LINK_VARIANT), c.sources()::openUrl);
        MenuItem paste = item("Paste URL or data", PASTE, new Icon(Glyph.CONTENT_PASTE), c.sources()::paste);
        MenuItem importList = item("Import playlist…", null, new Icon(Glyph.FILE_IMPORT), c::importPlaylist);
        MenuItem exportList = item("Export playlist…", null, new Icon(Glyph.FILE_EXPORT), c::exportPlaylist);
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), null, () -> {
            c.stage().close();
            Platform.exit();
        });
        Menu file = new Menu("File", null, open, openUrl, paste, new SeparatorMenuItem(), importList, exportList,
                new SeparatorMenuItem(), quit);

        PlayerController p = c.player();
        Menu playback = new Menu("Playback", null,
                item("Play / pause", Shortcuts.PLAY_PAUSE, new Icon(Glyph.PLAY_PAUSE), p::playPause),
                item("Stop", Shortcuts.STOP, new Icon(Glyph.STOP), p::stop),
                item("Next", Shortcuts.NEXT, new Icon(Glyph.SKIP_NEXT), p::next),
                item("Previous", Shortcuts.PREVIOUS, new Icon(Glyph.SKIP_PREVIOUS), p::previous),
                new SeparatorMenuItem(),
                item("Seek forward 5 s", Shortcuts.SEEK_FORWARD, new Icon(Glyph.FAST_FORWARD_5),
                        () -> p.seekBy(PlayerController.SEEK_STEP_MILLIS)),
                item("Seek back 5 s", Shortcuts.SEEK_BACK, new Icon(Glyph.REWIND_5),
                        () -> p.seekBy(-PlayerController.SEEK_STEP_MILLIS)),
                new SeparatorMenuItem(),
                item("Volume up", Shortcuts.VOLUME_UP, new Icon(Glyph.VOLUME_PLUS),
                        () -> p.volumeBy(PlayerController.VOLUME_STEP)),
                item("Volume down", Shortcuts.VOLUME_DOWN, new Icon(Glyph.VOLUME_MINUS),
                        () -> p.volumeBy(-PlayerController.VOLUME_STEP)),
                item("Mute / unmute", Shortcuts.MUTE, new Icon(Glyph.VOLUME_OFF), p::toggleMute),
                new SeparatorMenuItem(),
                item("Equalizer…", EQUALIZER, null, window::toggleEqualizer),
                OutputDeviceMenu.build(c.sound()));
        playback.setId("menu-playback");
        Menu view = new Menu("View", null,
                item("Playlist window", PLAYLIST, new Icon(Glyph.PLAYLIST_MUSIC), c::togglePlaylistWindow),
                item("Hex preview", null, null, window::showHex),
                item("Go to offset…", GO_TO_OFFSET, null, window::goToOffset),
                item("Buffer details", null, null, window::showDetails),
                // whether the now-playing line shows the spectrum and level meter
                settingItem("Spectrum and level meter", "spectrum-shown", c.spectrumShownProperty()),
                new SeparatorMenuItem(),
                themeMenu(c.theme()),
                new SeparatorMenuItem(),
                // off keeps downloaded buffers when the budget is needed (no new download)
                settingItem("Let go of downloaded URLs when memory is needed (they download again)", "let-go-of-urls",
                        c.letGoOfUrlsProperty()));
        Menu help = new Menu("Help", null, item("Keyboard shortcuts", HELP, null, window::showShortcuts),
                item("About BufferDeck", null, null, window::showAbout));
        MenuBar bar = new MenuBar(file, playback, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** View ▸ Theme: follow the desktop, light or dark; the session remembers the choice. */
    private static Menu themeMenu(ThemeSwitcher switcher) {
        Menu menu = new Menu("Theme");
        menu.setId("theme-menu");
        ToggleGroup group = new ToggleGroup();
        for (ThemeChoice choice : ThemeChoice.values()) {
            RadioMenuItem item = new RadioMenuItem(choice.label());
            item.setToggleGroup(group);
            item.setSelected(switcher.choiceProperty().get() == choice);
            item.setOnAction(e -> switcher.choiceProperty().set(choice));
            switcher.choiceProperty().addListener((o, a, now) -> item.setSelected(now == choice));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** A ticked item that turns {@code setting} on and off, and shows it. */
    private static CheckMenuItem settingItem(String text, String id, BooleanProperty setting) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setId(id);
        item.selectedProperty().bindBidirectional(setting);
        return item;
    }

    /** The window-level shortcuts of the menu, for a window that has no menu bar. */
    static void installAccelerators(Scene scene, MainController c) {
        scene.getAccelerators().put(OPEN, c.sources()::openFiles);
        scene.getAccelerators().put(OPEN_URL, c.sources()::openUrl);
        scene.getAccelerators().put(PASTE, c.sources()::paste);
        scene.getAccelerators().put(PLAYLIST, c::togglePlaylistWindow);
        PlayerController p = c.player();
        scene.getAccelerators().put(Shortcuts.VOLUME_UP, () -> p.volumeBy(PlayerController.VOLUME_STEP));
        scene.getAccelerators().put(Shortcuts.VOLUME_DOWN, () -> p.volumeBy(-PlayerController.VOLUME_STEP));
    }

    private static MenuItem item(String text, KeyCombination keys, Icon icon, Runnable action) {
        MenuItem item = new MenuItem(text, icon);
        if (keys != null) item.setAccelerator(keys);
        item.setOnAction(e -> action.run());
        return item;
    }
}
