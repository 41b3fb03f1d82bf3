package dev.bufferdeck.ui.main;

import dev.bufferdeck.ui.playlist.EntryLocation;
import static org.junit.jupiter.api.Assertions.assertNull;
import dev.bufferdeck.session.WindowBounds;
import dev.bufferdeck.session.SessionStore;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.playlist.Repeat;
import dev.bufferdeck.ui.notify.Notice;
import dev.bufferdeck.source.DemoClip;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.TestSessions;
import dev.bufferdeck.ui.testing.Testing;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session: what is saved on exit, and what a start restores from it. */
@ExtendWith(ApplicationExtension.class)
class SessionTest {
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

    private Path wav(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, Wavs.tone(0.5, 300 + name.hashCode() % 200));
        return p;
    }

    @Test
    void exitSavesThePlaylistAsOriginsWithVolumeRepeatShuffleAndWindows(FxRobot robot) throws Exception {
        SessionStore store = TestSessions.fresh();
        Path a = wav("a.wav"), b = wav("b.wav");
        AppFixture app = open(robot, store, List.of(a.toString(), b.toString()));
        waitUntil(() -> app.controller.playlist().entries().size() == 2, 20);
        robot.interact(() -> {
            app.controller.player().volumeProperty().set(0.35);
            app.controller.playlist().repeatProperty().set(Repeat.ALL);
            app.controller.playlist().shuffleProperty().set(true);
            app.controller.playlistWindow().show();
        });
        app.close();
        Session saved = TestSessions.saved(store);
        assertNotNull(saved);
        assertEquals(List.of(a.toAbsolutePath().toString(), b.toAbsolutePath().toString()), saved.playlistOrigins(),
                "the arguments are queued; the demo clip of a first start goes to the library only");
        assertEquals(3, app.repository.count());
        assertEquals(0.35, saved.volume(), 1e-9);
        assertEquals(Repeat.ALL, saved.repeat());
        assertTrue(saved.shuffle());
        assertNotNull(saved.mainWindow());
        assertNotNull(saved.playlistWindow());
    }

    @Test
    void aStartRestoresTheSessionAndReportsMissingEntriesOnce(FxRobot robot) throws Exception {
        Path a = wav("a.wav"), b = wav("b.wav");
        SessionStore store = TestSessions.holding(new Session(List.of(b.toString(), dir.resolve("gone.wav").toString(),
                EntryLocation.DEMO, a.toString(), dir.resolve("also gone.mp3").toString()), 0, 0.25, true, Repeat.ONE,
                false, new WindowBounds(10, 20, 900, 640), null, false));
        AppFixture app = open(robot, store, List.of());
        waitUntil(() -> app.controller.notifier().notices().stream().anyMatch(Notice::error)
                && app.controller.playlist().entries().get(0).isLoaded(), 20);
        // a reference's title is read from its file in the background (the file name until then)
        waitUntil(() -> app.controller.playlist().entries().get(3).title().equals("a"), 20);
        List<String> names = new ArrayList<>();
        app.controller.playlist().entries().forEach(e -> names.add(e.isLoaded() ? e.row().buffer().name()
                : (e.isUnavailable() ? "unavailable " : "reference ") + e.title()));
        assertEquals(List.of("b.wav", "unavailable gone.wav", "reference bufferdeck:demo-clip", "reference a",
                "unavailable also gone.mp3"), names,
                "the current entry is loaded, the others stay references; the files that are gone keep their place, marked");
        assertEquals(0.25, app.controller.player().volumeProperty().get(), 1e-9);
        assertTrue(app.controller.player().mutedProperty().get());
        assertEquals(Repeat.ONE, app.controller.playlist().repeatProperty().get());
        assertEquals(900, stage.getWidth(), 1);
        List<Notice> errors = app.controller.notifier().notices().stream().filter(Notice::error).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).text().startsWith("Last session: 2 entries could not be loaded"), errors.get(0).text());
        assertEquals(1, app.repository.count(), "only the current entry is loaded; no demo clip on a restored start");
        app.close();
    }

    @Test
    void theSessionFileRoundTripsThroughTheSessionPackage() throws Exception {
        SessionStore store = new SessionStore(dir.resolve("config"));
        List<String> warnings = new ArrayList<>();
        assertNull(SessionKeeper.readSession(store, warnings), "a first start has no session");
        Session state = new Session(List.of("/music/a.mp3", "https://example.org/b.ogg", EntryLocation.DEMO),
                1, 0.5, false, Repeat.ALL, true, new WindowBounds(1, 2, 800, 600),
                new WindowBounds(30, 40, 500, 400), true);
        store.save(state);
        assertEquals(state, SessionKeeper.readSession(store, warnings));
        assertEquals(List.of(), warnings);
    }

}
