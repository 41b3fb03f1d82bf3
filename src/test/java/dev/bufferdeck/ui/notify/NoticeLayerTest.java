package dev.bufferdeck.ui.notify;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: the notices' bar is made at the first notice, not with the window; that first notice
 * still slides in over the foot of the content, and the content under the layer still takes the mouse.
 */
@ExtendWith(ApplicationExtension.class)
class NoticeLayerTest {
    private final Notifier notifier = new Notifier();
    private final AtomicInteger pressed = new AtomicInteger();
    private NoticeLayer layer;

    @Start
    void start(Stage stage) {
        Button underneath = new Button("under the layer");
        underneath.setId("underneath");
        underneath.setOnAction(e -> pressed.incrementAndGet());
        BorderPane content = new BorderPane(underneath);
        layer = new NoticeLayer(content, notifier, false);
        Scene scene = new Scene(layer, 400, 300);
        scene.getStylesheets().add(Objects.requireNonNull(NoticeLayerTest.class.getResource("/dev/bufferdeck/ui/main/main.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theFirstNoticeMakesTheBarAndSlidesItInAtTheFootAndTheContentStillTakesClicks(FxRobot robot) {
        assertEquals(1, onFx(() -> layer.getChildren().size()), "no bar before a notice");
        robot.clickOn("#underneath");
        assertEquals(1, pressed.get(), "the content takes the mouse");

        robot.interact(() -> notifier.error("http://127.0.0.1/missing.mp3: server answered 404"));
        waitUntil(() -> onFx(() -> {
            Node bar = layer.bar().bar();
            if (bar == null || !bar.isVisible()) return false;
            Bounds b = bar.localToScene(bar.getLayoutBounds());
            // slid in: at the foot of the window, all of it inside it
            return b.getHeight() > 10 && Math.abs(b.getMaxY() - layer.getScene().getHeight()) < 1;
        }), 3); // well before the bar hides itself (6 s), which it also shows sliding out
        assertEquals("http://127.0.0.1/missing.mp3: server answered 404", onFx(() -> layer.bar().getText()));

        robot.clickOn("#underneath");
        assertEquals(2, pressed.get(), "the layer over the content lets the mouse through where no bar is");
        assertTrue(onFx(() -> layer.getChildren().size() == 2));
    }

    private static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
