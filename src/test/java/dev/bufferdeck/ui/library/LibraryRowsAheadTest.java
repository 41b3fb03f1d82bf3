package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.testing.AppFixture;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Callback;
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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: the library table builds its rows ahead while the window is idle, a row a pulse, so that
 * the first buffer to arrive reuses them instead of building a screenful of rows in one pulse; no
 * pulse ever draws the stand-in row it builds them with.
 */
@ExtendWith(ApplicationExtension.class)
class LibraryRowsAheadTest {
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
    void theFirstRowToArriveReusesTheRowsBuiltAheadAndNoPulseShowsTheStandIn(FxRobot robot) {
        LibraryView view = app.window.libraryView();
        TableView<BufferRow> table = view.table();
        AtomicInteger rowsMade = new AtomicInteger();
        List<String> seenAtPulses = new ArrayList<>();
        Object[] items = new Object[1];
        robot.interact(() -> {
            Callback<TableView<BufferRow>, TableRow<BufferRow>> made = table.getRowFactory();
            table.setRowFactory(t -> {
                rowsMade.incrementAndGet();
                return made.call(t);
            });
            items[0] = table.getItems();
            app.window.scene().addPostLayoutPulseListener(() -> {
                if (!table.getItems().isEmpty()) seenAtPulses.add(table.getItems().get(0).buffer().name());
            });
            view.warmRowCells();
            assertEquals(0, rowsMade.get(), "nothing is built before the next pulse");
        });
        waitUntil(view::rowCellsWarmed, 20);
        int builtAhead = rowsMade.get();
        double rowsInView = table.getHeight() / table.getFixedCellSize();
        assertTrue(builtAhead >= rowsInView - 2, builtAhead + " rows built ahead for a table " + rowsInView + " rows tall");
        int[] inTable = new int[1];
        robot.interact(() -> inTable[0] = (int) table.lookupAll(".table-row-cell").stream().filter(n -> n.getParent() != null && n.getParent().getStyleClass().contains("sheet")).count());
        assertEquals(builtAhead - 1, inTable[0], "every row built ahead is in the table but the one made outside it to load its classes");
        robot.interact(() -> {
            assertSame(items[0], table.getItems(), "the table shows the library's rows again");
            assertTrue(table.getSelectionModel().isEmpty(), "the stand-in was never selected");
        });

        robot.interact(() -> {
            try {
                app.repository.add(new byte[100], "first.bin", new Origin.Dropped("", "test"), "");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        waitUntil(() -> !robot.lookup(".table-row-cell:filled").queryAll().isEmpty(), 20);
        robot.interact(() -> { });
        assertEquals(builtAhead, rowsMade.get(), "the first row and the empty rows under it are the rows built ahead");
        assertEquals(List.of("first.bin"), seenAtPulses.stream().distinct().toList(), "no pulse laid out the stand-in row");
        assertFalse(seenAtPulses.isEmpty());
    }

    @Test
    void buildsNothingAheadWhenTheLibraryHasRows(FxRobot robot) {
        LibraryView view = app.window.libraryView();
        robot.interact(() -> {
            try {
                app.repository.add(new byte[100], "already.bin", new Origin.Dropped("", "test"), "");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        waitUntil(() -> view.table().getItems().size() == 1, 20);
        AtomicInteger rowsMade = new AtomicInteger();
        robot.interact(() -> {
            var made = view.table().getRowFactory();
            view.table().setRowFactory(t -> {
                rowsMade.incrementAndGet();
                return made.call(t);
            });
        });
        robot.interact(() -> { });
        int before = rowsMade.get();
        robot.interact(view::warmRowCells);
        waitUntil(view::rowCellsWarmed, 20);
        assertEquals(before, rowsMade.get(), "no rows built ahead beside the library's own");
    }
}
