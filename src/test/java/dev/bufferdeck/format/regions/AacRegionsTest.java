package dev.bufferdeck.format.regions;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.format.mp4.Mp4Movie;
import dev.bufferdeck.format.mp4.SampleTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AacRegionsTest {

    private static ByteSource audio(String name) throws IOException {
        try (InputStream in = AacRegionsTest.class.getResourceAsStream("/dev/bufferdeck/audio/" + name)) {
            return ByteSource.of(in.readAllBytes());
        }
    }

    private static Region root(RegionTree tree, String name) {
        return tree.roots().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void mdatIsSplitIntoTheAccessUnitsOfTheSampleTables() throws Exception {
        ByteSource b = audio("aac-seek-22k-6s.m4a");
        SampleTable samples = Mp4Movie.read(b).firstAudioTrack().orElseThrow().samples();
        RegionTree tree = RegionParser.parse(b);
        Region mdat = root(tree, "'mdat'");
        List<Region> children = mdat.children();
        assertEquals("box header", children.get(0).name());
        assertEquals(1 + samples.count(), children.size());
        Region s7 = children.get(1 + 7);
        assertEquals("sample 7", s7.name());
        assertEquals(samples.offset(7), s7.offset());
        assertEquals(samples.size(7), s7.length());
        assertTrue(s7.description().startsWith("AAC access unit · track 1 · 0.325 s"), s7.description());
        Region moov = root(tree, "'moov'");
        assertTrue(describe(moov).contains("'stsz' sample sizes · " + samples.count() + " samples"), describe(moov));
        assertTrue(describe(moov).contains("'stsd' sample description · mp4a"));
    }

    private static String describe(Region r) {
        StringBuilder out = new StringBuilder(r.description()).append('\n');
        for (Region c : r.children()) out.append(describe(c));
        return out.toString();
    }

    @Test
    void playheadFollowsTheSampleBeingHeardAfterTheEditListsDelay() throws Exception {
        ByteSource b = audio("aac-seek-22k-6s.m4a");
        SampleTable samples = Mp4Movie.read(b).firstAudioTrack().orElseThrow().samples();
        RegionTree tree = RegionParser.parse(b);
        Playhead playhead = Playhead.of(b, tree, MpegFrameIndex.build(b)).orElseThrow();
        assertEquals(22050, playhead.sampleRate());
        // 1024 priming samples: output sample 0 is in sample 1, output 1024 × 10 in sample 11
        assertEquals("sample 1", playhead.regionAtSample(0).orElseThrow().name());
        assertEquals("sample 11", playhead.regionAtSample(10 * 1024).orElseThrow().name());
        assertEquals("sample 11", playhead.regionAtSample(10 * 1024 + 1023).orElseThrow().name());
        Region s40 = playhead.regionAtMillis(40 * 1024 * 1000L / 22050 + 1).orElseThrow();
        assertEquals("sample 41", s40.name());
        assertEquals(samples.offset(41), s40.offset());
        assertEquals(40 * 1024 * 1000L / 22050, playhead.millisAtOffset(s40.offset() + 3).orElseThrow());
    }

    @Test
    void adtsFramesAreRegionsAfterTheId3TagAndThePlayheadFollowsThem() throws Exception {
        ByteSource b = audio("aac-lc-22k-mono-id3.aac");
        RegionTree tree = RegionParser.parse(b);
        assertEquals(MediaFormat.AAC_ADTS, tree.format());
        assertTrue(tree.roots().get(0).name().startsWith("ID3v2"), tree.roots().get(0).name());
        Region adts = root(tree, "ADTS audio");
        assertEquals(tree.roots().get(0).end(), adts.offset());
        assertEquals(b.limit(), adts.end());
        assertEquals(19, adts.children().size());
        Region f3 = adts.children().get(3);
        assertEquals("frame 3", f3.name());
        assertEquals(0xFF, b.get((int) f3.offset()) & 0xFF);
        assertEquals(List.of("frame header", "raw data block"), f3.children().stream().map(Region::name).toList());
        Playhead playhead = Playhead.of(b, tree, MpegFrameIndex.build(b)).orElseThrow();
        assertEquals(f3, playhead.regionAtSample(3 * 1024 + 5).orElseThrow());
        assertEquals(3 * 1024 * 1000L / 22050, playhead.millisAtOffset(f3.offset() + 10).orElseThrow());
    }
}
