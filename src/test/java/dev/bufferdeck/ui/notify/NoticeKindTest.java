package dev.bufferdeck.ui.notify;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: the pane holds the whole window under the menu, and a change to its style classes has all
 * of it styled again: a notice's kind (info or error) is a style class of the skin's bar instead, set
 * only when it differs from the last, and the pane's own style classes never change. The error look
 * comes from the app's stylesheets (light theme and main window).
 */
@ExtendWith(ApplicationExtension.class)
class NoticeKindTest {
    private final Notifier notifier = new Notifier();
    private NotificationBar pane;

    @Start
    void start(Stage stage) {
        pane = new NotificationBar(new Pane());
        notifier.setDisplay(pane::showNotice);
        Scene scene = new Scene(pane, 400, 300);
        for (String css : new String[] {"/dev/bufferdeck/ui/theme/light.css", "/dev/bufferdeck/ui/main/main.css"}) {
            scene.getStylesheets().add(Objects.requireNonNull(NoticeKindTest.class.getResource(css)).toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theKindIsOnTheBarAndChangesOnlyWithTheKindAndThePaneKeepsItsStyleClasses(FxRobot robot) {
        AtomicInteger paneChanges = new AtomicInteger();
        AtomicInteger barChanges = new AtomicInteger();
        Node[] found = new Node[1];
        robot.interact(() -> found[0] = pane.bar());
        Node bar = found[0];
        assertNotNull(bar, "the skin's bar");
        robot.interact(() -> {
            pane.getStyleClass().addListener((ListChangeListener<String>) c -> paneChanges.incrementAndGet());
            bar.getStyleClass().addListener((ListChangeListener<String>) c -> barChanges.incrementAndGet());
        });
        assertTrue(bar.getStyleClass().contains("notice-info"));
        robot.interact(() -> notifier.info("loaded one"));
        robot.interact(() -> notifier.info("loaded two"));
        assertEquals(0, barChanges.get(), "info notices change no style class");
        Paint info = paneFill(robot, bar);

        robot.interact(() -> notifier.error("failed"));
        int afterError = barChanges.get();
        assertTrue(afterError > 0);
        assertTrue(bar.getStyleClass().contains("notice-error"));
        assertFalse(bar.getStyleClass().contains("notice-info"));
        assertEquals(Color.web("#fdecea"), paneFill(robot, bar), "an error notice shows on the error colour");
        robot.interact(() -> notifier.error("failed again"));
        assertEquals(afterError, barChanges.get(), "a second error changes nothing");
        assertEquals("failed again", pane.getText());

        robot.interact(() -> notifier.info("fine again"));
        assertTrue(bar.getStyleClass().contains("notice-info"));
        assertFalse(bar.getStyleClass().contains("notice-error"));
        assertEquals(info, paneFill(robot, bar), "an info notice shows on the bar's own colour again");
        assertEquals(0, paneChanges.get(), "the pane holding the window never changes its style classes");
    }

    /** The background of the bar's inner pane, as the stylesheets give it. */
    private static Paint paneFill(FxRobot robot, Node bar) {
        Paint[] fill = new Paint[1];
        robot.interact(() -> {
            bar.applyCss();
            Region inner = (Region) bar.lookup(".pane");
            fill[0] = inner.getBackground().getFills().get(0).getFill();
        });
        return fill[0];
    }
}
