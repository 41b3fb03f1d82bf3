package dev.bufferdeck.ui.spectrum;

import java.util.Arrays;

/**
 * The spectrum's bars and level meter in whole pixels at a given height: two levels with the same
 * heights paint the same pixels. What the view compares before it repaints, and the feed before it
 * hands over a new analysis.
 */
final class BarHeights {
    /** The level shown at the bottom of the bars. */
    static final float DISPLAY_FLOOR_DB = -72f;
    /** A peak above this shows the meter in its hot colour. */
    static final float HOT_DB = -1f;

    private final int[] heights;
    private boolean valid;

    BarHeights(int bands) {
        heights = new int[bands + 2];
    }

    static double fraction(float db) {
        return Math.max(0, Math.min(1, (db - DISPLAY_FLOOR_DB) / -DISPLAY_FLOOR_DB));
    }

    /** Takes the heights of these levels at {@code height} pixels; true when they differ from the ones held before. */
    boolean take(float[] bandsDb, float rmsDb, float peakDb, double height) {
        int bands = heights.length - 2;
        boolean changed = !valid;
        for (int i = 0; i < bands; i++) {
            float db = i < bandsDb.length ? bandsDb[i] : DISPLAY_FLOOR_DB;
            changed |= set(i, (int) Math.round(fraction(db) * height));
        }
        changed |= set(bands, (int) Math.round(fraction(rmsDb) * height));
        changed |= set(bands + 1, (int) Math.round(fraction(peakDb) * height) * 2 + (peakDb > HOT_DB ? 1 : 0));
        valid = true;
        return changed;
    }

    /** Forgets the heights held: the next {@link #take} counts as a change. */
    void forget() {
        valid = false;
        Arrays.fill(heights, 0);
    }

    private boolean set(int i, int h) {
        if (heights[i] == h) return false;
        heights[i] = h;
        return true;
    }
}
