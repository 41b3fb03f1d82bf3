package dev.bufferdeck.ui.main;

import dev.bufferdeck.playlist.Repeat;
import dev.bufferdeck.session.WindowBounds;
import dev.bufferdeck.session.SessionStore;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.ui.notify.Notice;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.playlist.PlaylistWindow;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.LocalHttpServer;
import dev.bufferdeck.ui.testing.TestSessions;
import dev.bufferdeck.ui.testing.Testing;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session never loses anything: unreachable sources, the current entry and its position, the windows, every change. */
@ExtendWith(ApplicationExtension.class)
class SessionLifeTest {
    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private AppFixture open(FxRobot robot, SessionStore store, List<String> args) {
        AppServices s = Testing.standardServices();
        AppFixture[] app = new AppFixture[1];
        robot.interact(() -> app[0] = AppFixture.open(stage, true, AppFixture.with(s, s.playback(), store), args));
        return app[0];
    }

    private Path wav(String name, double seconds) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, Wavs.tone(seconds, 300 + Math.abs(name.hashCode() % 300)));
        return p;
    }

    private static TableRow<?> rowOf(TableView<?> table, Object item) {
        return table.lookupAll(".table-row-cell").stream().filter(n -> n instanceof TableRow<?> r && !r.isEmpty()
                && r.getItem() == item).map(n -> (TableRow<?>) n).findFirst().orElse(null);
    }

    @Test
    void anUnreachableServerAtRestartLeavesItsEntriesInPlaceMarkedSavedAsTheyWereAndRetryLoadsThem(FxRobot robot) throws Exception {
        SessionStore store = new SessionStore(dir.resolve("config"));
        Path local = wav("local.wav", 1);
        LocalHttpServer server = new LocalHttpServer().serve("/a.wav", Wavs.tone(1, 440)).serve("/b.wav", Wavs.tone(1, 550));
        int port = server.port();
        List<String> saved = List.of(server.url("/a.wav"), local.toAbsolutePath().toString(), server.url("/b.wav"));
        AppFixture first = open(robot, store, saved);
        waitUntil(() -> first.controller.playlist().entries().size() == 3, 20);
        first.close();
        assertEquals(saved, store.load().session().playlistOrigins());
        server.close();

        AppFixture second = open(robot, store, List.of());
        var entries = second.controller.playlist().entries();
        waitUntil(() -> entries.size() == 3, 30);
        // their turn comes: the unreachable entries are marked and kept, and playback goes on to the file
        robot.interact(() -> second.controller.player().play(entries.get(0)));
        waitUntil(() -> entries.get(0).isUnavailable() && entries.get(1).isLoaded(), 30);
        assertTrue(second.controller.notifier().notices().stream().anyMatch(n -> n.text().startsWith("Skipped a.wav: ")),
                second.controller.notifier().notices().toString());
        assertEquals("a.wav", entries.get(0).title(), "named by its URL while it cannot be loaded");

        robot.interact(() -> second.controller.playlistWindow().show());
        TableView<PlaylistRow> table = second.controller.playlistWindow().table();
        waitUntil(() -> rowOf(table, entries.get(0)) != null, 10);
        TableRow<?> unavailable = rowOf(table, entries.get(0));
        assertTrue(unavailable.getPseudoClassStates().contains(PlaylistWindow.UNPLAYABLE));
        MenuItem retry = unavailable.getContextMenu().getItems().stream()
                .filter(i -> "Retry loading".equals(i.getText())).findFirst().orElseThrow();
        assertFalse(retry.isDisable());

        robot.interact(second.controller::shutdown);
        assertEquals(saved, store.load().session().playlistOrigins(), "the next save writes the entries as they were");

        try (LocalHttpServer back = new LocalHttpServer(port).serve("/a.wav", Wavs.tone(1, 440))) {
            AppFixture third = open(robot, store, List.of());
            var again = third.controller.playlist().entries();
            waitUntil(() -> again.size() == 3, 30);
            robot.interact(() -> third.controller.player().play(again.get(0)));
            waitUntil(() -> again.get(0).isLoaded() && !again.get(0).isUnavailable(), 30);
            back.serve("/b.wav", Wavs.tone(1, 550));
            robot.interact(() -> {
                if (again.get(2).isUnavailable()) third.controller.sources().retry(again.get(2)); // asked for before b.wav was served
                else third.controller.player().play(again.get(2));
            });
            waitUntil(() -> again.get(2).isLoaded() && !again.get(2).isUnavailable(), 20);
            assertEquals(3, again.size(), "the retried entry kept its place");
            assertEquals(back.url("/b.wav"), again.get(2).location());
            third.close();
        }
    }

    @Test
    void theCurrentEntryAndPositionComeBackPausedAndSpaceResumesThere(FxRobot robot) throws Exception {
        Path a = wav("a.wav", 10), b = wav("b.wav", 10);
        SessionStore store = TestSessions.holding(new Session(List.of(a.toString(), b.toString()), 1, 0.5, false, Repeat.OFF,
                true, null, null, false, 4_000, false, null));
        AppFixture app = open(robot, store, List.of());
        var entries = app.controller.playlist().entries();
        waitUntil(() -> entries.size() == 2 && entries.get(1).isLoaded()
                && app.controller.player().nowPlayingProperty().get() == entries.get(1).row()
                && app.controller.player().durationProperty().get() == 10_000, 20);
        assertSame(entries.get(1), app.controller.playlist().current());
        assertEquals(PlayerState.IDLE, app.controller.player().state(), "restored paused, not playing");
        assertEquals(4_000, app.controller.player().positionMillis());
        waitUntil(() -> Math.abs(app.window.transport().seekSlider().getValue() - 4_000) < 1, 5);

        robot.clickOn("#now-title").type(KeyCode.SPACE);
        waitUntil(() -> app.controller.player().state() == PlayerState.PLAYING, 15);
        assertSame(entries.get(1), app.controller.playlist().current(), "Space resumes the restored entry, not a shuffled one");
        long at = app.controller.player().positionMillis();
        assertTrue(at >= 4_000 && at < 9_000, "resumed at the saved position: " + at);
        robot.interact(app.controller::shutdown);
        Session after = TestSessions.saved(store);
        assertEquals(1, after.currentIndex());
        assertTrue(after.positionMillis() >= 4_000, "the position saved is where playback is: " + after.positionMillis());
        app.close();
    }

    @Test
    void everyChangeIsSavedShortlyAfterItWithoutWaitingForExit(FxRobot robot) throws Exception {
        SessionStore store = TestSessions.fresh();
        Path a = wav("a.wav", 1);
        AppFixture app = open(robot, store, List.of(a.toString()));
        waitUntil(() -> TestSessions.saved(store) != null && TestSessions.saved(store).playlistOrigins().equals(List.of(a.toAbsolutePath().toString())), 15);
        robot.interact(() -> app.controller.player().volumeProperty().set(0.33));
        waitUntil(() -> Math.abs(TestSessions.saved(store).volume() - 0.33) < 1e-9, 5);
        app.close();
    }

    @Test
    void aMaximisedWindowComesBackMaximisedAndKeepsTheSizeItReturnsTo(FxRobot robot) {
        SessionStore store = TestSessions.holding(new Session(List.of(), -1, 0.8, false, Repeat.OFF, false,
                new WindowBounds(40, 30, 900, 640), null, false, 0, true, null));
        AppFixture app = open(robot, store, List.of());
        waitUntil(stage::isMaximized, 10);
        robot.interact(app.controller::shutdown);
        Session saved = TestSessions.saved(store);
        assertTrue(saved.mainMaximized());
        assertEquals(900, saved.mainWindow().width(), 1, "the size before maximising, not the screen's");
        assertEquals(640, saved.mainWindow().height(), 1);
        robot.interact(() -> stage.setMaximized(false));
        app.close();
    }

    @Test
    void aPlaceOnAMonitorThatIsGoneIsIgnoredButTheSizeIsKept(FxRobot robot) {
        SessionStore store = TestSessions.holding(new Session(List.of(), -1, 0.8, false, Repeat.OFF, false,
                new WindowBounds(5000, 4000, 800, 600), null, false, 0, false, null));
        AppFixture app = open(robot, store, List.of());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertEquals(Math.min(800, screen.getWidth()), stage.getWidth(), 1);
        assertTrue(screen.contains(stage.getX() + 10, stage.getY() + 10), "on the screen there is: " + stage.getX() + "," + stage.getY());
        app.close();
    }

    @Test
    void thePlaylistWindowOpensBesideTheMainWindowAndIsNotOwnedByIt(FxRobot robot) {
        AppFixture app = open(robot, TestSessions.fresh(), List.of());
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(560);
            stage.setHeight(480);
            app.controller.playlistWindow().show();
        });
        Stage playlist = app.controller.playlistWindow().stage();
        assertNull(playlist.getOwner(), "an owned window would stay above the main window");
        assertTrue(playlist.getX() >= stage.getX() + stage.getWidth() - 1,
                "beside, not over: main ends at " + (stage.getX() + stage.getWidth()) + ", playlist starts at " + playlist.getX());
        robot.interact(() -> playlist.setX(playlist.getX() + 20));
        double placed = playlist.getX();
        assertNotNull(app.controller.session().current().playlistWindow());
        assertEquals(placed, app.controller.session().current().playlistWindow().x(), 1, "its place is remembered");
        app.close();
    }
}
