package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.regions.Playhead;
import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.hex.HexPane;
import dev.bufferdeck.ui.hex.HexView;
import dev.bufferdeck.ui.playback.PlaybackClock;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class HexInspectorTest {
    private static final int FRAMES = 3_000;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final FakeTransport transport = new FakeTransport();
    private final MediaBuffer buffer = Mp3Bytes.buffer(Mp3Bytes.frames(FRAMES), "frames.mp3");
    private HexPane hexPane;
    private HexInspector inspector;

    static final class FakeTransport implements HexInspector.Transport {
        volatile MediaBuffer current;
        volatile boolean playing;
        volatile long position;
        final PlaybackClock clock = new PlaybackClock(() -> position);
        final List<Long> seeks = new CopyOnWriteArrayList<>();

        @Override public MediaBuffer current() { return current; }
        @Override public boolean isPlaying() { return playing; }
        @Override public PlaybackClock clock() { return clock; }
        @Override public void seek(long millis) { seeks.add(millis); }
    }

    @Start
    void start(Stage stage) {
        hexPane = new HexPane();
        inspector = new HexInspector(hexPane, pool, transport);
        stage.setScene(new Scene(inspector, 1100, 600));
        stage.sizeToScene();
        stage.show();
    }

    private void showBufferAndWait(FxRobot robot) throws Exception {
        robot.interact(() -> hexPane.bufferProperty().set(buffer));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> inspector.analysis() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Region frame(int n) {
        return inspector.analysis().tree().roots().get(0).children().get(n);
    }

    @Test
    void regionsColourTheHexViewAndTheTooltipNamesTheOneUnderTheMouse(FxRobot robot) throws Exception {
        showBufferAndWait(robot);
        HexView hex = hexPane.hexView();
        assertNotNull(hex.shadingProperty().get(), "the hex view is shaded by region");
        Region f2 = frame(2);
        robot.interact(() -> hex.goTo(f2.offset()));
        Point2D at = hex.localToScreen(pointOf(hex, f2.offset() + 1));
        robot.moveTo(at);
        String text = inspector.regionTooltip().getText();
        assertTrue(text.startsWith(String.format("0x%X · MPEG audio › frame 2 › frame header · ", f2.offset() + 1)), text);
    }

    @Test
    void choosingARegionInTheTreeSelectsItsBytes(FxRobot robot) throws Exception {
        showBufferAndWait(robot);
        RegionTreeView tree = inspector.regionsPane().treeView();
        robot.interact(() -> tree.getRoot().getChildren().get(0).setExpanded(true));
        robot.interact(() -> tree.getRoot().getChildren().get(0).getChildren().get(1).setExpanded(true));
        javafx.scene.control.Label label = robot.lookup(".region-name").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(l -> l.getText().equals("frame 1001")).findFirst().orElseThrow();
        robot.clickOn(label);
        Region f = frame(1001);
        assertEquals(f.offset(), hexPane.hexView().selectionStart());
        assertEquals(f.end() - 1, hexPane.hexView().selectionEnd());
    }

    @Test
    void followPlaybackMarksTheFrameBeingHeardAndScrollsToIt(FxRobot robot) throws Exception {
        showBufferAndWait(robot);
        Playhead playhead = inspector.analysis().playhead().orElseThrow();
        Region expected = playhead.regionAtMillis(50_000).orElseThrow();
        transport.current = buffer;
        transport.playing = true;
        transport.position = 50_000;
        robot.interact(() -> transport.clock.hold(transport)); // as the player does while it plays
        HexView hex = hexPane.hexView();
        long row = expected.offset() / 16;
        // The mark is set a moment before the scroll, on the FX thread: wait for both.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> hex.markStart() == expected.offset()
                && row >= hex.topRowProperty().get() && row < hex.topRowProperty().get() + hex.visibleRows());
        assertEquals(expected.end(), hex.markEnd());

        robot.interact(() -> inspector.followToggle().setSelected(false));
        assertEquals(-1, hex.markStart(), "no mark without following");
        robot.interact(() -> transport.clock.release(transport));
    }

    @Test
    void aHiddenInspectorMarksNothingUntilItShowsAgain(FxRobot robot) throws Exception {
        showBufferAndWait(robot);
        Region expected = inspector.analysis().playhead().orElseThrow().regionAtMillis(20_000).orElseThrow();
        robot.interact(() -> inspector.setVisible(false)); // as in a tab not selected: still in the scene
        transport.current = buffer;
        transport.playing = true;
        transport.position = 20_000;
        robot.interact(() -> transport.clock.hold(transport));
        HexView hex = hexPane.hexView();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, hex.markStart(), "hidden: the hex view is not redrawn to follow playback");

        robot.interact(() -> inspector.setVisible(true));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> hex.markStart() == expected.offset());
        robot.interact(() -> transport.clock.release(transport));
    }

    @Test
    void clickingAByteInsideAnAudioFrameSeeksToThatFrame(FxRobot robot) throws Exception {
        showBufferAndWait(robot);
        transport.current = buffer;
        Playhead playhead = inspector.analysis().playhead().orElseThrow();
        Region f = frame(700);
        HexView hex = hexPane.hexView();
        robot.interact(() -> hex.goTo(f.offset() + 40));
        robot.clickOn(hex.localToScreen(pointOf(hex, f.offset() + 40)));
        assertEquals(List.of(playhead.millisAtOffset(f.offset()).getAsLong()), transport.seeks);
        assertTrue(transport.seeks.get(0) > 0);
    }

    @Test
    void theRegionTreeCollapsesAwayAndComesBack(FxRobot robot) {
        assertTrue(inspector.regionsPane().getScene() != null, "shown beside the hex view at first");
        robot.clickOn(inspector.treeToggle());
        assertEquals(null, inspector.regionsPane().getScene(), "collapsed");
        robot.interact(() -> inspector.layout());
        WaitForAsyncUtils.waitForFxEvents();
        double room = inspector.getWidth();
        assertTrue(hexPane.getWidth() > 0.9 * room, "the hex view takes the room: " + hexPane.getWidth() + " of " + room);
        robot.clickOn(inspector.treeToggle());
        assertTrue(inspector.regionsPane().getScene() != null);
    }

    /** The centre of a byte's hex cell, in the view's coordinates (the view's own helper is package-private). */
    private static Point2D pointOf(HexView hex, long offset) {
        for (double y = 4; y < hex.getHeight(); y += 2) {
            for (double x = 0; x < hex.getWidth() - 20; x += 3) {
                if (hex.offsetAt(x, y) == offset) return new Point2D(x + 4, y + 3);
            }
        }
        throw new AssertionError("byte " + offset + " is not on screen");
    }
}
