package dev.bufferdeck.ui.thread;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Fx#afterNextFrame}: runs once the renderer has drawn the scene's first frame, after the
 * pulse that laid it out, on the renderer's thread, and only once though frames go on; several asked
 * for the same frame all run, in the order asked.
 */
@ExtendWith(ApplicationExtension.class)
class FxAfterNextFrameTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void runsOnceOnTheRendererAfterTheFirstFrameOfASceneJustShown() throws Exception {
        AtomicInteger pulses = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        Label label = new Label("drawn");
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene(label, 200, 100);
            scene.addPostLayoutPulseListener(pulses::incrementAndGet);
            stage.setScene(scene);
            stage.show();
            Fx.afterNextFrame(scene, () -> {
                seen.add(Thread.currentThread().getName() + " after " + pulses.get() + " pulses");
                runs.incrementAndGet();
            });
        }).get(10, TimeUnit.SECONDS);
        waitUntil(() -> runs.get() == 1, 10);
        // more frames: the label changes a few times
        for (int i = 0; i < 5; i++) {
            int n = i;
            WaitForAsyncUtils.asyncFx(() -> label.setText("frame " + n)).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.sleep(40, TimeUnit.MILLISECONDS);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, runs.get(), "once: " + seen);
        String first = seen.get(0);
        assertTrue(first.startsWith("QuantumRenderer"), "on the renderer's thread: " + first);
        assertTrue(!first.endsWith(" 0 pulses"), "after the pulse that laid the scene out: " + first);
    }

    @Test
    void severalAskedForTheSameFrameAllRun() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene(new Label("two"), 200, 100);
            stage.setScene(scene);
            stage.show();
            Fx.afterNextFrame(scene, () -> ran.add("first"));
            Fx.afterNextFrame(scene, () -> ran.add("second"));
            Fx.afterNextFrame(scene, () -> ran.add("third"));
        }).get(10, TimeUnit.SECONDS);
        waitUntil(() -> ran.size() == 3, 10);
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        assertEquals(List.of("first", "second", "third"), ran);
    }

    /** JavaFX's performance tracker counts every pulse and frame of the scene it is on: off it once the frame came. */
    @Test
    void leavesNoTrackerOnTheSceneOnceItsFrameCame() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        Scene[] shown = new Scene[1];
        WaitForAsyncUtils.asyncFx(() -> {
            shown[0] = new Scene(new Label("tracked"), 200, 100);
            stage.setScene(shown[0]);
            stage.show();
            Fx.afterNextFrame(shown[0], () -> ran.add("drawn"));
        }).get(10, TimeUnit.SECONDS);
        waitUntil(() -> ran.size() == 1, 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, tracker(shown[0]), "the scene's performance tracker once its frame was drawn");
    }

    private static Object tracker(Scene scene) throws Exception {
        java.lang.reflect.Field f = Scene.class.getDeclaredField("tracker");
        f.setAccessible(true);
        return f.get(scene);
    }
}
