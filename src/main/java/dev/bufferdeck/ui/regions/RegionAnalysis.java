package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.format.regions.Playhead;
import dev.bufferdeck.format.regions.RegionParser;
import dev.bufferdeck.format.regions.RegionTree;
import dev.bufferdeck.repository.MediaBuffer;

import java.util.Optional;

/** Everything the hex view shows about a buffer's structure, worked out once off the FX thread. */
public record RegionAnalysis(MediaBuffer buffer, RegionTree tree, Optional<Finding> finding, Optional<Playhead> playhead) {

    /** Parses {@code buffer}; slow for long files (it walks every frame), so never on the FX thread. */
    public static RegionAnalysis of(MediaBuffer buffer) {
        RegionTree tree = RegionParser.parse(buffer);
        MpegFrameIndex index = tree.format().equals("MP3") ? MpegFrameIndex.of(buffer) : null;
        Optional<Playhead> playhead;
        try {
            playhead = Playhead.of(buffer.bytes(), tree, index);
        } catch (RuntimeException e) {
            playhead = Optional.empty();
        }
        return new RegionAnalysis(buffer, tree, Finding.of(buffer, tree), playhead);
    }
}
