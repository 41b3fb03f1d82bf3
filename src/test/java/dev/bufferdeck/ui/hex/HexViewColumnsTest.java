package dev.bufferdeck.ui.hex;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.Group;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hex view asks for the width of its three columns, and never draws a column cut through. */
@ExtendWith(ApplicationExtension.class)
class HexViewColumnsTest {
    private HexView hex;

    @Start
    void start(Stage stage) throws Exception {
        byte[] bytes = new byte[64 * 1024];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) ('A' + i % 26);
        MediaBuffer b = new MediaRepository(FormatDetector.NONE).add(bytes, "letters.bin", new Origin.BuiltIn("test"), "").buffer();
        hex = new HexView();
        hex.setBuffer(b);
        Group sized = new Group(hex);
        sized.setAutoSizeChildren(false);
        stage.setScene(new Scene(sized, 900, 400));
        stage.show();
    }

    private void size(FxRobot robot, double width) {
        robot.interact(() -> {
            hex.resize(width, 300);
            hex.layout();
        });
    }

    @Test
    void atItsLeastWidthAllThreeColumnsFit(FxRobot robot) {
        double least = hex.minWidth(-1);
        size(robot, least);
        assertTrue(hex.textColumnEnd() <= hex.viewportWidth(), hex.textColumnEnd() + " fits in " + hex.viewportWidth());
        assertEquals(least, hex.prefWidth(-1), 0.5, "it asks for no more and no less");
    }

    @Test
    void aTextColumnThatDoesNotFitWholeIsNotDrawnAtAll(FxRobot robot) {
        size(robot, hex.minWidth(-1) - 40);
        double w = hex.viewportWidth();
        assertTrue(w < hex.textColumnEnd(), "the view is narrower than its text column");
        WritableImage shot = snapshot(robot);
        PixelReader px = shot.getPixelReader();
        // Inside the canvas, clear of the border on top and of the scroll bar's edge on the right.
        int background = px.getArgb((int) w - 15, 150);
        for (int x = (int) w - 30; x < (int) w - 2; x++) {
            for (int y = 2; y < 280; y++) {
                assertEquals(background, px.getArgb(x, y), "nothing drawn at " + x + "," + y + " of the cut column");
            }
        }
        size(robot, hex.minWidth(-1));
        WritableImage whole = snapshot(robot);
        boolean drawn = false;
        for (int x = (int) w - 30; x < (int) w - 2 && !drawn; x++) {
            for (int y = 2; y < 280 && !drawn; y++) drawn = whole.getPixelReader().getArgb(x, y) != background;
        }
        assertTrue(drawn, "with room, the text column is drawn there");
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = hex.snapshot(null, null));
        return out[0];
    }
}
