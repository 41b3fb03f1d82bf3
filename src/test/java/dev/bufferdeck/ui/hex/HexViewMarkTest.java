package dev.bufferdeck.ui.hex;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.theme.Theme;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mark (the frame being heard) underlines its bytes, and moving it draws no rows anew. */
@ExtendWith(ApplicationExtension.class)
class HexViewMarkTest {
    private static final Color MARK = Theme.LIGHT.color("-bd-hex-mark");
    private HexView hex;

    @Start
    void start(Stage stage) throws Exception {
        byte[] bytes = new byte[1 << 20];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) ('A' + i % 26);
        MediaBuffer b = new MediaRepository(FormatDetector.NONE).add(bytes, "letters.bin", new Origin.BuiltIn("test"), "").buffer();
        hex = new HexView();
        hex.setBuffer(b);
        Group sized = new Group(hex);
        sized.setAutoSizeChildren(false);
        stage.setScene(new Scene(sized, 900, 400));
        stage.show();
        hex.resize(hex.minWidth(-1), 300);
        hex.layout();
    }

    @Test
    void theMarkedBytesAreUnderlinedAndMovingTheMarkRedrawsNoRows(FxRobot robot) {
        robot.interact(() -> hex.setMark(2, 6));
        WritableImage first = snapshot(robot);
        assertTrue(underlined(first, 3), "byte 3 is marked");
        assertTrue(underlined(first, 5), "byte 5 is marked");
        assertFalse(underlined(first, 6), "byte 6 is not");
        assertFalse(underlined(first, 21), "byte 21 is not");

        long draws = hex.fullDraws();
        robot.interact(() -> {
            for (int i = 0; i < 50; i++) hex.setMark(16 + i, 20 + i);
            hex.setMark(20, 24);
        });
        assertEquals(draws, hex.fullDraws(), "moving the mark drew no row anew");
        WritableImage moved = snapshot(robot);
        assertFalse(underlined(moved, 3), "the old mark is gone");
        assertTrue(underlined(moved, 21), "the new mark is shown");
        assertEquals(first.getPixelReader().getArgb(textX(3), textY(3)), moved.getPixelReader().getArgb(textX(3), textY(3)),
                "the rows' glyphs stay as they were");
    }

    @Test
    void aSelectedByteHidesTheMark(FxRobot robot) {
        robot.interact(() -> {
            hex.select(3, 3);
            hex.setMark(2, 6);
        });
        WritableImage shot = snapshot(robot);
        assertFalse(underlined(shot, 3), "the selection colour covers the mark");
        assertTrue(underlined(shot, 4), "the unselected marked byte keeps it");
    }

    /** Whether the middle of the line under the hex cell of {@code offset} has the mark's colour. */
    private boolean underlined(WritableImage shot, long offset) {
        Point2D centre = hex.pointOf(offset);
        int y = (int) Math.floor(centre.getY() + rowHeight() / 2 - 2);
        Color c = shot.getPixelReader().getColor((int) centre.getX(), y);
        return Math.abs(c.getRed() - MARK.getRed()) < 0.05 && Math.abs(c.getGreen() - MARK.getGreen()) < 0.05
                && Math.abs(c.getBlue() - MARK.getBlue()) < 0.05;
    }

    private double rowHeight() { return hex.pointOf(16).getY() - hex.pointOf(0).getY(); }
    private int textX(long offset) { return (int) hex.pointOf(offset).getX(); }
    private int textY(long offset) { return (int) hex.pointOf(offset).getY(); }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = hex.snapshot(null, null));
        return out[0];
    }
}
