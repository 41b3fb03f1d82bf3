package dev.bufferdeck.ui.hex;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class HexPaneTest {
    private static final int SIZE = 256 << 20;
    private static MediaBuffer big;
    private HexPane pane;

    @BeforeAll
    static void makeBuffer() throws Exception {
        byte[] bytes = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) bytes[i] = pattern(i);
        big = new MediaRepository(FormatDetector.NONE).add(bytes, "big.bin", new Origin.BuiltIn("test"), "").buffer();
    }

    static byte pattern(long i) {
        return (byte) (i * 31 + (i >>> 12));
    }

    @Start
    void start(Stage stage) {
        pane = new HexPane();
        pane.bufferProperty().set(big);
        stage.setScene(new Scene(pane, 820, 480));
        stage.show();
    }

    @Test
    void goToOffsetTypedAsHexShowsAndSelectsThatByte(FxRobot robot) {
        long target = 0xFFFFFF0L + 5;
        robot.clickOn(pane.hexView());
        robot.press(KeyCode.CONTROL).press(KeyCode.G).release(KeyCode.G).release(KeyCode.CONTROL);
        assertTrue(pane.goToField().isFocused(), "Ctrl+G focuses the go-to field");
        robot.write("0xFFFFFF5").type(KeyCode.ENTER);
        HexView view = pane.hexView();
        long row = target / 16;
        assertTrue(row >= view.topRowProperty().get() && row < view.topRowProperty().get() + view.visibleRows(),
                "row " + row + " on screen, top is " + view.topRowProperty().get());
        assertEquals(target, view.caretProperty().get());
        assertEquals(1, view.selectionLength());
        assertTrue(view.isFocused(), "focus returns to the hex view after a jump");
    }

    @Test
    void goToDecimalOffsetNearTheEndAndEndKeyReachesTheLastRow(FxRobot robot) {
        HexView view = pane.hexView();
        robot.interact(() -> {
            pane.goToField().setText(Long.toString(SIZE - 1));
            assertTrue(pane.goToTyped());
        });
        assertEquals(SIZE - 1, view.caretProperty().get());
        robot.interact(() -> view.scrollToRow(0));
        robot.clickOn(view).type(KeyCode.END);
        assertEquals(SIZE / 16 - view.visibleRows(), view.topRowProperty().get());
        String lastLine = HexText.line(big, SIZE / 16 - 1);
        assertTrue(lastLine.startsWith("0FFFFFF0  "), lastLine);
    }

    @Test
    void anOffsetPastTheEndIsRefusedAndMarked(FxRobot robot) {
        robot.interact(() -> {
            pane.goToField().setText("0x10000000");
            assertTrue(!pane.goToTyped());
        });
        assertTrue(pane.goToField().getStyleClass().contains("invalid"));
        robot.interact(() -> pane.goToField().setText("banana"));
        robot.interact(() -> assertTrue(!pane.goToTyped()));
    }

    @Test
    void shiftClickSelectsARangeAndShowsItsLength(FxRobot robot) {
        HexView view = pane.hexView();
        robot.interact(() -> view.goTo(0x8000000L));
        long from = 0x8000000L + 3, to = 0x8000000L + 16 * 4 + 9;
        robot.clickOn(screen(view, from));
        robot.press(KeyCode.SHIFT).clickOn(screen(view, to)).release(KeyCode.SHIFT);
        assertEquals(from, view.selectionStart());
        assertEquals(to, view.selectionEnd());
        assertEquals(to - from + 1, view.selectionLength());
        assertTrue(pane.describeSelection().contains(String.format("%,d bytes", to - from + 1)), pane.describeSelection());
    }

    @Test
    void dragSelectsAndCopyPutsTheBytesAsHexOnTheClipboard(FxRobot robot) {
        HexView view = pane.hexView();
        robot.interact(() -> view.goTo(4096));
        robot.drag(screen(view, 4096 + 16)).dropTo(screen(view, 4096 + 16 + 3));
        assertEquals(4, view.selectionLength());
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        StringBuilder expected = new StringBuilder();
        for (long i = 4112; i < 4116; i++) {
            if (expected.length() > 0) expected.append(' ');
            expected.append(HexText.pair(pattern(i)));
        }
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(expected.toString(), clip[0]);
    }

    private static Point2D screen(HexView view, long offset) {
        Point2D local = view.pointOf(offset);
        return view.localToScreen(local);
    }
}
