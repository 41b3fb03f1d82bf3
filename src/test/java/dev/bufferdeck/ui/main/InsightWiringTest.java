package dev.bufferdeck.ui.main;

import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.ui.hex.HexView;
import dev.bufferdeck.ui.regions.HexInspector;
import dev.bufferdeck.ui.testing.AppFixture;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waveform, spectrum and hex inspector in the real main window, with the real player on the memory sink. */
@ExtendWith(ApplicationExtension.class)
class InsightWiringTest {
    private AppFixture app;

    @Start
    void start(Stage stage) {
        app = AppFixture.open(stage, true);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void playingShowsTheWaveformFeedsTheSpectrumAndMarksTheBytesHeard(FxRobot robot) {
        waitUntil(() -> app.controller.playlist().entries().size() == 1
                && app.controller.playlist().entries().get(0).row().durationMillis() > 0, 10);
        robot.interact(() -> {
            app.window.libraryView().table().getSelectionModel().select(0);
            app.window.showHex();
        });
        HexInspector inspector = app.window.hexInspector();
        waitUntil(() -> inspector.analysis() != null, 20);
        assertEquals(MediaFormat.WAV, inspector.analysis().tree().format());
        assertNotNull(app.window.hexPane().hexView().shadingProperty().get(), "the hex view is coloured by region");

        // drawn without a graphics card (Monocle's software pipeline) the spectrum starts hidden: the user turns it on
        robot.interact(() -> app.controller.spectrumShownProperty().set(true));
        robot.interact(() -> app.controller.player().playPause());
        waitUntil(() -> app.controller.player().state() == PlayerState.PLAYING, 5);
        waitUntil(() -> app.window.transport().waveform().getWaveform() != null, 30);
        assertEquals(6_000, app.window.transport().waveform().durationMillis(), 50);

        waitUntil(() -> app.window.nowPlaying().spectrum().feed().latest() != null, 10);
        assertTrue(app.window.nowPlaying().spectrum().feed().isRunning(), "the spectrum analyses while playing");

        HexView hex = app.window.hexPane().hexView();
        waitUntil(() -> hex.markStart() >= 0, 10);
        long heard = hex.markStart();
        assertTrue(inspector.analysis().tree().pathAt(heard).stream().anyMatch(r -> r.name().equals("samples")),
                "the mark lies in the WAV samples");
        waitUntil(() -> app.controller.player().positionMillis() > 1_500, 10);
        waitUntil(() -> hex.markStart() > heard, 5);

        robot.interact(() -> app.controller.player().playPause());
        waitUntil(() -> app.controller.player().state() == PlayerState.PAUSED, 5);
        waitUntil(() -> !app.window.nowPlaying().spectrum().feed().isRunning(), 5);
    }
}
