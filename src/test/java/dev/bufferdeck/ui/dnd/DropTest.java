package dev.bufferdeck.ui.dnd;

import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.LocalHttpServer;
import dev.bufferdeck.ui.testing.SyntheticDrag;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drops onto the main window, the library and the playlist window: real gestures and synthetic DragEvents. */
@ExtendWith(ApplicationExtension.class)
class DropTest {
    @TempDir
    Path dir;
    private AppFixture app;
    private Label dragSource;
    private List<File> filesToDrag = List.of();

    @Start
    void start(Stage stage) {
        app = AppFixture.open(stage, false);
        stage.setX(0);
        stage.setY(0);
        dragSource = new Label("drag me");
        dragSource.setId("drag-source");
        dragSource.setMinSize(80, 20);
        dragSource.setOnDragDetected(e -> {
            Dragboard db = dragSource.startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.putFiles(filesToDrag);
            db.setContent(content);
            e.consume();
        });
        // the drag starts inside the window (Monocle's headless drag-and-drop stays within one window)
        app.window.statusBar().getLeftItems().add(dragSource);
    }

    @AfterEach
    void close(FxRobot robot) {
        app.close();
    }

    private Path wav(String name, double seconds, double hz) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, Wavs.tone(seconds, hz));
        return p;
    }

    private TableView<?> library() { return app.window.libraryView().table(); }

    @Test
    void realDragOfFilesOntoTheLibraryLoadsThemIntoMemoryOnly(FxRobot robot) throws Exception {
        filesToDrag = List.of(wav("one.wav", 0.2, 440).toFile(), wav("two.wav", 0.2, 550).toFile());
        robot.drag(dragSource).dropTo(library());
        waitUntil(() -> app.repository.count() == 2, 20);
        assertEquals(List.of("one.wav", "two.wav"), app.repository.buffers().stream().map(MediaBuffer::name).toList());
        assertTrue(app.controller.playlist().entries().isEmpty(), "a drop on the library does not queue");
        assertFalse(library().getStyleClass().contains(DropZone.ACTIVE), "highlight gone after the drop");
    }

    @Test
    void realDragOfAFolderOntoTheWindowQueuesItsMediaAndPlaysTheFirst(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("album"));
        Files.write(folder.resolve("01 first.wav"), Wavs.tone(3, 440));
        Files.write(folder.resolve("02 second.wav"), Wavs.tone(0.3, 660));
        Files.writeString(folder.resolve("notes.txt"), "not media");
        filesToDrag = List.of(folder.toFile());
        // the first lasts 3 s and the second follows it: remember what played first, so a slow poll cannot miss it
        java.util.List<String> played = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> app.controller.player().nowPlayingProperty().addListener((o, was, now) -> {
            if (now != null) played.add(now.buffer().name());
        }));
        robot.drag(dragSource).dropTo(app.window.transport());
        waitUntil(() -> app.controller.playlist().entries().size() == 2, 20);
        waitUntil(() -> app.controller.playlist().entries().stream().map(PlaylistRow::title).toList()
                .equals(List.of("01 first", "02 second")), 20);
        waitUntil(() -> !played.isEmpty(), 15);
        assertEquals("01 first.wav", played.get(0));
    }

    @Test
    void aFolderLargerThanTheBudgetBecomesReferencesAtOnceAndOnlyWhatPlaysIsLoaded(FxRobot robot) throws Exception {
        app.close();
        dev.bufferdeck.ui.main.AppServices services;
        System.setProperty(dev.bufferdeck.repository.MediaRepository.BUDGET_PROPERTY, "8M");
        try {
            services = dev.bufferdeck.ui.testing.Testing.standardServices();
        } finally {
            System.clearProperty(dev.bufferdeck.repository.MediaRepository.BUDGET_PROPERTY);
        }
        Stage stage = app.stage;
        robot.interact(() -> {
            app = AppFixture.open(stage, false, services, List.of());
            app.window.statusBar().getLeftItems().add(dragSource);
        });
        Path folder = Files.createDirectories(dir.resolve("big"));
        for (int i = 0; i < 40; i++) Files.write(folder.resolve(String.format("%02d.wav", i)), Wavs.tone(3, 200 + 10 * i));
        assertTrue(40 * Files.size(folder.resolve("00.wav")) > 2 * app.repository.budget(), "the folder holds more than twice the budget");
        filesToDrag = List.of(folder.toFile());
        robot.drag(dragSource).dropTo(app.window.transport());
        waitUntil(() -> app.controller.playlist().entries().size() == 40, 20);
        waitUntil(() -> app.controller.player().state() == dev.bufferdeck.audio.PlayerState.PLAYING, 20);
        assertEquals("00.wav", app.controller.player().nowPlayingProperty().get().buffer().name());
        assertTrue(app.repository.count() <= 2, "the one playing and the one after it are loaded, no more: "
                + app.repository.buffers());
        assertTrue(app.controller.playlist().entries().stream().skip(2).allMatch(PlaylistRow::isReference));
    }

    @Test
    void theDropZoneLightsUpWhileSomethingHovers(FxRobot robot) {
        Map<DataFormat, Object> content = Map.of(DataFormat.PLAIN_TEXT, "https://example.org/a.mp3");
        Dragboard[] holder = new Dragboard[1];
        robot.interact(() -> holder[0] = SyntheticDrag.dragboard(content));
        Dragboard board = holder[0];
        robot.interact(() -> {
            Bounds b = library().localToScene(library().getLayoutBounds());
            DragEvent enter = new DragEvent(null, library(), DragEvent.DRAG_ENTERED, board, b.getCenterX(), b.getCenterY(),
                    0, 0, TransferMode.COPY, null, null, null);
            javafx.event.Event.fireEvent(library(), enter);
        });
        assertTrue(library().getStyleClass().contains(DropZone.ACTIVE));
        robot.interact(() -> javafx.event.Event.fireEvent(library(), new DragEvent(null, library(), DragEvent.DRAG_EXITED,
                board, 0, 0, 0, 0, TransferMode.COPY, null, null, null)));
        assertFalse(library().getStyleClass().contains(DropZone.ACTIVE));
    }

    @Test
    void syntheticUriListMozUrlAndTextDropsLoadEachUrlOnce(FxRobot robot) throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.serve("/a.wav", Wavs.tone(0.2, 300)).serve("/b.wav", Wavs.tone(0.2, 400)).serve("/c.wav", Wavs.tone(0.2, 500));
            String uriList = "# a comment\r\n" + server.url("/a.wav") + "\r\n";
            byte[] moz = (server.url("/b.wav") + "\nTrack B").getBytes(StandardCharsets.UTF_16LE);
            robot.interact(() -> SyntheticDrag.dropOn(library(), Map.of(DataFormat.URL, uriList)));
            waitUntil(() -> app.repository.count() == 1, 20);
            robot.interact(() -> SyntheticDrag.dropOn(library(), Map.of(ClipboardReader.format(ClipboardReader.MOZ_URL), moz)));
            waitUntil(() -> app.repository.count() == 2, 20);
            robot.interact(() -> SyntheticDrag.dropOn(library(), Map.of(DataFormat.PLAIN_TEXT,
                    "listen to " + server.url("/c.wav") + ", it's nice")));
            waitUntil(() -> app.repository.count() == 3, 20);
            List<String> urls = app.repository.buffers().stream()
                    .map(b -> ((Origin.Url) b.origin()).finalUri().toString()).toList();
            assertEquals(List.of(server.url("/a.wav"), server.url("/b.wav"), server.url("/c.wav")), urls);
        }
    }

    @Test
    void rawBytesFromAnotherProgramAreKeptWithTheirMimeType(FxRobot robot) {
        byte[] bytes = Wavs.tone(0.1, 880);
        robot.interact(() -> SyntheticDrag.dropOn(library(), Map.of(ClipboardReader.format("audio/x-wav"), bytes)));
        waitUntil(() -> app.repository.count() == 1, 20);
        MediaBuffer b = app.repository.buffers().get(0);
        assertEquals(bytes.length, b.size());
        assertTrue(b.origin() instanceof Origin.Dropped d && d.mimeType().equals("audio/x-wav"), b.origin().toString());
        assertEquals(MediaFormat.WAV, b.detectedFormat());
    }

    @Test
    void aDropOnThePlaylistInsertsAtTheDropPosition(FxRobot robot) throws Exception {
        for (String n : List.of("a", "b", "c")) {
            var buffer = app.repository.add(Wavs.tone(0.1, 200 + n.charAt(0)), n + ".wav", new Origin.BuiltIn(n), "wav").buffer();
            robot.interact(() -> app.controller.playlist().append(app.controller.library().rowFor(buffer)));
        }
        robot.interact(() -> app.controller.playlistWindow().show());
        TableView<PlaylistRow> table = app.controller.playlistWindow().table();
        waitUntil(() -> table.lookupAll(".table-row-cell").size() >= 3, 15);
        Node second = table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == 1).findFirst().orElseThrow();
        Path dropped = wav("dropped.wav", 0.1, 990);
        robot.interact(() -> {
            Bounds b = second.localToScene(second.getLayoutBounds());
            SyntheticDrag.dropAt(table, Map.of(DataFormat.FILES, List.of(dropped.toFile())),
                    new Point2D(b.getMinX() + 20, b.getCenterY()));
        });
        waitUntil(() -> app.controller.playlist().entries().size() == 4, 20);
        assertEquals(List.of("a", "dropped", "b", "c"), app.controller.playlist().entries().stream()
                .map(e -> e.row().title()).toList());
    }

    @Test
    void libraryBuffersDraggedOntoThePlaylistAreInsertedWithoutLoading(FxRobot robot) throws Exception {
        List<MediaBuffer> buffers = new java.util.ArrayList<>();
        for (String n : List.of("a", "b", "c")) {
            buffers.add(app.repository.add(Wavs.tone(0.1, 300 + n.charAt(0)), n + ".wav", new Origin.BuiltIn(n), "wav").buffer());
        }
        robot.interact(() -> app.controller.playlist().append(app.controller.library().rowFor(buffers.get(0))));
        robot.interact(() -> app.controller.playlistWindow().show());
        TableView<PlaylistRow> table = app.controller.playlistWindow().table();
        waitUntil(() -> !table.lookupAll(".table-row-cell").isEmpty(), 15);
        Node first = table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.isVisible() && r.getIndex() == 0).findFirst().orElseThrow();
        String ids = buffers.get(1).id() + "," + buffers.get(2).id();
        robot.interact(() -> {
            Bounds b = first.localToScene(first.getLayoutBounds());
            SyntheticDrag.dropAt(table, Map.of(InternalDrag.BUFFERS, ids), new Point2D(b.getMinX() + 20, b.getCenterY()));
        });
        assertEquals(List.of("b", "c", "a"), app.controller.playlist().entries().stream().map(e -> e.row().title()).toList());
        assertEquals(3, app.repository.count(), "nothing was loaded again");
    }
}
