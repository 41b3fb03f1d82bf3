package dev.bufferdeck.ui.downloads;

import dev.bufferdeck.ui.notify.Notice;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.LocalHttpServer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A slow download shows its progress, bytes of total and rate, and its cancel button works. */
@ExtendWith(ApplicationExtension.class)
class DownloadsTest {
    private AppFixture app;

    @Start
    void start(Stage stage) {
        app = AppFixture.open(stage, false);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aSlowDownloadShowsProgressAndCancelLeavesTheRepositoryAsItWas(FxRobot robot) throws Exception {
        byte[] body = new byte[8 << 20];
        try (LocalHttpServer server = new LocalHttpServer().serveSlowly("/big.bin", body, 40)) {
            var before = app.repository.figures();
            robot.interact(() -> app.controller.sources().openUrl(server.url("/big.bin")));
            waitUntil(() -> robot.lookup(".download-line").tryQuery().isPresent(), 15);
            ProgressBar bar = robot.lookup(".download-line .progress-bar").queryAs(ProgressBar.class);
            waitUntil(() -> bar.getProgress() > 0.01, 15);
            assertTrue(bar.getProgress() < 1);
            Label detail = robot.lookup(".download-detail").queryAs(Label.class);
            assertTrue(detail.getText().matches(".+ of 8 MiB( · .+/s)?"), detail.getText());
            robot.clickOn(robot.lookup(".download-line .button").queryAs(Button.class));
            waitUntil(() -> app.controller.loads().active().isEmpty(), 15);
            waitUntil(() -> app.controller.notifier().notices().stream().anyMatch(Notice::error), 15);
            // the buffer was listed at its first bytes (it plays while loading): the cancel takes it away again
            waitUntil(() -> app.repository.count() == 0, 15);
            waitUntil(() -> app.repository.figures().equals(before), 15);
            assertTrue(robot.lookup(".download-line").tryQuery().isEmpty(), "the line is gone");
        }
    }
}
