package dev.bufferdeck.audio.decode.vorbis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The floor curve's lines, drawn with a multiplication per x ({@link VorbisFloor1#line}), step
 * through the same y as the Vorbis I specification's render_line, written out here as it is there:
 * every length up to 700 and some to the longest (32,767), every rise and fall a conforming floor
 * can hold, cut short by the block's end or not; and the y no conforming floor holds, drawn stepped.
 */
class VorbisFloor1Test {

    @Test
    void everyLineStepsThroughTheSpecificationsY() {
        int[] longOnes = {1024, 1025, 2047, 4096, 8191, 32767};
        for (int adx = 1; adx <= 700 + longOnes.length; adx++) {
            int length = adx <= 700 ? adx : longOnes[adx - 701];
            for (int dy = -255; dy <= 255; dy++) {
                int y0 = dy < 0 ? 255 : 0;
                assertDrawsLikeTheSpecification(3, y0, 3 + length, y0 + dy, 3 + length);
            }
        }
    }

    @Test
    void aLineCutShortByTheBlockEndStopsThere() {
        for (int end = 0; end <= 40; end++) {
            assertDrawsLikeTheSpecification(5, 10, 35, 200, end);
            assertDrawsLikeTheSpecification(5, 250, 35, 3, end);
        }
    }

    @Test
    void yBeyondAConformingFloorAreSteppedAsTheSpecificationSteps() {
        int[][] lines = {{0, 0, 100, 256}, {0, 300, 64, 0}, {10, 5000, 1000, 70000}, {0, 400000, 32767, 12}};
        for (int[] l : lines) assertDrawsLikeTheSpecification(l[0], l[1], l[2], l[3], l[2]);
    }

    private static void assertDrawsLikeTheSpecification(int x0, int y0, int x1, int y1, int n) {
        float[] expected = new float[x1 + 1];
        float[] drawn = new float[x1 + 1];
        Arrays.fill(expected, 1f);
        Arrays.fill(drawn, 1f);
        int[] y = renderLine(x0, y0, x1, y1);
        for (int x = x0; x < Math.min(x1, n); x++) expected[x] = VorbisFloor1.INVERSE_DB[y[x - x0] & 255];
        VorbisFloor1.line(drawn, x0, y0, x1, y1, n);
        assertArrayEquals(expected, drawn, () -> "line (" + x0 + ", " + y0 + ") to (" + x1 + ", " + y1 + "), block end " + n);
    }

    /** The specification's render_line (section 9.2.7): the y at x0 .. x1 - 1. */
    private static int[] renderLine(int x0, int y0, int x1, int y1) {
        int[] out = new int[x1 - x0];
        int dy = y1 - y0;
        int adx = x1 - x0;
        int ady = Math.abs(dy);
        int base = dy / adx;
        int x = x0;
        int y = y0;
        int err = 0;
        int sy = dy < 0 ? base - 1 : base + 1;
        ady = ady - Math.abs(base) * adx;
        out[0] = y;
        for (x = x0 + 1; x < x1; x++) {
            err = err + ady;
            if (err >= adx) {
                err = err - adx;
                y = y + sy;
            } else {
                y = y + base;
            }
            out[x - x0] = y;
        }
        return out;
    }
}
