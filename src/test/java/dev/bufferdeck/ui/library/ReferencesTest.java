package dev.bufferdeck.ui.library;

import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.playlist.Repeat;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MemoryFigures;
import dev.bufferdeck.repository.RepositoryListener;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.session.SessionStore;
import dev.bufferdeck.ui.main.AppServices;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.TestSessions;
import dev.bufferdeck.ui.testing.Testing;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A playlist of several times the memory budget in the window: restored as references (nothing
 * loaded before its turn), played through in order with the budget held at every change, and the
 * library shows what is in memory and what is a reference, with the totals, and pins a row.
 */
@ExtendWith(ApplicationExtension.class)
class ReferencesTest {
    private static final int TRACKS = 6;
    @TempDir Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aPlaylistOfTwiceTheBudgetPlaysThroughAndTheLibraryShowsWhatIsInMemory(FxRobot robot) throws Exception {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < TRACKS; i++) {
            Path p = dir.resolve("t" + i + ".wav");
            Files.write(p, Wavs.tone(0.3, 300 + 60 * i));
            files.add(p.toString());
        }
        long fileSize = Files.size(Path.of(files.get(0)));
        SessionStore store = TestSessions.holding(new Session(files, -1, 0.5, false, Repeat.OFF, false, null, null, false));
        AppServices s;
        System.setProperty(dev.bufferdeck.repository.MediaRepository.BUDGET_PROPERTY, Long.toString(2 * fileSize + fileSize / 2));
        try {
            s = Testing.standardServices();
        } finally {
            System.clearProperty(dev.bufferdeck.repository.MediaRepository.BUDGET_PROPERTY);
        }
        assertEquals(2 * fileSize + fileSize / 2, s.repository().budget());
        List<String> overruns = new CopyOnWriteArrayList<>();
        s.repository().addListener(new RepositoryListener() {
            @Override public void added(MediaBuffer b) { check(s.repository().figures()); }
            @Override public void memoryChanged(MemoryFigures f) { check(f); }
            private void check(MemoryFigures f) {
                if (f.held() + f.reserved() > f.budget()) overruns.add(f.toString());
            }
        });
        List<String> started = new CopyOnWriteArrayList<>();
        s.playback().addListener(new PlayerListener() {
            @Override public void trackStarted(MediaBuffer buffer) { started.add(buffer.name()); }
        });
        AppFixture[] app = new AppFixture[1];
        robot.interact(() -> app[0] = AppFixture.open(stage, true, AppFixture.with(s, s.playback(), store), List.of()));
        var entries = app[0].controller.playlist().entries();
        waitUntil(() -> entries.size() == TRACKS, 10);
        assertTrue(entries.stream().allMatch(PlaylistRow::isReference), "restored as references");
        assertEquals(0, s.repository().count(), "a restart loads nothing before its turn");

        robot.interact(() -> app[0].controller.player().play(entries.get(0)));
        try {
            waitUntil(() -> started.size() == TRACKS, 30);
        } catch (AssertionError e) {
 StringBuilder st = new StringBuilder();
            for (MediaBuffer b : s.repository().buffers()) st.append(b.name()).append(b.isResident() ? " res" : " ref").append(b.isInUse() ? " use; " : "; ");
            for (PlaylistRow r : entries) st.append(r.title()).append(r.isLoaded() ? " L" : "").append(r.isReference() ? " R" : "").append(r.isUnavailable() ? " U" : "").append(", ");
            fail(st + " state " + app[0].controller.player().state() + " current " + app[0].controller.playlist().current() + " started " + started + "; notices " + app[0].controller.notifier().notices() + "; " + s.repository().figures());
        }
        List<String> expected = files.stream().map(f -> Path.of(f).getFileName().toString()).toList();
        assertEquals(expected, started, "every track, in order");
        assertEquals(List.of(), overruns, "the budget was exceeded");

        LibraryView library = app[0].window.libraryView();
        waitUntil(() -> library.residenceTotals().getText().contains("references"), 10);
        MemoryFigures f = s.repository().figures();
        assertTrue(f.references() >= TRACKS - 3, f.toString());
        assertEquals(f.inMemory() + " in memory (" + dev.bufferdeck.repository.ByteSizes.human(f.held()) + ") · "
                + f.references() + " references (" + dev.bufferdeck.repository.ByteSizes.human(f.referenceBytes()) + ")",
                library.residenceTotals().getText());
        TableView<BufferRow> table = library.table();
        BufferRow first = app[0].controller.library().rows().stream()
                .filter(r -> r.buffer().name().equals("t0.wav")).findFirst().orElseThrow();
        assertEquals(Residence.REFERENCE, first.residence());
        robot.interact(() -> table.scrollTo(first));
        waitUntil(() -> rowOf(table, first) != null && rowOf(table, first).getPseudoClassStates().contains(LibraryView.REFERENCE), 10);

        // opening a reference in the library loads it again; the pin keeps it whatever loads next
        robot.interact(() -> table.getSelectionModel().select(first));
        waitUntil(() -> first.residence() == Residence.IN_MEMORY, 20);
        robot.clickOn("#library-pin");
        waitUntil(() -> first.residence() == Residence.PINNED, 10);
        assertTrue(first.buffer().isPinned());
        robot.interact(() -> table.getSelectionModel().clearSelection());
        robot.interact(() -> app[0].controller.player().play(entries.get(3)));
        waitUntil(() -> started.size() >= TRACKS + 2, 30);
        assertTrue(first.buffer().isResident(), "a pinned buffer stays in memory");
        assertEquals(List.of(), overruns);
        app[0].close();
    }

    private static TableRow<?> rowOf(TableView<?> table, Object item) {
        return table.lookupAll(".table-row-cell").stream().filter(n -> n instanceof TableRow<?> r && !r.isEmpty()
                && r.getItem() == item).map(n -> (TableRow<?>) n).findFirst().orElse(null);
    }
}
