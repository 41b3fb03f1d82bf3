package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.playlist.Repeat;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.session.SessionStore;
import dev.bufferdeck.session.SoundChoices;
import dev.bufferdeck.ui.spectrum.SpectrumView;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.TestSessions;
import dev.bufferdeck.ui.testing.Testing;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * View ▸ "Spectrum and level meter": until the user chooses, shown only where a graphics card draws the
 * window (these tests draw without one, so a first start hides it). Turned off while something plays, the spectrum
 * leaves the now-playing line (its width goes to the title) and stops analysing, while playback goes
 * on; turned on again it analyses again. The session keeps the choice.
 */
@ExtendWith(ApplicationExtension.class)
class SpectrumShownSettingTest {
    @TempDir
    Path dir;
    private Stage stage;
    private AppFixture app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (app != null) app.close();
    }

    private void open(FxRobot robot, SessionStore store, List<String> sources) {
        AppServices standard = Testing.standardServices();
        AppServices services = AppFixture.with(standard, standard.playback(), store);
        robot.interact(() -> app = AppFixture.open(stage, true, services, sources));
    }

    private static SessionStore savedWith(boolean spectrumShown) {
        return TestSessions.holding(new Session(List.of(), -1, 0.5, false, Repeat.OFF, false, null, null,
                false, 0, false, null, "", "", SoundChoices.DEFAULTS, false, spectrumShown));
    }

    private CheckMenuItem item() {
        return app.menuItem("View", "spectrum-shown");
    }

    private void toggle(FxRobot robot) {
        robot.clickOn("View");
        robot.clickOn(item().getText());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private SpectrumView spectrum() { return app.window.nowPlaying().spectrum(); }

    @Test
    void hiddenWhilePlayingItStopsAnalysingAndPlaybackGoesOn(FxRobot robot) throws Exception {
        Path tone = Files.write(dir.resolve("tone.wav"), Wavs.tone(20, 440));
        SessionStore store = savedWith(true);
        open(robot, store, List.of(tone.toString()));
        assertTrue(item().isSelected(), "the session's choice: shown");
        waitUntil(() -> app.controller.player().state() == PlayerState.PLAYING, 5);   // a file given at launch plays
        waitUntil(() -> spectrum().feed().isRunning(), 5);
        assertTrue(spectrum().getWidth() > 0);

        toggle(robot);
        assertFalse(item().isSelected());
        assertFalse(spectrum().isVisible());
        assertFalse(spectrum().isManaged(), "a hidden spectrum takes no room");
        assertFalse(spectrum().feed().isRunning(), "a hidden spectrum does not analyse");
        long at = app.controller.player().positionMillis();
        waitUntil(() -> app.controller.player().positionMillis() > at + 300, 5);
        assertEquals(PlayerState.PLAYING, app.controller.player().state(), "playback goes on");

        toggle(robot);
        assertTrue(spectrum().isVisible());
        waitUntil(() -> spectrum().feed().isRunning(), 5);

        toggle(robot);
        robot.interact(app.controller::shutdown);
        assertFalse(TestSessions.saved(store).spectrumShown(), "the session file keeps the choice");
    }

    @Test
    void drawnWithoutAGraphicsCardAFirstStartHidesItUntilTheUserTurnsItOn(FxRobot robot) throws Exception {
        assertFalse(Platform.isSupported(ConditionalFeature.SCENE3D), "these tests draw on Monocle's software pipeline");
        SessionStore store = TestSessions.fresh();
        open(robot, store, List.of());
        assertFalse(item().isSelected(), "the software pipeline copies the whole window for each frame of the bars");
        assertFalse(spectrum().isVisible());
        robot.interact(app.controller::shutdown);
        assertNull(TestSessions.saved(store).spectrumShown(), "no choice was made, so none is saved");

        app.close();
        SessionStore again = TestSessions.fresh();
        open(robot, again, List.of());
        toggle(robot);
        assertTrue(item().isSelected());
        assertTrue(spectrum().isVisible());
        robot.interact(app.controller::shutdown);
        assertEquals(Boolean.TRUE, TestSessions.saved(again).spectrumShown(), "the user's choice is kept");
    }

    @Test
    void aSessionThatHidItStartsWithItHidden(FxRobot robot) {
        open(robot, savedWith(false), List.of());
        waitUntil(() -> !item().isSelected(), 10);
        assertFalse(spectrum().isVisible());
        assertFalse(spectrum().feed().isRunning());
    }
}
