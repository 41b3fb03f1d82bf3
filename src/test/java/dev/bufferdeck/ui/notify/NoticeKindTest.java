package dev.bufferdeck.ui.notify;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: the bar holds the whole window under the menu, and a change to its style classes has all
 * of it styled again: a notice changes them only when its kind (info or error) differs from the last.
 */
@ExtendWith(ApplicationExtension.class)
class NoticeKindTest {
    private final Notifier notifier = new Notifier();
    private NotificationBar bar;

    @Start
    void start(Stage stage) {
        bar = new NotificationBar(new Pane(), notifier);
        stage.setScene(new Scene(bar, 400, 300));
        stage.show();
    }

    @Test
    void infoNoticesLeaveTheStyleClassesAloneAndAnErrorChangesThemOnce(FxRobot robot) {
        AtomicInteger changes = new AtomicInteger();
        robot.interact(() -> bar.getStyleClass().addListener((ListChangeListener<String>) c -> changes.incrementAndGet()));
        robot.interact(() -> notifier.info("loaded one"));
        robot.interact(() -> notifier.info("loaded two"));
        assertEquals(0, changes.get(), "info notices change no style class");
        assertTrue(bar.getStyleClass().contains("notice-info"));

        robot.interact(() -> notifier.error("failed"));
        int afterError = changes.get();
        assertTrue(afterError > 0);
        assertTrue(bar.getStyleClass().contains("notice-error"));
        assertFalse(bar.getStyleClass().contains("notice-info"));
        robot.interact(() -> notifier.error("failed again"));
        assertEquals(afterError, changes.get(), "a second error changes nothing");
        assertEquals("failed again", bar.getText());

        robot.interact(() -> notifier.info("fine again"));
        assertTrue(bar.getStyleClass().contains("notice-info"));
        assertFalse(bar.getStyleClass().contains("notice-error"));
    }
}
