package dev.bufferdeck.ui.main;

import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.testing.AppFixture;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Issue 14: a first start without sources makes the demo clip once the filled window has been
 * drawn, not beside its first pulse (where it took a core from it); it still ends up first in the
 * library and in the playlist.
 */
@ExtendWith(ApplicationExtension.class)
class DemoClipAfterFirstPulseTest {
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
    void demoClipIsMadeOnlyAfterTheWindowsNextPulse(FxRobot robot) throws Exception {
        int[] beforePulse = new int[1];
        robot.interact(() -> {
            app.controller.start(null, new ArrayList<>(), List.of());
            // hold the FX thread, and so the next pulse, for longer than the clip takes to make
            sleep(600);
            beforePulse[0] = app.repository.count();
        });
        assertEquals(0, beforePulse[0], "nothing is made while the window has not been drawn");

        waitUntil(() -> app.repository.count() == 1 && app.controller.playlist().entries().size() == 1, 20);
        robot.interact(() -> {
            assertInstanceOf(Origin.BuiltIn.class, app.controller.library().rows().get(0).buffer().origin());
            assertEquals(app.controller.library().rows().get(0), app.controller.playlist().entries().get(0).row());
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
