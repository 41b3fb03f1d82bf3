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
        try (LocalHttpServer server = new LocalHttpServer().serveSlowly("/big.bin", body, 200)) {
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

    @Test
    void aLoadGetsItsLineOnlyWhenItOutlastsTheDelay(FxRobot robot) throws Exception {
        Loads loads = app.controller.loads();
        DownloadsView[] view = new DownloadsView[1];
        LoadJob quick = new LoadJob("quick.wav"), slow = new LoadJob("slow.wav");
        java.util.List<Object> linesBuilt = new java.util.ArrayList<>();
        robot.interact(() -> {
            view[0] = new DownloadsView(loads);
            view[0].getChildren().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>) c -> {
                while (c.next()) c.getAddedSubList().forEach(n -> linesBuilt.add(n.getUserData()));
            });
            loads.active().add(quick);
            loads.active().remove(quick);
            loads.active().add(slow);
        });
        Thread.sleep((long) DownloadsView.SHOW_AFTER.toMillis() * 2);
        waitUntil(() -> view[0].getChildren().size() == 1, 15);
        robot.interact(() -> { });
        assertEquals(java.util.List.of(slow), linesBuilt, "the quick load never got a line");
        robot.interact(() -> loads.active().remove(slow));
        assertTrue(view[0].getChildren().isEmpty());
        assertTrue(!view[0].isVisible(), "hidden once nothing loads");
    }
}
