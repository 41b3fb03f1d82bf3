package dev.bufferdeck.ui.spectrum;

import dev.bufferdeck.audio.PcmTap;
import dev.bufferdeck.ui.playback.PlaybackClock;
import dev.bufferdeck.audio.TapFeeder;
import dev.bufferdeck.audio.TestAudio;
import dev.bufferdeck.audio.spectrum.Spectrum;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
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

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class SpectrumViewTest {
    private static final double HZ = 1_000;
    private final AtomicReference<PcmTap> current = new AtomicReference<>();
    private SpectrumView view;
    private final PlaybackClock clock = new PlaybackClock(() -> 0);

    @Start
    void start(Stage stage) {
        view = new SpectrumView(current::get, clock);
        view.setMinSize(480, 120);
        view.setMaxSize(480, 120);
        stage.setScene(new Scene(new StackPane(view), 520, 160));
        stage.show();
    }

    /** Height in pixels of the bar of {@code band}, measured in the middle of its column. */
    private static int barHeight(SpectrumView view, WritableImage shot, int band) {
        double[] span = view.barSpan(band);
        int x = (int) Math.round(view.snappedLeftInset() + (span[0] + span[1]) / 2);
        PixelReader px = shot.getPixelReader();
        int height = 0;
        for (int y = 0; y < (int) shot.getHeight(); y++) {
            Color c = px.getColor(x, y);
            if (c.equals(SpectrumView.BAR) || c.equals(SpectrumView.BAR_TOP)) height++;
        }
        return height;
    }

    @Test
    void aSineThroughTheTapDrawsItsPeakInTheRightBand(FxRobot robot) {
        PcmTap tap = new PcmTap(TestAudio.CD, 8192);
        TapFeeder.offer(tap, TestAudio.sine(TestAudio.CD, HZ, 0.5, 8192));
        current.set(tap);
        robot.interact(() -> view.setActive(true));
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.framesDrawn() > 0);
        } catch (Exception e) {
            throw new AssertionError("no analysis was drawn within 5 s", e);
        }
        Spectrum analysed = view.feed().latest();
        int band = analysed.bandOf(HZ);
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.snapshot(null, null));

        int peak = barHeight(view, shot[0], band);
        assertTrue(peak > 60, "the 1 kHz band stands high: " + peak + " px of 114");
        for (int other : new int[] {analysed.bandOf(100), analysed.bandOf(300), analysed.bandOf(4_000), analysed.bandOf(15_000)}) {
            int h = barHeight(view, shot[0], other);
            assertTrue(h < peak / 3, "band " + other + " is low (" + h + " px) next to the peak (" + peak + " px)");
        }
    }

    @Test
    void theFeedRunsOnlyWhilePlayingAndShowing(FxRobot robot) {
        PcmTap tap = new PcmTap(TestAudio.CD, 4096);
        TapFeeder.offer(tap, TestAudio.sine(TestAudio.CD, 440, 0.5, 4096));
        current.set(tap);
        assertFalse(view.feed().isRunning(), "not playing yet");
        robot.interact(() -> view.setActive(true));
        assertTrue(view.feed().isRunning());
        robot.interact(() -> view.setVisible(false));
        assertFalse(view.feed().isRunning(), "hidden views do not analyse");
        robot.interact(() -> view.setVisible(true));
        assertTrue(view.feed().isRunning());
        robot.interact(() -> view.setActive(false));
        assertFalse(view.feed().isRunning(), "stopped playback stops the analysis");
        assertNull(view.feed().latest(), "a stopped feed offers no stale analysis");
    }

    /** The same sound again analyses the same: nothing is handed over, no frame asked for or drawn. */
    @Test
    void aSteadyPictureAsksForNoFrames(FxRobot robot) throws Exception {
        PcmTap tap = new PcmTap(TestAudio.CD, 8192);
        byte[] tone = TestAudio.sine(TestAudio.CD, HZ, 0.5, 4096);
        TapFeeder.offer(tap, tone);
        current.set(tap);
        robot.interact(() -> view.setActive(true));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.framesDrawn() > 0);
        Thread.sleep(300);   // the first frames settle
        long drawn = view.framesDrawn();
        long ticks = WaitForAsyncUtils.asyncFx(clock::ticks).get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 8; i++) {
            TapFeeder.offer(tap, tone);   // the tap moves on, with the same sound
            Thread.sleep(100);
        }
        assertTrue(view.feed().isRunning());
        assertEquals(drawn, view.framesDrawn(), "no new analysis drawn");
        assertEquals(ticks, (long) WaitForAsyncUtils.asyncFx(clock::ticks).get(5, TimeUnit.SECONDS), "no tick asked for");

        // the picture stands: the feed slows to an analysis every 200 ms (15 a second while it changes)
        long analyses = view.feed().analyses();
        for (int i = 0; i < 10; i++) {
            TapFeeder.offer(tap, tone);
            Thread.sleep(100);
        }
        long steady = view.feed().analyses() - analyses;
        assertTrue(steady <= 8, steady + " analyses in 1 s of a steady picture");
    }

    /** Paused, the bars fall to the floor a frame at a time; then the view asks the clock for nothing more. */
    @Test
    void stoppedBarsFallAndThenTheClockStands(FxRobot robot) throws Exception {
        PcmTap tap = new PcmTap(TestAudio.CD, 8192);
        TapFeeder.offer(tap, TestAudio.sine(TestAudio.CD, HZ, 0.5, 8192));
        current.set(tap);
        robot.interact(() -> view.setActive(true));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.framesDrawn() > 0);
        int band = view.feed().latest().bandOf(HZ);
        long before = WaitForAsyncUtils.asyncFx(clock::ticks).get(5, TimeUnit.SECONDS);
        robot.interact(() -> view.setActive(false));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !clock.isTicking());
        long fallTicks = WaitForAsyncUtils.asyncFx(clock::ticks).get(5, TimeUnit.SECONDS) - before;
        assertTrue(fallTicks >= 5, "the bars fell in frames: " + fallTicks + " ticks");
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.snapshot(null, null));
        assertEquals(0, barHeight(view, shot[0], band), "fallen to the floor");
        Thread.sleep(300);
        assertEquals(before + fallTicks, (long) WaitForAsyncUtils.asyncFx(clock::ticks).get(5, TimeUnit.SECONDS), "no tick after the fall");
    }
}
