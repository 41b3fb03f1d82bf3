package dev.bufferdeck.ui.video;

import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.main.PlayerController;
import dev.bufferdeck.ui.notify.Notice;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.Testing;
import dev.bufferdeck.ui.testing.Wavs;
import dev.bufferdeck.video.BufferUrls;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window plays a small H.264+AAC MP4 (test resources, with its ffmpeg command) through
 * JavaFX Media from memory where the platform supports it, or shows the message saying what to
 * install; either way within seconds, never a hang.
 */
@ExtendWith(ApplicationExtension.class)
class VideoPaneTest {
    private static final String CLIPS = "/dev/bufferdeck/video/";
    private AppFixture app;
    @TempDir Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppFixture.open(stage, false, Testing.standardServices(), List.of());
    }

    @AfterEach
    void close() {
        app.close();
    }

    private PlayerController player() { return app.controller.player(); }

    private static String clip(String name) throws Exception {
        return Path.of(VideoPaneTest.class.getResource(CLIPS + name).toURI()).toString();
    }

    private void load(String... paths) {
        javafx.application.Platform.runLater(() -> app.controller.start(List.of(paths)));
    }

    private Optional<Notice> errorMentioning(String text) {
        return app.controller.notifier().notices().stream().filter(n -> n.error() && n.text().contains(text)).findFirst();
    }

    private void waitFor(java.util.function.BooleanSupplier condition, int seconds) {
        try {
            waitUntil(condition, seconds);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; player " + player().state() + " playing "
                    + player().nowPlayingProperty().get() + "; notices " + app.controller.notifier().notices(), e);
        }
    }

    /** The picture pane joins the window when a video first plays: shown if there and visible. */
    private static boolean pictureShown(FxRobot robot) {
        return robot.lookup("#video-pane").tryQuery().map(Node::isVisible).orElse(false);
    }

    private <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup("#" + id).query();
    }

    @Test
    void anMp4WithVideoPlaysInTheVideoPaneOrSaysWhatToInstall(FxRobot robot) throws Exception {
        int urlsBefore = BufferUrls.openCount();
        load(clip("clip-h264-aac.mp4"));
        waitFor(() -> player().state() == PlayerState.PLAYING || errorMentioning("clip-h264-aac.mp4").isPresent(), 30);
        if (player().state() != PlayerState.PLAYING) {
            // no libavcodec, or no sound device (a container without PulseAudio): the message says which
            assertTrue(errorMentioning("clip-h264-aac.mp4: the video player could not start. " + VideoMessages.INSTALL_LIBAVCODEC).isPresent()
                    || errorMentioning("clip-h264-aac.mp4: " + VideoMessages.NO_AUDIO_DEVICE).isPresent(),
                    app.controller.notifier().notices().toString());
            assertFalse(pictureShown(robot));
            System.err.println("VideoPaneTest: JavaFX Media cannot play here: " + app.controller.notifier().notices());
            return;
        }
        Node picture = node(robot, "video-pane");
        assertTrue(picture.isVisible(), "the now-playing area shows the picture");
        assertFalse(robot.lookup(".now-playing").query().isVisible(), "the audio now-playing pane steps aside");
        waitFor(() -> ((Label) node(robot, "video-engine")).getText().equals("H.264 · 128×96 · video · JavaFX Media"), 10);
        assertEquals("video · JavaFX Media", player().outputName());
        waitFor(() -> player().positionMillis() > 300, 10);
        assertEquals(2000, player().durationProperty().get(), 100);
        assertEquals(urlsBefore + 1, BufferUrls.openCount(), "the player holds one resource: URL");

        robot.type(KeyCode.SPACE);
        waitFor(() -> player().state() == PlayerState.PAUSED, 10);
        robot.interact(() -> player().seekTo(1500));
        waitFor(() -> Math.abs(player().positionMillis() - 1500) < 150, 10);

        VideoArea area = node(robot, "now-playing-area");
        robot.type(KeyCode.F);
        waitFor(area::isFullScreen, 15);
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !area.isFullScreen(), 15);

        int buffers = app.repository.count();
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitFor(() -> app.repository.count() == buffers + 1, 10);
        MediaBuffer frame = app.repository.buffers().stream().filter(b -> b.name().endsWith(".png")).findFirst().orElseThrow();
        assertEquals(MediaFormat.PNG, frame.detectedFormat());
        assertTrue(frame.name().startsWith("clip-h264-aac frame 0.01"), frame.name());

        robot.interact(() -> player().playPause());
        waitFor(() -> player().state() == PlayerState.ENDED || player().state() == PlayerState.IDLE
                || player().nowPlayingProperty().get() == null || player().state() == PlayerState.STOPPED, 15);
        robot.interact(() -> player().stop());
        waitFor(() -> BufferUrls.openCount() == urlsBefore, 10);
        waitFor(() -> robot.lookup(".now-playing").query().isVisible() && !pictureShown(robot), 5);
    }

    @Test
    void aWebmGetsOneMessageNamingContainerAndCodecAndAudioStillPlays() throws Exception {
        load(clip("clip-vp9-opus.webm"));
        waitFor(() -> errorMentioning("clip-vp9-opus.webm is a WebM file with VP9 video and Opus audio").isPresent(), 20);
        // the message is the outcome: the player shows ERROR, and the controller may move on to IDLE at once
        waitFor(() -> player().state() == PlayerState.ERROR || player().state() == PlayerState.IDLE, 5);
        assertEquals(null, player().nowPlayingProperty().get(), "nothing plays from the WebM");
        assertFalse(pictureShown(robot()), "no picture: the pane is not even in the window");

        Path wav = Files.write(dir.resolve("tone.wav"), Wavs.tone(10, 440));
        load(wav.toString());
        waitFor(() -> app.controller.playlist().entries().stream().anyMatch(e -> e.isLoaded() && e.title().equals("tone")), 10);
        robotInteract(() -> app.controller.playlist().entries().stream()
                .filter(e -> e.isLoaded() && e.title().equals("tone")).findFirst().ifPresent(e -> player().play(e)));
        waitFor(() -> player().state() == PlayerState.PLAYING && player().nowPlayingProperty().get().buffer().name().equals("tone.wav"), 15);
        assertEquals("memory sink", player().outputName(), "audio keeps our own decoders");
    }

    private FxRobot robot() { return new FxRobot(); }

    private void robotInteract(Runnable r) { robot().interact(r); }
}
