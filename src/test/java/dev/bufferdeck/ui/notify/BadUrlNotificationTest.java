package dev.bufferdeck.ui.notify;

import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.LocalHttpServer;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A URL that answers 404: one error line in the notification bar, the repository as it was. */
@ExtendWith(ApplicationExtension.class)
class BadUrlNotificationTest {
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
    void a404TypedIntoOpenUrlIsOneErrorLineAndChangesNothing(FxRobot robot) throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            String url = server.url("/missing.mp3");
            var before = app.repository.figures();
            robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
            waitUntil(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent(), 15);
            // The dialog offers a URL from the clipboard (an earlier test may have left one there): replace it.
            javafx.scene.control.TextField field = robot.lookup(".dialog-pane .text-field").queryAs(javafx.scene.control.TextField.class);
            robot.clickOn(field);
            robot.interact(field::selectAll);
            robot.write(url).type(KeyCode.ENTER);
            waitUntil(() -> app.controller.notifier().notices().stream().anyMatch(Notice::error), 20);
            Notice notice = app.controller.notifier().notices().stream().filter(Notice::error).findFirst().orElseThrow();
            assertTrue(notice.text().contains("404"), notice.text());
            assertTrue(notice.text().contains("/missing.mp3"), "names the URL: " + notice.text());
            assertFalse(notice.text().contains("\n"));
            NotificationPane bar = robot.lookup("#notifications").queryAs(NotificationPane.class);
            waitUntil(bar::isShowing, 15);
            assertEquals(notice.text(), bar.getText());
            assertEquals(before, app.repository.figures(), "the repository is unchanged");
            assertTrue(app.controller.loads().active().isEmpty(), "the failed load left the downloads list");
        }
    }

    @Test
    void aStrayExceptionBecomesANoticeNotADialog(FxRobot robot) {
        robot.interact(() -> app.controller.notifier().installUncaughtHandler());
        Thread t = new Thread(() -> { throw new IllegalStateException("boom in a helper thread"); });
        t.start();
        waitUntil(() -> app.controller.notifier().notices().stream().anyMatch(n -> n.text().contains("boom")), 15);
        Thread.setDefaultUncaughtExceptionHandler(null);
    }
}
