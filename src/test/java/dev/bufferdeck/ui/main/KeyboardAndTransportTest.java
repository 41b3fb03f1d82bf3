package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.source.DemoClip;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shortcuts and the transport bar, against the real player playing into the memory sink. */
@ExtendWith(ApplicationExtension.class)
class KeyboardAndTransportTest {
    private AppFixture app;

    @Start
    void start(Stage stage) {
        app = AppFixture.open(stage, true);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private PlayerController player() { return app.controller.player(); }

    private void demoReady() {
        waitUntil(() -> app.controller.playlist().entries().size() == 1
                && app.controller.playlist().entries().get(0).row().durationMillis() > 0, 10);
    }

    @Test
    void aFirstStartHasTheDemoClipInLibraryAndPlaylist() {
        demoReady();
        PlaylistRow demo = app.controller.playlist().entries().get(0);
        assertEquals(DemoClip.NAME, demo.row().buffer().name());
        assertTrue(demo.row().buffer().origin() instanceof Origin.BuiltIn);
        assertEquals(1, app.repository.count());
        assertEquals(6000, demo.row().durationMillis());
        assertTrue(demo.row().facts().formatLine().startsWith("WAV · 44.1 kHz · stereo · 16-bit"), demo.row().facts().formatLine());
    }

    @Test
    void spacePlaysAndPausesAndTheTransportFollowsThePlayer(FxRobot robot) {
        demoReady();
        assertEquals("memory sink", app.controller.player().outputName(), "headless tests play into memory");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> player().state() == PlayerState.PLAYING, 15);
        waitUntil(() -> app.window.transport().seekSlider().getValue() > 300, 15);
        Icon icon = (Icon) app.window.transport().playPauseButton().getGraphic();
        assertEquals(Glyph.PAUSE, icon.glyph(), "the play button turns into pause");
        assertEquals(6000, app.window.transport().seekSlider().getMax(), 1);
        assertTrue(app.window.statusBar().getRightItems().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText().equals("memory sink")));

        robot.type(KeyCode.SPACE);
        waitUntil(() -> player().state() == PlayerState.PAUSED, 15);
        long paused = player().positionMillis();
        robot.sleep(300);
        assertEquals(paused, player().positionMillis(), 20, "the position holds while paused");
        assertEquals(Glyph.PLAY, ((Icon) app.window.transport().playPauseButton().getGraphic()).glyph());
    }

    @Test
    void rightAndLeftSeekFiveSeconds(FxRobot robot) {
        demoReady();
        robot.type(KeyCode.SPACE);
        waitUntil(() -> player().state() == PlayerState.PLAYING, 15);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> player().state() == PlayerState.PAUSED, 15);
        long before = player().positionMillis();
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> player().positionMillis() >= before + 4900, 15);
        robot.type(KeyCode.LEFT);
        waitUntil(() -> Math.abs(player().positionMillis() - before) < 100, 15);
    }

    @Test
    void upDownChangeTheVolumeAndMMutes(FxRobot robot) {
        demoReady();
        double v = player().volumeProperty().get();
        robot.type(KeyCode.DOWN);
        assertEquals(v - PlayerController.VOLUME_STEP, player().volumeProperty().get(), 1e-9);
        robot.type(KeyCode.UP).type(KeyCode.UP);
        assertEquals(v + PlayerController.VOLUME_STEP, player().volumeProperty().get(), 1e-9);
        assertFalse(player().mutedProperty().get());
        robot.type(KeyCode.M);
        assertTrue(player().mutedProperty().get());
        assertTrue(robot.lookup("#transport-mute").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        robot.type(KeyCode.M);
        assertFalse(player().mutedProperty().get());
    }

    @Test
    void nAndPFollowThePlaylistAndATrackEndMovesOn(FxRobot robot) throws Exception {
        demoReady();
        var second = app.repository.add(Wavs.tone(0.6, 440), "a.wav", new Origin.BuiltIn("a"), "wav").buffer();
        var third = app.repository.add(Wavs.tone(0.6, 660), "b.wav", new Origin.BuiltIn("b"), "wav").buffer();
        robot.interact(() -> {
            app.controller.playlist().append(app.controller.library().rowFor(second));
            app.controller.playlist().append(app.controller.library().rowFor(third));
        });
        var entries = app.controller.playlist().entries();
        // a.wav lasts 0.6 s and b follows it: every entry made current is remembered, so a slow poll cannot miss one
        java.util.List<Object> madeCurrent = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> app.controller.playlist().currentProperty().addListener((o, was, now) -> madeCurrent.add(now)));
        robot.type(KeyCode.N);
        waitUntil(() -> madeCurrent.contains(entries.get(0)), 15);
        robot.type(KeyCode.N);
        waitUntil(() -> madeCurrent.contains(entries.get(1)), 15);
        assertSame(entries.get(0), madeCurrent.get(0), "the first N plays the first entry");
        waitUntil(() -> madeCurrent.contains(entries.get(2)), 15);
        assertEquals(java.util.List.of(entries.get(0), entries.get(1), entries.get(2)), java.util.List.copyOf(madeCurrent),
                "N, N, then the end of a moves on to b");
        waitUntil(() -> player().state() == PlayerState.ENDED, 15);
        madeCurrent.clear();
        robot.type(KeyCode.P);
        waitUntil(() -> !madeCurrent.isEmpty(), 15);
        assertSame(entries.get(1), madeCurrent.get(0), "P goes back to a");
    }

    @Test
    void deleteRemovesTheSelectedBuffersAndFreesTheirMemory(FxRobot robot) {
        demoReady();
        long held = app.repository.bytesHeld();
        assertTrue(held > 1_000_000);
        // the first cell (the name), as a user would: a row of content-wide columns can be wider than a narrow table
        robot.clickOn(robot.lookup("#library-table .table-row-cell .table-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.DELETE);
        waitUntil(() -> app.repository.count() == 0, 15);
        waitUntil(() -> app.window.statusBar().getText().startsWith("0 B of "), 15);
        assertTrue(app.controller.playlist().entries().isEmpty(), "its playlist entries go too");
    }

    @Test
    void ctrlPShowsAndHidesThePlaylistWindow(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.P).release(KeyCode.P).release(KeyCode.CONTROL);
        waitUntil(() -> app.controller.playlistWindow().stage().isShowing(), 15);
        robot.clickOn(app.window.libraryView());
        robot.press(KeyCode.CONTROL).press(KeyCode.P).release(KeyCode.P).release(KeyCode.CONTROL);
        waitUntil(() -> !app.controller.playlistWindow().stage().isShowing(), 15);
    }

    @Test
    void f1ShowsTheShortcuts(FxRobot robot) {
        robot.type(KeyCode.F1);
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane), 5);
        DialogPane pane = (DialogPane) Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane).findFirst().orElseThrow().getScene().getRoot();
        assertEquals("Keyboard shortcuts", pane.getHeaderText());
        robot.interact(() -> ((Button) pane.lookupButton(javafx.scene.control.ButtonType.CLOSE)).fire());
    }
}
