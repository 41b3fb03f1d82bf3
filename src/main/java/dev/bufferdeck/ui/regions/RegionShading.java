package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionKind;
import dev.bufferdeck.format.regions.RegionTree;
import java.util.function.Function;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * The fill behind each byte of a range: the colour of the innermost region holding it. Works in runs
 * (one tree lookup per region on screen, not per byte), so shading the visible part of an hour-long
 * MP3 asks the lazy frame lists for a handful of regions.
 */
public final class RegionShading {
    /** Told each run of bytes [from, to) and its fill; runs come in order and do not overlap. */
    @FunctionalInterface
    public interface Sink {
        void fill(long from, long to, Color color);
    }

    private final RegionTree tree;
    private final Function<RegionKind, Color> fills;

    /** Shades with the light theme's fills. */
    public RegionShading(RegionTree tree) {
        this(tree, RegionColors::fill);
    }

    /** Shades with {@code fills} (the theme's, e.g. from {@link RegionColors#palette()}). */
    public RegionShading(RegionTree tree, Function<RegionKind, Color> fills) {
        this.tree = tree;
        this.fills = fills;
    }

    public void shade(long from, long to, Sink sink) {
        long at = Math.max(0, from);
        while (at < to) {
            List<Region> path = tree.pathAt(at);
            if (path.isEmpty()) {
                at = Math.min(to, nextStart(tree.roots(), at));
                continue;
            }
            Region inner = path.get(path.size() - 1);
            long end = Math.min(to, Math.min(inner.end(), nextStart(inner.children(), at)));
            sink.fill(at, end, fills.apply(inner.kind()));
            at = end;
        }
    }

    /** The offset of the first region in {@code sorted} that starts after {@code offset}, or Long.MAX_VALUE. */
    private static long nextStart(List<Region> sorted, long offset) {
        int lo = 0, hi = sorted.size() - 1;
        long best = Long.MAX_VALUE;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long start = sorted.get(mid).offset();
            if (start > offset) {
                best = start;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return best;
    }
}
