package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.format.regions.Playhead;
import dev.bufferdeck.format.regions.RegionParser;
import dev.bufferdeck.format.regions.RegionTree;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaFormat;

import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionKind;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the hex view shows about a buffer's structure, worked out once off the FX thread.
 *
 * @param kinds the kinds of region the tree holds, for the legend
 */
public record RegionAnalysis(MediaBuffer buffer, RegionTree tree, Optional<Finding> finding, Optional<Playhead> playhead,
                             Set<RegionKind> kinds) {
    public RegionAnalysis {
        kinds = Set.copyOf(kinds);
    }

    /** Parses {@code buffer}; slow for long files (it walks every frame), so never on the FX thread. */
    public static RegionAnalysis of(MediaBuffer buffer) {
        RegionTree tree = RegionParser.parse(buffer);
        MpegFrameIndex index = tree.format() == MediaFormat.MP3 ? MpegFrameIndex.of(buffer) : null;
        Optional<Playhead> playhead;
        try {
            playhead = Playhead.of(buffer.bytes(), tree, index);
        } catch (RuntimeException e) {
            playhead = Optional.empty();
        }
        return new RegionAnalysis(buffer, tree, Finding.of(buffer, tree), playhead, kindsIn(tree));
    }

    /** Long runs are alike (every MPEG frame), so the first {@value #SAMPLED_CHILDREN} children of each region stand for all. */
    static final int SAMPLED_CHILDREN = 64;

    static Set<RegionKind> kindsIn(RegionTree tree) {
        Set<RegionKind> kinds = EnumSet.noneOf(RegionKind.class);
        Deque<Region> todo = new ArrayDeque<>(tree.roots());
        while (!todo.isEmpty() && kinds.size() < RegionKind.values().length) {
            Region r = todo.pop();
            kinds.add(r.kind());
            todo.addAll(r.children().subList(0, Math.min(SAMPLED_CHILDREN, r.children().size())));
        }
        return kinds;
    }
}
