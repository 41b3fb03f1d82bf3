package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.LocalHttpServer;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
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
import java.util.stream.Collectors;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library table, its actions and the detail pane. */
@ExtendWith(ApplicationExtension.class)
class LibraryTest {
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

    @Test
    void ctrlVPastesAUrlWhichLoadsAndShowsItsHttpOriginInTheDetails(FxRobot robot) throws Exception {
        byte[] body = Wavs.tone(0.3, 520);
        try (LocalHttpServer server = new LocalHttpServer().serve("/song.wav", body)) {
            robot.interact(() -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(server.url("/song.wav"));
                Clipboard.getSystemClipboard().setContent(c);
            });
            robot.clickOn(app.window.libraryView().table());
            robot.press(KeyCode.CONTROL).press(KeyCode.V).release(KeyCode.V).release(KeyCode.CONTROL);
            waitUntil(() -> app.repository.count() == 1, 20);
            waitUntil(() -> app.controller.playlist().entries().size() == 1, 20);
            robot.interact(() -> app.window.libraryView().table().getSelectionModel().select(0));
            waitUntil(() -> detailText().contains("HTTP status"), 15);
            String text = detailText();
            assertTrue(text.contains(server.url("/song.wav")), text);
            assertTrue(text.contains("200"), text);
            assertTrue(text.contains("audio/wav"), "response headers are listed: " + text);
            assertTrue(text.contains(String.format("%,d bytes", body.length)), text);
        }
    }

    private String detailText() {
        return app.window.root().lookupAll(".detail-grid .label").stream().map(n -> ((Label) n).getText())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void saveBytesWritesExactlyTheBufferAndRemoveFreesIt(FxRobot robot) throws Exception {
        Path source = dir.resolve("tone.wav");
        Files.write(source, Wavs.tone(0.4, 610));
        robot.interact(() -> app.controller.sources().dropOnLibrary(new dev.bufferdeck.ui.dnd.DroppedItems(
                new dev.bufferdeck.source.DropPayload().addFile(source))));
        waitUntil(() -> app.repository.count() == 1, 20);
        MediaBuffer buffer = app.repository.buffers().get(0);
        Path target = dir.resolve("saved copy.wav");
        robot.interact(() -> app.controller.saveBytes(buffer, target));
        waitUntil(() -> Files.exists(target) && sizeOf(target) == buffer.size(), 15);
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(target));

        robot.interact(() -> app.window.libraryView().table().getSelectionModel().select(0));
        robot.clickOn("#library-remove");
        waitUntil(() -> app.repository.count() == 0 && app.window.libraryView().table().getItems().isEmpty(), 15);
        assertEquals(0, app.repository.bytesHeld());
    }

    @Test
    void theTableSortsBySizeAndShowsTheDetectedFormat(FxRobot robot) throws Exception {
        for (double seconds : List.of(0.5, 0.1, 0.3)) {
            app.repository.add(Wavs.tone(seconds, 440), seconds + ".wav", new dev.bufferdeck.repository.Origin.BuiltIn("t"), "wav");
        }
        waitUntil(() -> app.window.libraryView().table().getItems().size() == 3, 15);
        var table = app.window.libraryView().table();
        var size = table.getColumns().get(2);
        robot.interact(() -> {
            size.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(size));
        });
        assertEquals(List.of("0.1.wav", "0.3.wav", "0.5.wav"), table.getItems().stream().map(r -> r.buffer().name()).toList());
        assertTrue(table.getItems().stream().allMatch(r -> r.buffer().detectedFormat() == MediaFormat.WAV));
    }

    @Test
    void sizeAndFormatWidenToEveryRowsTextInBoldAndAMismatchsMark(FxRobot robot) throws Exception {
        var origin = new dev.bufferdeck.repository.Origin.BuiltIn("t");
        // two of one size (its width comes from the texts measured before), one wider than the header, and text that says it is an MP3
        app.repository.add(new byte[1000], "a.bin", origin, "");
        byte[] other = new byte[1000];
        other[0] = 1;   // the repository keeps one buffer per content
        app.repository.add(other, "b.bin", origin, "");
        app.repository.add(new byte[123_456], "c.bin", origin, "");
        app.repository.add("just some words, no sound at all\n".repeat(40).getBytes(java.nio.charset.StandardCharsets.US_ASCII), "d.mp3", origin, "mp3");
        waitUntil(() -> app.window.libraryView().table().getItems().size() == 4, 15);
        var table = app.window.libraryView().table();
        // bold: the playing and pinned rows' weight, the widest a cell's text takes
        javafx.scene.text.Font font = javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, 13);
        double[] widths = new double[2];
        robot.interact(() -> {
            widths[0] = table.getColumns().get(2).getMinWidth();
            widths[1] = table.getColumns().get(3).getMinWidth();
        });
        for (var row : table.getItems()) {
            String size = dev.bufferdeck.repository.ByteSizes.human(row.buffer().size());
            assertTrue(widths[0] >= ColumnFit.textWidth(font, size) + ColumnFit.CELL_PADDING, size + " fits in " + widths[0]);
        }
        MediaBuffer mismatched = app.repository.buffers().stream().filter(MediaBuffer::typeMismatch).findFirst().orElseThrow();
        String format = mismatched.detectedFormat().displayName();
        assertTrue(widths[1] >= ColumnFit.textWidth(font, format) + 20 + ColumnFit.CELL_PADDING, format + " and its mark fit in " + widths[1]);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
