package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.playlist.Repeat;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.library.LibraryView;
import dev.bufferdeck.ui.notify.Notice;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.playlist.PlaylistWindow;
import dev.bufferdeck.ui.library.MediaFacts;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.Testing;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Playback keeps going past entries that cannot play, and the window says what plays and how long it is. */
@ExtendWith(ApplicationExtension.class)
class KeepGoingTest {
    @TempDir
    Path dir;
    private Stage stage;
    private AppFixture app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (app != null) app.close();
    }

    private void open(FxRobot robot, AppServices services) {
        robot.interact(() -> app = AppFixture.open(stage, false, services, List.of()));
    }

    private Path file(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** good (0.4 s), an ADPCM WAV, an HTML page named .mp3, good (long) */
    private List<PlaylistRow> loadMixedPlaylist(FxRobot robot) throws Exception {
        List<String> paths = List.of(
                file("first.wav", Wavs.tone(0.4, 440)).toString(),
                file("adpcm.wav", Wavs.adpcm(1)).toString(),
                file("page.mp3", "<!DOCTYPE html><html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8)).toString(),
                file("last.wav", Wavs.tone(30, 660)).toString());
        robot.interact(() -> app.controller.sources().loadIntoPlaylist(dev.bufferdeck.ui.downloads.Loads.sources(paths),
                SourceOpener.APPEND, false));
        waitUntil(() -> app.controller.playlist().entries().size() == 4, 20);
        return List.copyOf(app.controller.playlist().entries());
    }

    private static TableRow<?> rowOf(TableView<?> table, Object item) {
        return table.lookupAll(".table-row-cell").stream().filter(n -> n instanceof TableRow<?> r && !r.isEmpty()
                && r.getItem() == item).map(n -> (TableRow<?>) n).findFirst().orElse(null);
    }

    @Test
    void entriesThatCannotPlayAreMarkedInPlaylistAndLibraryBeforePlayIsPressed(FxRobot robot) throws Exception {
        open(robot, Testing.standardServices());
        List<PlaylistRow> rows = loadMixedPlaylist(robot);
        waitUntil(() -> rows.get(1).whyNotPlayable() != null && rows.get(2).whyNotPlayable() != null
                && rows.get(3).row().durationMillis() > 0, 20);
        assertTrue(rows.get(1).whyNotPlayable().contains("ADPCM"), rows.get(1).whyNotPlayable());
        assertTrue(rows.get(2).whyNotPlayable().contains("not audio"), rows.get(2).whyNotPlayable());
        assertNull(rows.get(0).whyNotPlayable());
        assertEquals(PlayerState.IDLE, app.controller.player().state(), "nothing was played to find out");

        robot.interact(() -> app.controller.playlistWindow().show());
        TableView<PlaylistRow> playlist = app.controller.playlistWindow().table();
        waitUntil(() -> rowOf(playlist, rows.get(1)) != null, 10);
        assertTrue(rowOf(playlist, rows.get(1)).getPseudoClassStates().contains(PlaylistWindow.UNPLAYABLE));
        assertTrue(rowOf(playlist, rows.get(2)).getPseudoClassStates().contains(PlaylistWindow.UNPLAYABLE));
        assertFalse(rowOf(playlist, rows.get(0)).getPseudoClassStates().contains(PlaylistWindow.UNPLAYABLE));
        assertTrue(rowOf(playlist, rows.get(1)).getTooltip().getText().contains("ADPCM"));

        TableView<BufferRow> library = app.window.libraryView().table();
        BufferRow adpcm = rows.get(1).row();
        waitUntil(() -> rowOf(library, adpcm) != null, 10);
        assertTrue(rowOf(library, adpcm).getPseudoClassStates().contains(LibraryView.UNPLAYABLE));
        assertFalse(rowOf(library, rows.get(0).row()).getPseudoClassStates().contains(LibraryView.UNPLAYABLE));
    }

    @Test
    void autoAdvanceSkipsUnplayableEntriesWithANoticeAndGoesOn(FxRobot robot) throws Exception {
        open(robot, Testing.standardServices());
        List<PlaylistRow> rows = loadMixedPlaylist(robot);
        waitUntil(() -> rows.get(1).whyNotPlayable() != null && rows.get(2).whyNotPlayable() != null, 20);
        robot.interact(() -> app.controller.player().play(rows.get(0)));
        waitUntil(() -> app.controller.playlist().current() == rows.get(3)
                && app.controller.player().state() == PlayerState.PLAYING, 30);
        assertSame(rows.get(3).row(), app.controller.player().nowPlayingProperty().get());
        List<String> texts = app.controller.notifier().notices().stream().map(Notice::text).toList();
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Skipped adpcm") && t.contains("ADPCM")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Skipped page")), texts.toString());
        assertEquals("0:30", robot.lookup("#time-total").queryAs(TimeLabel.class).getText(), "the length of the entry playing");
    }

    @Test
    void aFailureTheEngineFindsAtPlayTimeIsSkippedToo(FxRobot robot) throws Exception {
        // facts that never arrive: nothing is marked beforehand, so the player itself meets the bad entries
        AppServices s = Testing.standardServices();
        AppServices noFacts = new AppServices(s.repository(), s.loader(), b -> MediaFacts.untitled(b.name()),
                s.playback(), s.session(), s.playlistReader());
        open(robot, noFacts);
        List<PlaylistRow> rows = loadMixedPlaylist(robot);
        assertNull(rows.get(1).whyNotPlayable());
        robot.interact(() -> app.controller.player().play(rows.get(1)));
        waitUntil(() -> app.controller.playlist().current() == rows.get(3)
                && app.controller.player().state() == PlayerState.PLAYING, 30);
        assertTrue(app.controller.notifier().notices().stream().anyMatch(n -> n.error() && n.text().contains("ADPCM")));
    }

    @Test
    void aWholePassThatFailsStopsOnceAndTheTotalTimeShowsNothing(FxRobot robot) throws Exception {
        open(robot, Testing.standardServices());
        List<String> paths = List.of(file("a.wav", Wavs.adpcm(1)).toString(),
                file("b.mp3", "<html></html>".getBytes(StandardCharsets.UTF_8)).toString());
        robot.interact(() -> {
            app.controller.playlist().repeatProperty().set(Repeat.ALL);
            app.controller.sources().loadIntoPlaylist(dev.bufferdeck.ui.downloads.Loads.sources(paths), SourceOpener.APPEND, false);
        });
        waitUntil(() -> app.controller.playlist().entries().size() == 2
                && app.controller.playlist().entries().stream().allMatch(e -> e.whyNotPlayable() != null), 20);
        robot.interact(() -> app.controller.player().next());
        waitUntil(() -> app.controller.notifier().notices().stream().anyMatch(n -> n.text().startsWith("Stopped")), 15);
        assertNull(app.controller.player().nowPlayingProperty().get());
        assertEquals("", robot.lookup("#time-total").queryAs(TimeLabel.class).getText());
        assertEquals(2, app.controller.notifier().notices().stream().filter(n -> n.text().startsWith("Skipped")).count(),
                "each entry tried once, not round and round");
    }

    @Test
    void theTotalTimeFollowsTheCurrentEntryAndTheLibraryHighlightsThePlayingRow(FxRobot robot) throws Exception {
        open(robot, Testing.standardServices());
        List<String> paths = List.of(file("long.wav", Wavs.tone(65, 440)).toString(), file("short.wav", Wavs.tone(7, 440)).toString());
        robot.interact(() -> app.controller.sources().loadIntoPlaylist(dev.bufferdeck.ui.downloads.Loads.sources(paths), SourceOpener.APPEND, false));
        waitUntil(() -> app.controller.playlist().entries().size() == 2
                && app.controller.playlist().entries().get(1).durationMillis() > 0, 20);
        List<PlaylistRow> rows = List.copyOf(app.controller.playlist().entries());
        TimeLabel total = robot.lookup("#time-total").queryAs(TimeLabel.class);
        assertEquals("", total.getText(), "nothing playing, no length");
        robot.interact(() -> app.controller.player().play(rows.get(0)));
        waitUntil(() -> "1:05".equals(total.getText()), 15);
        TableView<BufferRow> library = app.window.libraryView().table();
        waitUntil(() -> rowOf(library, rows.get(0).row()) != null
                && rowOf(library, rows.get(0).row()).getPseudoClassStates().contains(LibraryView.PLAYING), 10);
        assertFalse(rowOf(library, rows.get(1).row()).getPseudoClassStates().contains(LibraryView.PLAYING));
        robot.interact(() -> app.controller.player().play(rows.get(1)));
        waitUntil(() -> "0:07".equals(total.getText()), 15);
        waitUntil(() -> rowOf(library, rows.get(1).row()).getPseudoClassStates().contains(LibraryView.PLAYING)
                && !rowOf(library, rows.get(0).row()).getPseudoClassStates().contains(LibraryView.PLAYING), 10);
        robot.interact(() -> app.controller.remove(List.of(rows.get(1).row())));
        waitUntil(() -> "".equals(total.getText()), 15);
        assertNull(app.controller.player().nowPlayingProperty().get());
    }
}
