package dev.bufferdeck.video;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Our PNGs read back through the JDK's own decoder, pixel for pixel. */
class PngTest {
    @Test
    void theJdkDecoderReadsBackEveryPixel() throws Exception {
        int w = 37, h = 11;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) argb[i] = 0xFF000000 | (i * 2654435761L > 0 ? (int) (i * 2654435761L) & 0xFFFFFF : i);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Png.rgb(argb, w, h)));
        assertEquals(w, image.getWidth());
        assertEquals(h, image.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(argb[y * w + x] & 0xFFFFFF, image.getRGB(x, y) & 0xFFFFFF, x + "," + y);
            }
        }
    }

    @Test
    void pixelsThatDoNotMatchTheSizeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Png.rgb(new int[5], 2, 2));
    }
}
