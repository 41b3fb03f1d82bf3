package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.testing.AppFixture;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: a library cell's tooltip (the whole name, the exact size) is made when the pointer moves
 * over the cell, not for every cell filled; the window's buttons' tooltips and the library's context
 * menu are made when first needed, not as the window is built.
 */
@ExtendWith(ApplicationExtension.class)
class LazyTipTest {
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
    void aCellsTooltipIsMadeWhenThePointerMovesOverIt(FxRobot robot) throws Exception {
        String name = "a name long enough to be cut in a narrow column, whole in its tooltip.bin";
        app.repository.add(new byte[1234], name, new Origin.Dropped("", "test"), "");
        waitUntil(() -> !robot.lookup("#library-table .table-row-cell:filled .table-cell").queryAll().isEmpty(), 20);
        TableCell<?, ?> nameCell = robot.lookup("#library-table .table-row-cell:filled .table-cell")
                .match(n -> ((TableCell<?, ?>) n).getTableColumn().getId().equals("name")).query();
        TableCell<?, ?> sizeCell = robot.lookup("#library-table .table-row-cell:filled .table-cell")
                .match(n -> ((TableCell<?, ?>) n).getTableColumn().getId().equals("size")).query();
        assertNull(nameCell.getTooltip(), "no tooltip made for a cell the pointer has not been over");
        assertNull(sizeCell.getTooltip());

        robot.moveTo(nameCell).moveBy(3, 0);
        waitUntil(() -> nameCell.getTooltip() != null, 10);
        assertEquals(name, nameCell.getTooltip().getText());

        robot.moveTo(sizeCell).moveBy(3, 0);
        waitUntil(() -> sizeCell.getTooltip() != null, 10);
        assertEquals("1,234 bytes", sizeCell.getTooltip().getText());

    }

    @Test
    void aTextSetLazilyIsWrittenOnlyWhenTheTooltipIsMade(FxRobot robot) {
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> {
            Button button = new Button("x");
            LazyTip tip = new LazyTip(button);
            tip.setLazily(() -> written.incrementAndGet() + " first");
            tip.setLazily(() -> written.incrementAndGet() + " second");
            assertEquals(0, written.get(), "no text written for a tooltip not made");

            Event.fireEvent(button, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED, 1, 1, 1, 1,
                    javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null));
            assertEquals("1 second", button.getTooltip().getText(), "the last text, written once, as the pointer moves over it");

            tip.setLazily(() -> written.incrementAndGet() + " third");
            assertEquals("2 third", button.getTooltip().getText(), "a tooltip made follows at once");
        });
    }

    @Test
    void aButtonsTooltipIsMadeWhenThePointerMovesOverIt(FxRobot robot) throws Exception {
        Button play = robot.lookup("#transport-play").queryButton();
        assertNull(play.getTooltip(), "no tooltip made as the window is built");

        robot.moveTo(play).moveBy(3, 0);
        waitUntil(() -> play.getTooltip() != null, 10);
        assertEquals("Play (Space)", play.getTooltip().getText());
    }

    @Test
    void theLibrarysContextMenuIsMadeWhenFirstAskedFor(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#library-table").queryTableView();
        assertNull(table.getContextMenu(), "no context menu made as the window is built");

        // what the desktop sends on a right click or the menu key (Monocle's headless mouse does not)
        robot.interact(() -> {
            Bounds b = table.localToScreen(table.getBoundsInLocal());
            Event.fireEvent(table, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 60,
                    b.getMinX() + 20, b.getMinY() + 60, false, null));
        });
        waitUntil(() -> table.getContextMenu() != null && table.getContextMenu().isShowing(), 10);
        assertTrue(table.getContextMenu().getItems().stream().anyMatch(i -> "Play".equals(i.getText())));
        robot.interact(() -> table.getContextMenu().hide());
    }
}
