package dev.bufferdeck.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window icons rendered from icons/bufferdeck.svg are on the class path where the app looks. */
class IconResourcesTest {

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 48, 64, 128, 256, 512})
    void eachSizeIsASquarePngWithTransparentCorners(int size) throws Exception {
        try (InputStream in = BufferDeckApp.class.getResourceAsStream("icons/bufferdeck-" + size + ".png")) {
            assertNotNull(in, "resource /dev/bufferdeck/ui/icons/bufferdeck-" + size + ".png");
            BufferedImage image = ImageIO.read(in);
            assertEquals(size, image.getWidth());
            assertEquals(size, image.getHeight());
            assertTrue(image.getColorModel().hasAlpha());
            assertEquals(0, image.getRGB(0, 0) >>> 24, "the rounded tile leaves the corner transparent");
            int centre = image.getRGB(size / 2, size / 2);
            assertTrue(centre >>> 24 == 0xFF, "the centre (chip and play triangle) is opaque");
        }
    }
}
