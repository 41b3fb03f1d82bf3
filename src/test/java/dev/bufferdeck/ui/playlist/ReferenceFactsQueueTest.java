package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.playlist.PlaylistEntry;
import dev.bufferdeck.ui.library.ReferenceFactsReader;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A playlist of 2,000 references to generated files gets every length and title read in the
 * background, the rows the view shows first, and again first after a scroll; at most
 * {@link ReferenceFactsQueue#ASKED} rows are asked for at a time.
 */
@ExtendWith(ApplicationExtension.class)
class ReferenceFactsQueueTest {
    private static final int COUNT = 2_000;
    @TempDir
    static Path dir;
    private static List<String> locations;
    private final List<String> read = new CopyOnWriteArrayList<>();
    private ReferenceFactsQueue queue;

    @Start
    void start(Stage stage) {}

    @BeforeEach
    void files() throws Exception {
        if (locations != null) return;
        locations = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Path p = dir.resolve(String.format("track %04d.wav", i));
            Files.write(p, Wavs.tone(0.01 * (1 + i % 7), 440)); // 10–70 ms: each row's length says which file it is
            locations.add(p.toString());
        }
    }

    @AfterEach
    void stop() {
        if (queue != null) queue.close();
    }

    private ReferenceFactsQueue.Reader recording(long pauseMillis) {
        ReferenceFactsReader reader = new ReferenceFactsReader();
        return location -> {
            read.add(location);
            if (pauseMillis > 0) Thread.sleep(pauseMillis);
            return reader.read(location);
        };
    }

    @Test
    void everyReferenceGetsItsLengthAndTitleTheShownRowsFirst(FxRobot robot) {
        PlaylistModel playlist = new PlaylistModel();
        robot.interact(() -> {
            playlist.insertReferences(0, locations);
            playlist.showing(1500, 1519);
            queue = new ReferenceFactsQueue(playlist, recording(0));
        });
        waitUntil(() -> playlist.entries().stream().allMatch(r -> r.durationMillis() >= 0), 60);
        for (int i = 0; i < COUNT; i++) {
            PlaylistRow row = playlist.entries().get(i);
            assertEquals(10L * (1 + i % 7), row.durationMillis(), "row " + i);
            assertEquals(String.format("track %04d", i), row.title());
        }
        assertEquals(COUNT, read.size(), "each file is read once");
        assertEquals(Set.copyOf(locations.subList(1500, 1520)), new HashSet<>(read.subList(0, 20)), "the rows shown are read first");
        assertEquals(locations.subList(1520, COUNT), read.subList(20, COUNT - 1500), "then the rows after them, in order");
        assertEquals(locations.subList(0, 1500), read.subList(COUNT - 1500, COUNT), "then those before");
    }

    @Test
    void aScrollPutsTheRowsNowShownFirst(FxRobot robot) {
        PlaylistModel playlist = new PlaylistModel();
        robot.interact(() -> {
            playlist.insertReferences(0, locations);
            queue = new ReferenceFactsQueue(playlist, recording(3));
        });
        waitUntil(() -> read.size() >= 40, 30);
        int[] at = new int[1];
        robot.interact(() -> {
            at[0] = read.size();
            playlist.showing(800, 819);
        });
        int before = at[0];
        waitUntil(() -> read.size() >= before + 22, 30);
        // at most one started before the scroll was seen, then the rows now shown
        Set<String> next = new HashSet<>(read.subList(before, before + 22));
        assertTrue(next.containsAll(locations.subList(800, 820)), "read after the scroll: " + next);
        waitUntil(() -> IntStream.range(800, 820).allMatch(i -> playlist.entries().get(i).durationMillis() == 10L * (1 + i % 7)), 30);
    }

    @Test
    void rowsAddedThatWantNothingCostNoLookAtTheOthers(FxRobot robot) {
        PlaylistModel playlist = new PlaylistModel();
        long[] looked = new long[2];
        robot.interact(() -> {
            // 20,000 rows whose title and length the list gave: none wants its file read
            playlist.insertListed(0, IntStream.range(0, 20_000)
                    .mapToObj(i -> PlaylistEntry.unloaded("/nowhere/" + i + ".wav", "t" + i, 1000)).toList());
            queue = new ReferenceFactsQueue(playlist, recording(0));
            looked[0] = queue.rowsLookedAt();
            for (int i = 0; i < 200; i++) {
                playlist.insertListed(playlist.entries().size(), List.of(PlaylistEntry.unloaded("/nowhere/more" + i + ".wav", "m" + i, 1000)));
            }
            looked[1] = queue.rowsLookedAt();
        });
        assertEquals(20_000, looked[0], "the first look goes through every row once");
        assertTrue(looked[1] - looked[0] <= 200, "200 appends looked at " + (looked[1] - looked[0]) + " rows");
        robot.interact(() -> playlist.insertReferences(5, List.of(locations.get(3))));
        waitUntil(() -> read.contains(locations.get(3)), 30);
        waitUntil(() -> playlist.entries().get(5).durationMillis() == 10L * (1 + 3 % 7), 30);
    }
}
