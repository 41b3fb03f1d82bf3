package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.source.LoadProgress;
import dev.bufferdeck.source.Cancellation;
import dev.bufferdeck.playlist.Repeat;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.ui.notify.Notice;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The playlist window: drag to reorder, delete, shuffle and repeat buttons, Enter plays, import and export. */
@ExtendWith(ApplicationExtension.class)
class PlaylistWindowTest {
    @TempDir
    Path dir;
    private AppFixture app;

    @Start
    void start(Stage stage) {
        app = AppFixture.open(stage, false);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private PlaylistModel playlist() { return app.controller.playlist(); }

    private TableView<PlaylistRow> openWithFiles(FxRobot robot, String... names) throws Exception {
        for (int i = 0; i < names.length; i++) {
            Path p = dir.resolve(names[i] + ".wav");
            Files.write(p, Wavs.tone(12, 300 + 50 * i));
            var buffer = app.controller.services().loader().load(p.toString(), LoadProgress.NONE, new Cancellation()).buffer();
            robot.interact(() -> playlist().append(app.controller.library().rowFor(buffer)));
        }
        robot.interact(() -> {
            app.controller.playlistWindow().stage().setX(40);
            app.controller.playlistWindow().stage().setY(40);
            app.controller.playlistWindow().show();
        });
        TableView<PlaylistRow> table = app.controller.playlistWindow().table();
        waitUntil(() -> row(table, names.length - 1) != null, 15);
        return table;
    }

    private static Node row(TableView<?> table, int index) {
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.isVisible() && r.getIndex() == index && !r.isEmpty()).findFirst().orElse(null);
    }

    private List<String> locations() {
        return playlist().entries().stream().map(PlaylistRow::location).toList();
    }

    private List<String> titles() {
        return playlist().entries().stream().map(PlaylistRow::title).toList();
    }

    @Test
    void referencesShowTheirLengthOnceItIsReadWithoutLoadingThem(FxRobot robot) throws Exception {
        List<String> files = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Path p = dir.resolve(String.format("ref %03d.wav", i));
            Files.write(p, Wavs.tone(2, 300 + i));
            files.add(p.toString());
        }
        robot.interact(() -> {
            playlist().insertReferences(0, files);
            app.controller.playlistWindow().show();
        });
        TableView<PlaylistRow> table = app.controller.playlistWindow().table();
        waitUntil(() -> row(table, 0) != null, 15);
        robot.interact(() -> table.scrollTo(250));
        waitUntil(() -> playlist().shownProperty().get().first() <= 250 && playlist().shownProperty().get().last() >= 250, 10);
        waitUntil(() -> cellText(table, 250, 2).equals("0:02"), 20);
        assertEquals("ref 250", cellText(table, 250, 1));
        assertEquals(0, app.repository.count(), "facts are read without putting a buffer in the repository");
    }

    private static String cellText(TableView<?> table, int index, int column) {
        Node row = row(table, index);
        if (!(row instanceof TableRow<?> r)) return "";
        return r.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.control.TableCell<?, ?>)
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() == table.getColumns().get(column))
                .map(c -> c.getText() == null ? "" : c.getText()).findFirst().orElse("");
    }

    @Test
    void draggingARowMovesItBeforeTheRowItIsDroppedOn(FxRobot robot) throws Exception {
        TableView<PlaylistRow> table = openWithFiles(robot, "a", "b", "c", "d");
        robot.drag(row(table, 3)).dropTo(row(table, 1));
        waitUntil(() -> titles().equals(List.of("a", "d", "b", "c")), 15);
    }

    @Test
    void deleteRemovesTheSelectedEntries(FxRobot robot) throws Exception {
        TableView<PlaylistRow> table = openWithFiles(robot, "a", "b", "c", "d");
        robot.clickOn(row(table, 1));
        robot.press(KeyCode.CONTROL).clickOn(row(table, 3)).release(KeyCode.CONTROL);
        robot.type(KeyCode.DELETE);
        assertEquals(List.of("a", "c"), titles());
        assertEquals(4, app.repository.count(), "the buffers stay in the library");
    }

    @Test
    void shuffleAndRepeatButtons(FxRobot robot) throws Exception {
        openWithFiles(robot, "a", "b");
        robot.clickOn("#playlist-shuffle");
        assertTrue(playlist().shuffleProperty().get());
        robot.clickOn("#playlist-repeat");
        assertEquals(Repeat.ALL, playlist().repeatProperty().get());
        robot.clickOn("#playlist-repeat");
        assertEquals(Repeat.ONE, playlist().repeatProperty().get());
        robot.clickOn("#playlist-repeat");
        assertEquals(Repeat.OFF, playlist().repeatProperty().get());
    }

    @Test
    void enterPlaysTheSelectedEntryAndItIsMarked(FxRobot robot) throws Exception {
        TableView<PlaylistRow> table = openWithFiles(robot, "a", "b", "c");
        robot.clickOn(row(table, 2)).type(KeyCode.ENTER);
        waitUntil(() -> app.controller.player().state() == PlayerState.PLAYING, 15);
        assertSame(playlist().entries().get(2), playlist().current());
        waitUntil(() -> row(table, 2).getPseudoClassStates().contains(PlaylistWindow.PLAYING), 15);
        assertTrue(!row(table, 0).getPseudoClassStates().contains(PlaylistWindow.PLAYING));
        Node first = row(table, 0);
        robot.interact(() -> javafx.event.Event.fireEvent(first, new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_CLICKED, 5, 5, 0, 0, javafx.scene.input.MouseButton.PRIMARY, 2,
                false, false, false, false, true, false, false, true, false, true, null)));
        waitUntil(() -> playlist().current() == playlist().entries().get(0), 15);
    }

    @Test
    void exportThenImportEveryFormatKeepsTheOrderAndReportsMissingEntriesOnce(FxRobot robot) throws Exception {
        openWithFiles(robot, "a", "b", "c");
        List<String> exported = locations();
        for (String ext : List.of("m3u", "m3u8", "pls", "xspf")) {
            Path file = dir.resolve("list." + ext);
            robot.interact(() -> app.controller.playlistFiles().exportPlaylist(file));
            waitUntil(() -> Files.exists(file), 15);
            robot.interact(() -> playlist().clear());
            robot.interact(() -> app.controller.playlistFiles().importPlaylist(file));
            // an import adds references at once; each loads when its turn comes
            waitUntil(() -> playlist().entries().size() == 3, 20);
            assertEquals(exported, locations(), ext);
            assertEquals(List.of("a", "b", "c"), titles(), ext + ": the list's titles show before the entries load");
            assertTrue(playlist().entries().stream().noneMatch(PlaylistRow::isUnavailable), ext);
        }
        Files.delete(dir.resolve("b.wav"));
        Files.delete(dir.resolve("c.wav"));
        robot.interact(() -> {
            app.controller.notifier().notices().clear();
            playlist().clear();
            List.copyOf(app.controller.library().rows()).forEach(r -> app.repository.remove(r.buffer()));
        });
        waitUntil(() -> app.repository.count() == 0, 15);
        robot.interact(() -> app.controller.playlistFiles().importPlaylist(dir.resolve("list.xspf")));
        waitUntil(() -> app.controller.notifier().notices().stream().anyMatch(Notice::error), 20);
        List<Notice> errors = app.controller.notifier().notices().stream().filter(Notice::error).toList();
        assertEquals(1, errors.size(), "one notice for all missing entries: " + errors);
        assertTrue(errors.get(0).text().contains("2 entries could not be loaded"), errors.get(0).text());
        assertEquals(List.of("a", "b", "c"), titles(), "missing entries keep their place and the title the list gave them");
        assertTrue(playlist().entries().get(0).isReference(), "the file that is there waits for its turn");
        assertTrue(playlist().entries().get(1).isUnavailable() && playlist().entries().get(2).isUnavailable());
    }
}
