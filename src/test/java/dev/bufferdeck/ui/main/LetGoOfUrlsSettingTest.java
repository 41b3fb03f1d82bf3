package dev.bufferdeck.ui.main;

import dev.bufferdeck.playlist.Repeat;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.session.SessionStore;
import dev.bufferdeck.session.SoundChoices;
import dev.bufferdeck.source.LoadException;
import dev.bufferdeck.source.SourceLoader;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.LocalHttpServer;
import dev.bufferdeck.ui.testing.TestSessions;
import dev.bufferdeck.ui.testing.Testing;
import javafx.scene.control.CheckMenuItem;
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
import java.util.Random;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * View ▸ "Let go of downloaded URLs when memory is needed": off by default, it keeps a downloaded
 * buffer when the budget is full; on, the repository lets the URL's buffer go to make room. The
 * session keeps the choice.
 */
@ExtendWith(ApplicationExtension.class)
class LetGoOfUrlsSettingTest {
    private static final int BODY = 6_000;
    private static final long BUDGET = 10_000;

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

    private void open(FxRobot robot, SessionStore store) {
        AppServices standard = Testing.standardServices();
        standard.loader().close();
        MediaRepository small = new MediaRepository(BUDGET, FormatDetector.NONE);
        AppServices services = new AppServices(small, new SourceLoader(small), standard.facts(), standard.playback(),
                store, standard.playlistReader());
        robot.interact(() -> app = AppFixture.open(stage, true, services, List.of()));
    }

    /** A last session (not a first start, so no demo clip takes the small budget) with the setting as given. */
    private static SessionStore savedWith(boolean letGoOfUrls) {
        return TestSessions.holding(new Session(List.of(), -1, 0.5, false, Repeat.OFF, false, null, null,
                false, 0, false, null, "", "", SoundChoices.DEFAULTS, letGoOfUrls));
    }

    private CheckMenuItem item() {
        return app.menuItem("View", "let-go-of-urls");
    }

    /** Opens View and clicks the item, as a user does. */
    private void toggle(FxRobot robot) {
        robot.clickOn("View");
        robot.clickOn(item().getText());
    }

    private Path file(String name, int seed) throws Exception {
        byte[] bytes = new byte[BODY];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private MediaBuffer download(LocalHttpServer server, String path, int seed) throws Exception {
        byte[] body = new byte[BODY];
        new Random(seed).nextBytes(body);
        server.serve(path, body);
        return app.services.loader().load(server.url(path)).buffer();
    }

    @Test
    void offByDefaultADownloadStaysAndTheBudgetSaysNo(FxRobot robot) throws Exception {
        open(robot, savedWith(false));
        assertFalse(item().isSelected());
        assertFalse(app.repository.letsGoOfUrls());
        try (LocalHttpServer server = new LocalHttpServer()) {
            MediaBuffer fromUrl = download(server, "/a.bin", 1);
            Path f = file("f.bin", 2);
            LoadException e = assertThrows(LoadException.class, () -> app.services.loader().load(f.toString()));
            assertEquals(LoadException.Kind.OVER_BUDGET, e.kind());
            assertTrue(fromUrl.isResident(), "a download is kept while the setting is off");
        }
    }

    @Test
    void turnedOnTheDownloadIsLetGoToMakeRoomAndTheSessionKeepsIt(FxRobot robot) throws Exception {
        SessionStore store = savedWith(false);
        open(robot, store);
        toggle(robot);
        assertTrue(item().isSelected());
        assertTrue(app.repository.letsGoOfUrls(), "the repository follows the menu");
        try (LocalHttpServer server = new LocalHttpServer()) {
            MediaBuffer fromUrl = download(server, "/a.bin", 1);
            MediaBuffer fromFile = app.services.loader().load(file("f.bin", 2).toString()).buffer();
            assertFalse(fromUrl.isResident(), "the download was let go to make room");
            assertTrue(fromFile.isResident());
            assertTrue(app.repository.bytesHeld() <= BUDGET);
        }
        robot.interact(app.controller::shutdown);
        assertTrue(TestSessions.saved(store).letGoOfUrls(), "the session file keeps the choice");
    }

    @Test
    void turnedOffAgainDownloadsStay(FxRobot robot) {
        open(robot, savedWith(false));
        toggle(robot);
        toggle(robot);
        assertFalse(item().isSelected());
        assertFalse(app.repository.letsGoOfUrls());
    }

    @Test
    void aSessionThatAllowsItTurnsTheItemAndTheRepositoryOnAtStart(FxRobot robot) {
        open(robot, savedWith(true));
        waitUntil(() -> item().isSelected(), 10);
        assertTrue(app.repository.letsGoOfUrls());
    }
}
