package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.LocalHttpServer;
import dev.bufferdeck.ui.waveform.WaveformView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Sound starts first: the waveform (a whole decode) and the hex/regions analysis begin once the
 * track is heard, not before, so they never compete with the start of playback on a 2-core machine.
 */
@ExtendWith(ApplicationExtension.class)
class SoundFirstTest {
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

    /** A 2-minute MP3 made by ffmpeg (as in the issue: Enter on a 2-minute MP3 loaded from a URL). */
    private byte[] twoMinuteMp3() throws Exception {
        Path mp3 = dir.resolve("two-minutes.mp3");
        Process p;
        try {
            p = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=120",
                    "-ac", "2", "-c:a", "libmp3lame", "-b:a", "192k", mp3.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException noFfmpeg) {
            Assumptions.abort("ffmpeg is not installed");
            return null;
        }
        Assumptions.assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg made the MP3");
        return Files.readAllBytes(mp3);
    }

    @Test
    void enterStartsTheSoundBeforeTheWaveformIsBuilt(FxRobot robot) throws Exception {
        byte[] mp3 = twoMinuteMp3();
        try (LocalHttpServer server = new LocalHttpServer().serve("/two-minutes.mp3", mp3)) {
            robot.interact(() -> app.controller.sources().loadIntoPlaylist(List.of(new dev.bufferdeck.ui.downloads.LoadRequest.Source(
                    server.url("/two-minutes.mp3"))), SourceOpener.APPEND, false));
            waitUntil(() -> app.controller.playlist().entries().size() == 1
                    && app.controller.playlist().entries().get(0).durationMillis() > 0, 30);
        }
        WaveformView waveform = app.window.transport().waveform();
        boolean[] buildingBeforeSound = {false};
        long[] pressed = {0}, playing = {0};
        app.controller.player().stateProperty().addListener((o, a, s) -> {
            if (s == PlayerState.PLAYING && playing[0] == 0) {
                playing[0] = System.nanoTime();
                buildingBeforeSound[0] = waveform.progressProperty().get() >= 0 || waveform.getWaveform() != null;
            }
        });
        robot.interact(() -> app.controller.playlistWindow().show());
        TableView<PlaylistRow> table = app.controller.playlistWindow().table();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        pressed[0] = System.nanoTime();
        robot.type(KeyCode.ENTER);
        long[] moving = {0};
        waitUntil(() -> {
            if (moving[0] == 0 && app.controller.player().positionMillis() > 0) moving[0] = System.nanoTime();
            return moving[0] != 0;
        }, 30);
        assertEquals(false, buildingBeforeSound[0], "the waveform build waited for the sound");
        waitUntil(() -> waveform.getWaveform() != null, 60);
        assertNotNull(waveform.getWaveform(), "the waveform fills in behind the sound");
        System.out.printf("SoundFirstTest: Enter -> PLAYING %d ms, Enter -> playhead moving %d ms (2-min 192k MP3 from a URL)%n",
                TimeUnit.NANOSECONDS.toMillis(playing[0] - pressed[0]), TimeUnit.NANOSECONDS.toMillis(moving[0] - pressed[0]));
    }
}
