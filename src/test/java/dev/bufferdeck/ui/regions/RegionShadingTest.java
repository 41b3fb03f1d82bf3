package dev.bufferdeck.ui.regions;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionKind;
import dev.bufferdeck.format.regions.RegionParser;
import dev.bufferdeck.format.regions.RegionTree;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionShadingTest {
    record Run(long from, long to, Color color) {}

    private static List<Run> shade(RegionTree tree, long from, long to) {
        List<Run> runs = new ArrayList<>();
        new RegionShading(tree).shade(from, to, (a, b, c) -> runs.add(new Run(a, b, c)));
        return runs;
    }

    @Test
    void eachByteGetsTheColourOfItsInnermostRegion() {
        RegionTree tree = RegionParser.parse(ByteSource.of(Mp3Bytes.tone()));
        List<Run> runs = shade(tree, 0, tree.size());
        long expected = 0;
        for (Run r : runs) {
            assertEquals(expected, r.from(), "runs tile the range");
            assertTrue(r.to() > r.from());
            for (long at = r.from(); at < r.to(); at++) {
                List<Region> path = tree.pathAt(at);
                assertEquals(RegionColors.fill(path.get(path.size() - 1).kind()), r.color(), "byte 0x" + Long.toHexString(at));
            }
            expected = r.to();
        }
        assertEquals(tree.size(), expected);
        Run picture = runs.stream().filter(r -> r.from() == 0x60).findFirst().orElseThrow();
        assertEquals(RegionColors.fill(RegionKind.PICTURE), picture.color());
        assertEquals(0x60 + 96, picture.to());
    }

    @Test
    void gapsInsideAContainerTakeTheContainersColourAndBytesOutsideAnyRegionNone() {
        Region child = Region.leaf("child", RegionKind.HEADER, 10, 5, "");
        Region box = new Region("box", RegionKind.CONTAINER, 0, 30, "", List.of(), List.of(child));
        RegionTree tree = new RegionTree(MediaFormat.UNKNOWN, 50, List.of(box));
        List<Run> runs = shade(tree, 0, 50);
        assertEquals(List.of(
                new Run(0, 10, RegionColors.fill(RegionKind.CONTAINER)),
                new Run(10, 15, RegionColors.fill(RegionKind.HEADER)),
                new Run(15, 30, RegionColors.fill(RegionKind.CONTAINER))), runs);
    }

    @Test
    void shadingAScreenOfAnHourLongRunAsksForAFewFramesOnly() {
        RegionTree parsed = RegionParser.parse(ByteSource.of(Mp3Bytes.frames(100_000)));
        Region mpeg = parsed.roots().get(0);
        AtomicInteger gets = new AtomicInteger();
        List<Region> counting = new AbstractList<>() {
            @Override public Region get(int i) { gets.incrementAndGet(); return mpeg.children().get(i); }
            @Override public int size() { return mpeg.children().size(); }
        };
        RegionTree tree = new RegionTree(parsed.format(), parsed.size(), List.of(new Region(mpeg.name(), mpeg.kind(),
                mpeg.offset(), mpeg.length(), mpeg.description(), mpeg.problems(), counting)));
        long middle = parsed.size() / 2;
        List<Run> runs = shade(tree, middle, middle + 40 * 16);
        assertTrue(runs.size() >= 3, "headers and audio data alternate: " + runs.size());
        assertTrue(gets.get() < 200, "a screen asks for a few dozen frames, not " + gets.get());
    }
}
