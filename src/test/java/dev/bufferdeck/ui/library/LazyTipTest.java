package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.testing.AppFixture;
import javafx.scene.control.TableCell;
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

/**
 * Issue 14: a library cell's tooltip (the whole name, the exact size) is made when the pointer moves
 * over the cell, not for every cell filled.
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
}
