package dev.bufferdeck.ui.waveform;

import dev.bufferdeck.ui.thread.AnalysisGate;
import dev.bufferdeck.audio.waveform.Waveform;
import dev.bufferdeck.audio.waveform.WaveformBuilder;
import dev.bufferdeck.audio.waveform.WaveformCache;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class WaveformViewTest {
    private static final int WIDTH = 600;
    private static final int RATE = 44_100;
    private WaveformView view;

    @Start
    void start(Stage stage) {
        view = new WaveformView();
        StackPane root = new StackPane(view);
        view.setMinSize(WIDTH, 60);
        view.setMaxSize(WIDTH, 60);
        stage.setScene(new Scene(root, WIDTH + 40, 100));
        stage.show();
    }

    /** A minute of full-scale audio. */
    private static Waveform minute() {
        float[] min = new float[2000], max = new float[2000];
        Arrays.fill(min, -0.8f);
        Arrays.fill(max, 0.8f);
        return new Waveform(2000, min, max, 60L * RATE, RATE);
    }

    private Point2D screen(double x) {
        return view.localToScreen(view.snappedLeftInset() + x, view.getHeight() / 2);
    }

    @Test
    void clickingMapsXToTheTimeThere(FxRobot robot) {
        List<Long> seeks = new ArrayList<>();
        robot.interact(() -> {
            view.setWaveform(minute());
            view.setOnSeek(seeks::add);
        });
        double width = view.getWidth() - view.snappedLeftInset() - view.snappedRightInset();
        robot.clickOn(screen(width / 4));
        assertEquals(1, seeks.size());
        long perPixel = 60_000 / Math.round(width);
        assertEquals(15_000, seeks.get(0), perPixel + 1, "a quarter of the way along a minute");
        robot.drag(screen(width / 4)).dropTo(screen(width * 3 / 4));
        assertEquals(45_000, seeks.get(seeks.size() - 1), perPixel + 1, "dragging seeks to where the mouse is let go");
        assertEquals(seeks.get(seeks.size() - 1), view.positionMillisProperty().get());
    }

    @Test
    void thePartHeardIsTintedAndResizingRedrawsFromTheSameColumns(FxRobot robot) {
        Waveform wave = minute();
        robot.interact(() -> {
            view.setWaveform(wave);
            view.positionMillisProperty().set(30_000);
        });
        WritableImage shot = snapshot(robot);
        assertNotNull(shot);
        int y = (int) (shot.getHeight() / 2) + 5;
        assertEquals(WaveformView.PLAYED, shot.getPixelReader().getColor((int) (shot.getWidth() * 0.2), y));
        assertEquals(WaveformView.UNPLAYED, shot.getPixelReader().getColor((int) (shot.getWidth() * 0.8), y));

        robot.interact(() -> {
            view.setMinSize(300, 60);
            view.setMaxSize(300, 60);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage narrow = snapshot(robot);
        assertTrue(narrow.getWidth() <= 301, "narrower: " + narrow.getWidth());
        assertSame(wave, view.getWaveform());
        assertEquals(WaveformView.PLAYED, narrow.getPixelReader().getColor((int) (narrow.getWidth() * 0.2), y));
    }

    @Test
    void theTintEndsAtThePlayheadWhileTheWholeStripsHeardStandStill(FxRobot robot) {
        robot.interact(() -> view.setWaveform(minute()));
        int y = (int) (view.getHeight() / 2) + 5;
        double left = view.snappedLeftInset();
        for (long millis = 7_000; millis <= 12_000; millis += 250) {
            long at = millis;
            robot.interact(() -> view.positionMillisProperty().set(at));
            long column = view.columnAt(at);
            WritableImage shot = snapshot(robot);
            assertEquals(WaveformView.PLAYED, shot.getPixelReader().getColor((int) (left + column - 3), y), "heard at " + at);
            assertEquals(WaveformView.UNPLAYED, shot.getPixelReader().getColor((int) (left + column + 2), y), "not heard at " + at);
            double settled = view.settledWidth();
            assertEquals(0, settled % WaveformView.STRIP, "whole strips: " + settled);
            assertTrue(settled <= column && column - settled < WaveformView.STRIP, settled + " of " + column);
        }
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = view.snapshot(null, null));
        return out[0];
    }

    @Test
    void theLoaderBuildsInTheBackgroundAndTheSecondTimeComesFromTheCache(FxRobot robot) throws Exception {
        byte[] mp3;
        try (InputStream in = getClass().getResourceAsStream("/dev/bufferdeck/audio/mp3-seek-16k-6s.mp3")) {
            mp3 = in.readAllBytes();
        }
        MediaBuffer buffer = new MediaRepository(FormatDetector.NONE).add(mp3, "seek.mp3", new Origin.BuiltIn("test"), "").buffer();
        WaveformCache cache = new WaveformCache(4);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            WaveformLoader loader = new WaveformLoader(view, new AnalysisGate(), cache, pool, 2);
            List<Integer> shownColumns = new java.util.concurrent.CopyOnWriteArrayList<>();
            robot.interact(() -> {
                view.waveformProperty().addListener((o, was, w) -> {
                    if (w != null) shownColumns.add(w.columns());
                });
                loader.show(buffer);
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cache.size() == 1 && view.progressProperty().get() == -1
                    && view.getWaveform() != null);
            WaitForAsyncUtils.waitForFxEvents();
            Waveform built = view.getWaveform();
            assertEquals(WaveformBuilder.FIRST_PICTURE_COLUMNS, shownColumns.get(0), "the coarse picture is shown first");
            assertEquals(WaveformLoader.COLUMNS, built.columns());
            assertEquals(6_000, view.durationMillis(), 100);
            assertEquals(-1, view.progressProperty().get());
            assertEquals(1, cache.size());

            robot.interact(() -> {
                loader.show(null);
                loader.show(buffer);
                assertSame(built, view.getWaveform(), "shown from the cache without building");
                assertEquals(null, loader.running());
            });
        } finally {
            pool.shutdownNow();
        }
    }
}
