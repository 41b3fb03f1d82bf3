package dev.bufferdeck.ui.main;

import dev.bufferdeck.source.LoadProgress;
import dev.bufferdeck.source.Cancellation;
import dev.bufferdeck.ui.notify.Notice;
import dev.bufferdeck.ui.playlist.PlaylistModel;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.Testing;
import dev.bufferdeck.ui.testing.Wavs;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 and 19 in the window: playlists on the command line, an over-limit or failing import as
 * one notice, the demo clip left out of exports with a notice, control characters in names shown
 * as symbols.
 */
@ExtendWith(ApplicationExtension.class)
class HostilePlaylistGuiTest {
    @TempDir Path dir;
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

    private void open(FxRobot robot, AppServices services, boolean start, List<String> sources) {
        robot.interact(() -> app = AppFixture.open(stage, start, services, sources));
    }

    private PlaylistModel playlist() { return app.controller.playlist(); }

    private List<String> titles() {
        return playlist().entries().stream().map(r -> r.row().title()).toList();
    }

    private String lastNotice(boolean error) {
        List<Notice> n = app.controller.notifier().notices().stream().filter(x -> x.error() == error).toList();
        return n.isEmpty() ? "" : n.get(n.size() - 1).text();
    }

    @Test
    void aPlaylistOnTheCommandLineQueuesItsEntries(FxRobot robot) throws Exception {
        Files.write(dir.resolve("a.wav"), Wavs.tone(1, 300));
        Files.write(dir.resolve("b.wav"), Wavs.tone(1, 400));
        Path list = Files.writeString(dir.resolve("list.m3u"), "#EXTM3U\na.wav\n\nb.wav\n");

        open(robot, Testing.standardServices(), true, List.of(list.toString()));

        waitUntil(() -> playlist().entries().size() == 2 && playlist().entries().stream().allMatch(PlaylistRow::isLoaded), 20);
        assertEquals(List.of("a", "b"), titles());
    }

    @Test
    void anImportOverTheEntryLimitIsOneNoticeAndChangesNothing(FxRobot robot) throws Exception {
        open(robot, Testing.standardServices(), false, List.of());
        Path list = dir.resolve("huge.m3u");
        Files.writeString(list, "a.mp3\n".repeat(100_001));

        robot.interact(() -> app.controller.playlistFiles().importPlaylist(list, false));

        waitUntil(() -> !lastNotice(true).isEmpty(), 20);
        assertEquals("huge.m3u: cannot read playlist (playlist " + list + ": more than 100,000 entries (the limit for a playlist))",
                lastNotice(true));
        assertTrue(playlist().entries().isEmpty());
    }

    @Test
    void anErrorWhileReadingAPlaylistIsANoticeNotACrash(FxRobot robot) {
        AppServices s = Testing.standardServices();
        AppServices.PlaylistReader failing = file -> { throw new OutOfMemoryError("Java heap space"); };
        open(robot, new AppServices(s.repository(), s.loader(), s.facts(), s.playback(), s.session(), failing), false, List.of());

        robot.interact(() -> app.controller.playlistFiles().importPlaylist(dir.resolve("list.xspf"), false));

        waitUntil(() -> !lastNotice(true).isEmpty(), 20);
        assertEquals("list.xspf: cannot read playlist (not enough memory)", lastNotice(true));
    }

    @Test
    void theDemoClipIsLeftOutOfAnExportWithANoticeAndTheRestReadsBack(FxRobot robot) throws Exception {
        open(robot, Testing.standardServices(), true, List.of());
        waitUntil(() -> playlist().entries().size() == 1 && playlist().entries().get(0).isLoaded(), 20);
        Path a = Files.write(dir.resolve("a.wav"), Wavs.tone(1, 300));
        var buffer = app.services.loader().load(a.toString(), LoadProgress.NONE, new Cancellation()).buffer();
        robot.interact(() -> playlist().append(app.controller.library().rowFor(buffer)));

        for (String ext : List.of("m3u", "m3u8", "pls", "xspf")) {
            Path file = dir.resolve("out." + ext);
            robot.interact(() -> app.controller.playlistFiles().exportPlaylist(file));
            waitUntil(() -> lastNotice(false).contains("out." + ext), 15);
            assertEquals("Exported 1 entries to out." + ext + " · 1 entry has no location outside BufferDeck and was left out",
                    lastNotice(false));
            assertFalse(Files.readString(file).contains("bufferdeck:"), ext);
            assertEquals(List.of(a.toString()), dev.bufferdeck.playlist.PlaylistFiles.read(file).stream()
                    .map(dev.bufferdeck.playlist.PlaylistEntry::origin).toList(), ext);
        }
    }

    @Test
    void controlCharactersInANameAreShownAsSymbols(FxRobot robot) throws Exception {
        open(robot, Testing.standardServices(), false, List.of());
        Path odd = Files.write(dir.resolve("x\u001b[31m\nq.wav"), Wavs.tone(1, 300));
        var buffer = app.services.loader().load(odd.toString(), LoadProgress.NONE, new Cancellation()).buffer();

        String[] title = new String[1];
        robot.interact(() -> title[0] = app.controller.library().rowFor(buffer).title());

        assertEquals("x\u241b[31m\u240aq", title[0]);
        app.controller.notifier().error("bad " + odd);
        waitUntil(() -> lastNotice(true).startsWith("bad "), 5);
        assertEquals("bad " + dir + "/x\u241b[31m\u240aq.wav", lastNotice(true));
    }
}
