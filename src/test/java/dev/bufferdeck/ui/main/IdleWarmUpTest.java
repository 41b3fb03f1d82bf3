package dev.bufferdeck.ui.main;

import dev.bufferdeck.ui.icons.Icon;
import dev.bufferdeck.ui.testing.AppFixture;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: the filled window warms what its first load and first download show (the library's rows,
 * a downloads line, the icon shapes) only after it has been drawn, a step per pulse, and leaves
 * nothing of it in sight.
 */
@ExtendWith(ApplicationExtension.class)
class IdleWarmUpTest {
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
    void warmsRowCellsDownloadLineAndIconsOnlyAfterTheNextPulse(FxRobot robot) {
        MainWindow window = app.window;
        IdleWarmUp[] warm = new IdleWarmUp[1];
        List<Node> libraryChildren = new ArrayList<>();
        List<Node> bottomChildren = new ArrayList<>();
        boolean[] warmedAtOnce = new boolean[1];
        AtomicInteger toldDone = new AtomicInteger();
        boolean[] toldOnFxWhenDone = new boolean[1];
        robot.interact(() -> {
            assertFalse(window.libraryView().rowCellsWarmed());
            assertFalse(window.downloads().lineWarmed());
            assertNull(window.root().lookup("#notifications"), "no notices' bar before a notice or the warm-up");
            assertNull(window.nowPlaying().recordButton().getScene(), "no Record menu before a live stream or the warm-up");
            libraryChildren.addAll(window.libraryView().getChildren());
            bottomChildren.addAll(window.downloads().getParent().getChildrenUnmodifiable());
            warm[0] = window.warmUpWhenIdle();
            warm[0].whenDone(() -> {
                toldOnFxWhenDone[0] = javafx.application.Platform.isFxApplicationThread() && warm[0].isDone();
                toldDone.incrementAndGet();
            });
            warmedAtOnce[0] = warm[0].stepsDone() > 0 || window.libraryView().rowCellsWarmed() || window.downloads().lineWarmed();
        });
        assertFalse(warmedAtOnce[0], "nothing is warmed before the window's next pulse");

        waitUntil(() -> warm[0].isDone() && window.libraryView().rowCellsWarmed() && window.downloads().lineWarmed(), 20);
        waitUntil(() -> toldDone.get() > 0, 5);
        assertTrue(toldOnFxWhenDone[0], "told on the FX thread, once every step has run");
        robot.interact(() -> { });
        assertEquals(1, toldDone.get(), "told once");
        robot.interact(() -> {
            assertEquals(libraryChildren, window.libraryView().getChildren(), "the library's children are as they were");
            assertTrue(window.libraryView().table().getItems().isEmpty(), "the table shows no row");
            assertEquals(bottomChildren, window.downloads().getParent().getChildrenUnmodifiable(), "the unseen line is gone again");
            assertTrue(window.downloads().getChildren().isEmpty());
            assertFalse(window.downloads().isVisible(), "no downloads line shows");
            Node bar = window.root().lookup("#notifications");
            assertTrue(bar instanceof org.controlsfx.control.NotificationPane pane && !pane.isShowing(),
                    "the notices' bar is made ahead, and shows nothing: " + bar);
            assertSame(window.scene(), window.nowPlaying().recordButton().getScene(), "the Record menu is placed ahead");
            assertFalse(window.nowPlaying().recordButton().isVisible(), "and hidden");
        });
        assertTrue(Icon.shapesWarmed());
    }

    @Test
    void withTheDemoRowComingTheLibrarysRowsAreLeftToIt(FxRobot robot) {
        MainWindow window = app.window;
        IdleWarmUp[] warm = new IdleWarmUp[1];
        robot.interact(() -> warm[0] = window.warmUpWhenIdle(true));
        waitUntil(() -> warm[0].isDone() && window.downloads().lineWarmed(), 20);
        robot.interact(() -> assertFalse(window.libraryView().rowCellsWarmed(), "no row is built ahead"));
    }

    @Test
    void runsOneStepPerPulse(FxRobot robot) {
        AtomicInteger pulses = new AtomicInteger();
        List<Integer> stepPulses = new ArrayList<>();
        IdleWarmUp[] warm = new IdleWarmUp[1];
        robot.interact(() -> {
            app.window.scene().addPostLayoutPulseListener(pulses::incrementAndGet);
            Runnable step = () -> stepPulses.add(pulses.get());
            warm[0] = new IdleWarmUp(List.of(step, step, step), () -> { });
            warm[0].startAfterNextPulse(app.window.scene());
            assertEquals(0, warm[0].stepsDone());
        });
        waitUntil(warm[0]::isDone, 20);
        robot.interact(() -> {
            assertEquals(3, stepPulses.size());
            assertTrue(stepPulses.get(0) >= 1, "the first step follows a pulse: " + stepPulses);
            assertTrue(stepPulses.get(1) > stepPulses.get(0) && stepPulses.get(2) > stepPulses.get(1),
                    "each step in a pulse of its own: " + stepPulses);
        });
    }

    /** The library's rows are one line high by CSS, so the table builds its first rows without measuring each. */
    @Test
    void libraryRowsHaveAFixedHeightOfOneLine(FxRobot robot) {
        robot.interact(() -> {
            var table = app.window.libraryView().table();
            table.applyCss();
            double font = javafx.scene.text.Font.getDefault().getSize();
            assertTrue(table.getFixedCellSize() >= 2 * font - 0.5 && table.getFixedCellSize() <= 2 * font + 4,
                    "fixed cell size " + table.getFixedCellSize() + " for a " + font + " px font");
        });
    }
}
