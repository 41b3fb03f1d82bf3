package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.ui.downloads.Loads;
import dev.bufferdeck.ui.playback.PlaybackClock;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seek bar and the time shown ask the window's clock for a tick only when they change (the next
 * second shown, the playhead's next pixel column): a long track playing ticks the window a few times
 * a second, not at the frame rate, and the elapsed time still shows every second.
 */
@ExtendWith(ApplicationExtension.class)
class SeekBarTicksTest {
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
    void aLongTrackShowsEverySecondWithAFewTicksASecond(FxRobot robot) throws Exception {
        Path track = dir.resolve("long.wav");
        Files.write(track, Wavs.silence(600));
        PlayerController player = app.controller.player();
        robot.interact(() -> app.controller.sources().loadIntoPlaylist(Loads.sources(List.of(track.toString())),
                SourceOpener.APPEND, false));
        waitUntil(() -> app.controller.playlist().entries().size() == 1 && app.controller.playlist().entries().get(0).row() != null, 20);
        robot.interact(() -> player.play(app.controller.playlist().entries().get(0)));
        waitUntil(() -> player.state() == PlayerState.PLAYING && player.positionMillis() > 1_000, 15);   // past the ticks of the start

        TimeLabel elapsed = robot.lookup("#time-elapsed").queryAs(TimeLabel.class);
        List<String> shown = new CopyOnWriteArrayList<>();
        robot.interact(() -> elapsed.textProperty().addListener((o, was, text) -> shown.add(text)));
        PlaybackClock clock = player.clock();
        long ticksBefore = WaitForAsyncUtils.asyncFx(clock::ticks).get(5, TimeUnit.SECONDS);
        long from = player.positionMillis();
        waitUntil(() -> player.positionMillis() >= from + 4_000, 20);
        long ticks = WaitForAsyncUtils.asyncFx(clock::ticks).get(5, TimeUnit.SECONDS) - ticksBefore;
        double seconds = (player.positionMillis() - from) / 1000.0;

        int firstSecond = (int) (from / 1000) + 1;
        for (int s = firstSecond; s < firstSecond + 3; s++) {
            String text = "0:0" + s;
            assertTrue(shown.contains(text), "the elapsed time showed " + text + ": " + shown);
        }
        // 10 minutes over a window's width: a pixel column is about half a second; at the frame rate it was 15 a second
        assertTrue(ticks / seconds < 6, ticks + " ticks in " + seconds + " s of playing");
    }

    @Test
    void aSecondWhosePixelColumnFollowsCloselyWaitsForItAndNoLonger() {
        assertEquals(4_700, TransportBar.nextTick(5_000, 4_700), "a column before the second: the column");
        assertEquals(5_060, TransportBar.nextTick(5_000, 5_060), "a column just after the second: both in one repaint");
        assertEquals(5_000 + TransportBar.SECOND_LATE_MILLIS, TransportBar.nextTick(5_000, 5_000 + TransportBar.SECOND_LATE_MILLIS));
        assertEquals(5_000, TransportBar.nextTick(5_000, 5_400), "a column long after: the second on time");
        assertEquals(5_000, TransportBar.nextTick(5_000, Long.MAX_VALUE), "no next column (the end): the second");
    }
}
