package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.notify.Notice;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.LocalHttpServer;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys that work wherever the focus is, the Playback menu, one rule for opening, import, About. */
@ExtendWith(ApplicationExtension.class)
class EverywhereKeysTest {
    @TempDir
    Path dir;
    private AppFixture app;

    @Start
    void start(Stage stage) {
        app = AppFixture.open(stage, false);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private PlayerController player() { return app.controller.player(); }

    private List<String> load(FxRobot robot, String... names) throws Exception {
        List<String> paths = new java.util.ArrayList<>();
        for (String n : names) {
            Path p = dir.resolve(n + ".wav");
            Files.write(p, Wavs.tone(20, 300 + n.hashCode() % 300));
            paths.add(p.toString());
        }
        return paths;
    }

    private void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
    }

    @Test
    void withTheLibraryFocusedUpDownMoveTheSelectionAndCtrlUpDownChangeTheVolume(FxRobot robot) throws Exception {
        List<String> paths = load(robot, "a", "b", "c");
        robot.interact(() -> app.controller.sources().loadIntoPlaylist(dev.bufferdeck.ui.downloads.Loads.sources(paths),
                SourceOpener.APPEND, false));
        waitUntil(() -> app.controller.library().rows().size() == 3, 20);
        TableView<BufferRow> table = app.window.libraryView().table();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        double v = player().volumeProperty().get();
        robot.type(KeyCode.DOWN);
        assertEquals(1, table.getSelectionModel().getSelectedIndex(), "Down moves the selection in a table");
        assertEquals(v, player().volumeProperty().get(), 1e-9, "and leaves the volume alone");
        ctrl(robot, KeyCode.DOWN);
        assertEquals(v - PlayerController.VOLUME_STEP, player().volumeProperty().get(), 1e-9, "Ctrl+Down: volume, even in a table");
        ctrl(robot, KeyCode.UP);
        ctrl(robot, KeyCode.UP);
        assertEquals(v + PlayerController.VOLUME_STEP, player().volumeProperty().get(), 1e-9);
        assertEquals(1, table.getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> player().state() == PlayerState.PLAYING, 15);
    }

    @Test
    void keysInATextFieldTypeTextAndTriggerNothing(FxRobot robot) {
        robot.interact(app.window::showHex);
        TextField field = app.window.hexPane().goToField();
        robot.interact(field::requestFocus);
        waitUntil(field::isFocused, 5);
        double v = player().volumeProperty().get();
        robot.write("ms 1");
        assertEquals("ms 1", field.getText());
        assertFalse(player().mutedProperty().get(), "M typed into a field does not mute");
        assertEquals(PlayerState.IDLE, player().state(), "Space typed into a field does not play");
        ctrl(robot, KeyCode.UP);
        assertEquals(v + PlayerController.VOLUME_STEP, player().volumeProperty().get(), 1e-9, "Ctrl+Up works in a field too");
    }

    @Test
    void ctrlGGoesToTheHexOffsetFieldFromAnywhere(FxRobot robot) {
        robot.interact(() -> app.window.libraryView().table().requestFocus());
        ctrl(robot, KeyCode.G);
        waitUntil(() -> app.window.hexPane().goToField().isFocused(), 5);
    }

    @Test
    void thePlaybackMenuShowsEachShortcutAndHasSeekAndVolumeItems() {
        Menu playback = app.menu("Playback");
        Map<String, javafx.scene.input.KeyCombination> keys = playback.getItems().stream()
                .filter(i -> i.getText() != null && i.getAccelerator() != null)
                .collect(Collectors.toMap(MenuItem::getText, MenuItem::getAccelerator));
        assertEquals(new javafx.scene.input.KeyCodeCombination(KeyCode.SPACE), keys.get("Play / pause"));
        assertEquals(new javafx.scene.input.KeyCodeCombination(KeyCode.N), keys.get("Next"));
        assertEquals(new javafx.scene.input.KeyCodeCombination(KeyCode.P), keys.get("Previous"));
        assertEquals(new javafx.scene.input.KeyCodeCombination(KeyCode.RIGHT), keys.get("Seek forward 5 s"));
        assertEquals(new javafx.scene.input.KeyCodeCombination(KeyCode.LEFT), keys.get("Seek back 5 s"));
        assertEquals(new javafx.scene.input.KeyCodeCombination(KeyCode.UP, javafx.scene.input.KeyCombination.SHORTCUT_DOWN),
                keys.get("Volume up"));
        assertEquals(new javafx.scene.input.KeyCodeCombination(KeyCode.DOWN, javafx.scene.input.KeyCombination.SHORTCUT_DOWN),
                keys.get("Volume down"));
        assertEquals(new javafx.scene.input.KeyCodeCombination(KeyCode.M), keys.get("Mute / unmute"));
        assertTrue(playback.getItems().stream().filter(i -> i.getText() != null && !(i instanceof Menu))
                        .allMatch(i -> i.getAccelerator() != null), "every Playback item that acts shows its key");
    }

    @Test
    void nothingPlayingTheFirstPlaysOtherwiseTheyAreQueuedWithOneNotice(FxRobot robot) throws Exception {
        List<String> first = load(robot, "one");
        robot.interact(() -> app.controller.sources().loadIntoPlaylist(dev.bufferdeck.ui.downloads.Loads.sources(first), SourceOpener.APPEND, true));
        waitUntil(() -> player().state() == PlayerState.PLAYING, 20);
        assertTrue(app.controller.notifier().notices().stream().anyMatch(n -> n.text().startsWith("Playing one.wav")));
        PlaylistRow playing = app.controller.playlist().current();
        List<String> three = load(robot, "two", "three", "four");
        robot.interact(() -> app.controller.sources().loadIntoPlaylist(dev.bufferdeck.ui.downloads.Loads.sources(three), SourceOpener.APPEND, true));
        waitUntil(() -> app.controller.notifier().notices().stream().anyMatch(n -> n.text().equals("3 added to the playlist")), 20);
        assertEquals(4, app.controller.playlist().entries().size());
        assertSame(playing, app.controller.playlist().current(), "what plays goes on playing");
    }

    @Test
    void aSuccessfulOpenUrlSaysWhatWasLoaded(FxRobot robot) throws Exception {
        try (LocalHttpServer server = new LocalHttpServer().serve("/song.wav", Wavs.tone(2, 440))) {
            robot.interact(() -> app.controller.sources().openUrl(server.url("/song.wav")));
            waitUntil(() -> app.controller.notifier().notices().stream().anyMatch(n -> !n.error() && n.text().contains("song.wav")), 20);
            Notice n = app.controller.notifier().notices().stream().filter(x -> x.text().contains("song.wav")).findFirst().orElseThrow();
            // a loaded body says its size; one the player starts before its last byte says so instead
            assertTrue(n.text().matches("Playing song\\.wav( \\(.* loaded\\)| while it loads)"), n.text());
        }
    }

    @Test
    void importAsksWhetherToReplaceOrAppend(FxRobot robot) throws Exception {
        List<String> paths = load(robot, "x", "y");
        robot.interact(() -> app.controller.sources().loadIntoPlaylist(dev.bufferdeck.ui.downloads.Loads.sources(paths), SourceOpener.APPEND, false));
        waitUntil(() -> app.controller.playlist().entries().size() == 2, 20);
        Path list = dir.resolve("list.m3u8");
        Files.writeString(list, "#EXTM3U\n" + paths.get(1) + "\n");

        javafx.application.Platform.runLater(() -> app.controller.playlistFiles().importPlaylist(list)); // the question waits for an answer
        answer(robot, "Append");
        waitUntil(() -> app.controller.playlist().entries().size() == 3, 20);
        assertTrue(app.controller.notifier().notices().stream().anyMatch(n -> n.text().startsWith("Appending 1 entries")));

        javafx.application.Platform.runLater(() -> app.controller.playlistFiles().importPlaylist(list));
        answer(robot, "Replace");
        waitUntil(() -> app.controller.playlist().entries().size() == 1, 20);
        assertEquals(paths.get(1), app.controller.playlist().entries().get(0).location());
    }

    private static void answer(FxRobot robot, String button) {
        waitUntil(() -> dialog() != null, 5);
        DialogPane pane = dialog();
        assertTrue(pane.getContentText().contains("Replace them"), pane.getContentText());
        Button b = pane.getButtonTypes().stream().filter(t -> t.getText().equals(button))
                .map(t -> (Button) pane.lookupButton(t)).findFirst().orElseThrow();
        robot.interact(b::fire);
    }

    private static DialogPane dialog() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane).map(w -> (DialogPane) w.getScene().getRoot()).findFirst().orElse(null);
    }

    @Test
    void aboutShowsTheVersionAndTheLicencesOfTheBundledLibraries(FxRobot robot) {
        robot.interact(app.window::showAbout);
        waitUntil(() -> dialog() != null, 5);
        DialogPane pane = dialog();
        assertTrue(pane.getHeaderText().startsWith("BufferDeck "), pane.getHeaderText());
        String text = pane.lookupAll(".label").stream().map(n -> ((Label) n).getText()).collect(Collectors.joining("\n"));
        for (String expected : List.of("OpenJFX", "GPL v2 with the Classpath Exception", "Apache HttpClient 5", "ControlsFX",
                "minimp3", "Concentus", "GNU LGPL 3.0", "dbus-java")) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());
    }
}
