package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.thread.AnalysisGate;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While the main window is minimised, what only the window shows does no work: the waveform and the
 * regions of the entry that starts playing wait (the analysis gate's count of work done stands still),
 * the spectrum feed and the frame clock stop; playback goes on. Shown again, all of it resumes.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysesWhileUnseenTest {
    private AppFixture app;

    @Start
    void start(Stage stage) {
        app = AppFixture.open(stage, true);
        app.controller.spectrumShownProperty().set(true);   // it starts hidden on Monocle's software pipeline
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void analysesWaitWhileMinimisedAndResumeWhenShown(FxRobot robot) throws Exception {
        waitUntil(() -> app.controller.playlist().entries().size() == 1
                && app.controller.playlist().entries().get(0).row().durationMillis() > 0, 10);
        AnalysisGate gate = app.controller.player().analyses();
        System.gc();   // the window's "seen" binding must outlive a collection (it was once collected)
        robot.interact(() -> app.stage.setIconified(true));
        assertFalse(gate.isOpen(), "minimised: the gate shuts");
        long before = gate.passed();

        robot.interact(() -> {
            app.window.showHex();
            app.controller.player().playPause();
        });
        waitUntil(() -> app.controller.player().state() == PlayerState.PLAYING, 5);
        waitUntil(() -> app.controller.player().positionMillis() > 600, 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, gate.passed(), "no analysis work while minimised");
        assertNull(app.window.transport().waveform().getWaveform(), "the waveform waits");
        assertNull(app.window.hexInspector().analysis(), "the regions wait");
        assertFalse(app.window.nowPlaying().spectrum().feed().isRunning(), "the spectrum does not analyse");
        assertFalse(WaitForAsyncUtils.asyncFx(() -> app.controller.player().clock().isTicking()).get(5, TimeUnit.SECONDS), "the frame clock stands");

        robot.interact(() -> app.stage.setIconified(false));
        assertTrue(gate.isOpen());
        waitUntil(() -> gate.passed() > before, 10);
        waitUntil(() -> app.window.transport().waveform().getWaveform() != null, 30);
        waitUntil(() -> app.window.hexInspector().analysis() != null, 30);
        if (app.controller.player().state() == PlayerState.PLAYING) {
            waitUntil(() -> app.window.nowPlaying().spectrum().feed().isRunning(), 5);
        }
    }
}
