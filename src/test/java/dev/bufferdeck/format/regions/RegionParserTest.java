package dev.bufferdeck.format.regions;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.MediaFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionParserTest {

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = RegionParserTest.class.getResourceAsStream(name)) {
            assertNotNull(in, "missing fixture " + name);
            return in.readAllBytes();
        }
    }

    static RegionTree parse(byte[] bytes) {
        return RegionParser.parse(ByteSource.of(bytes));
    }

    static String text(RegionTree tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegionPrinter.printText(tree, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tone.wav", "tone.aiff", "tone.au", "tone.mp3", "tone.ogg", "tone.opus", "tone.flac", "tone.m4a"})
    void regionTreeMatchesItsGoldenFile(String name) throws IOException {
        String golden = new String(fixture(name + ".regions.txt"), StandardCharsets.UTF_8);
        assertEquals(golden, text(parse(fixture(name))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tone.wav", "tone.aiff", "tone.au", "tone.mp3", "tone.ogg", "tone.opus", "tone.flac", "tone.m4a"})
    void topLevelRegionsTileTheBufferAndChildrenNestInsideTheirParent(String name) throws IOException {
        byte[] bytes = fixture(name);
        RegionTree tree = parse(bytes);
        long expected = 0;
        for (Region r : tree.roots()) {
            assertEquals(expected, r.offset(), name + ": gap or overlap before " + r.name());
            expected = r.end();
            assertNested(r);
        }
        assertEquals(bytes.length, expected, name + ": regions do not reach the end");
        assertTrue(tree.allProblems(100_000).isEmpty(), name + " should parse cleanly: " + tree.allProblems(100));
    }

    private static void assertNested(Region parent) {
        long previousEnd = parent.offset();
        for (Region child : parent.children()) {
            assertTrue(child.offset() >= previousEnd && child.end() <= parent.end(),
                    child.name() + " [" + child.offset() + "+" + child.length() + "] escapes " + parent.name());
            previousEnd = child.end();
            assertNested(child);
        }
    }

    @Test
    void mp3FramesAgreeWithTheInfoHeaderAndTheTagsAreFound() throws IOException {
        RegionTree tree = parse(fixture("tone.mp3"));
        assertEquals(MediaFormat.MP3, tree.format());
        Region id3 = tree.roots().get(0);
        assertEquals("ID3v2", id3.name());
        assertTrue(id3.children().stream().anyMatch(r -> r.description().equals("TIT2 title · \"Tone\"")));
        Region apic = id3.children().stream().filter(r -> r.name().equals("APIC")).findFirst().orElseThrow();
        Region image = apic.children().get(2);
        assertEquals(RegionKind.PICTURE, image.kind());
        byte[] bytes = fixture("tone.mp3");
        assertEquals((byte) 0x89, bytes[(int) image.offset()], "the picture region starts at the PNG signature");
        Region audio = tree.roots().get(1);
        Region info = audio.children().get(0);
        assertTrue(info.description().startsWith("Info frame"), info.description());
        assertTrue(text(tree).contains("Info (CBR) · " + (audio.children().size() - 1) + " frames"),
                "Info frame count equals the audio frames that follow it");
        assertEquals("ID3v1", tree.roots().get(tree.roots().size() - 1).name());
    }

    @Test
    void junkInsideAnMp3IsReportedAtItsOffsetAndTheFramesAfterItAreFound() throws IOException {
        byte[] clean = fixture("tone.mp3");
        RegionTree before = parse(clean);
        Region audio = before.roots().get(1);
        Region third = audio.children().get(3);
        byte[] broken = new byte[clean.length + 100];
        int at = (int) third.offset();
        System.arraycopy(clean, 0, broken, 0, at);
        for (int i = 0; i < 100; i++) broken[at + i] = (byte) 'x';
        System.arraycopy(clean, at, broken, at + 100, clean.length - at);

        RegionTree after = parse(broken);
        Problem first = after.firstProblem().orElseThrow();
        assertEquals(at, first.offset());
        assertTrue(first.message().startsWith(String.format("frame sync lost at 0x%X", at)), first.message());
        Region brokenAudio = after.roots().get(1);
        assertEquals(audio.children().size() + 1, brokenAudio.children().size(), "one junk region, no frame lost");
        assertEquals(RegionKind.UNKNOWN, brokenAudio.children().get(3).kind());
        assertEquals(100, brokenAudio.children().get(3).length());
    }

    @Test
    void aDamagedOggPageFailsItsCrc() throws IOException {
        byte[] bytes = fixture("tone.ogg");
        Region lastPage = parse(bytes).roots().get(0).children().get(2);
        bytes[(int) lastPage.end() - 5] ^= 0x40;
        Region damaged = parse(bytes).roots().get(0).children().get(2);
        assertEquals(List.of(new Problem(lastPage.offset() + 22, "page CRC mismatch")), damaged.problems());
    }

    @Test
    void aDamagedFlacFrameFailsItsCrc16() throws IOException {
        byte[] bytes = fixture("tone.flac");
        RegionTree tree = parse(bytes);
        Region frames = tree.roots().get(tree.roots().size() - 1);
        Region second = frames.children().get(1);
        bytes[(int) second.offset() + 20] ^= 0x01;
        Region damaged = parse(bytes).roots().get(tree.roots().size() - 1).children().get(1);
        assertEquals("frame CRC-16 mismatch", damaged.problems().get(0).message());
    }

    @Test
    void frameRegionsOfALongMp3AreMadeOnDemand() throws IOException {
        byte[] tone = fixture("tone.mp3");
        Region frame = parse(tone).roots().get(1).children().get(2);
        int frameLength = (int) frame.length();
        int count = 200_000;
        byte[] big = new byte[frameLength * count];
        for (int i = 0; i < count; i++) System.arraycopy(tone, (int) frame.offset(), big, i * frameLength, frameLength);
        long start = System.nanoTime();
        RegionTree tree = parse(big);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Region audio = tree.roots().get(0);
        assertEquals(count, audio.children().size());
        assertEquals((long) (count - 1) * frameLength, audio.children().get(count - 1).offset());
        assertTrue(tree.deepestAt(big.length - 1).orElseThrow().name().equals("audio data"));
        assertTrue(millis < 10_000, "parse of " + count + " frames took " + millis + " ms");
    }

    @Test
    void deepestAtFindsTheInnermostRegion() throws IOException {
        RegionTree tree = parse(fixture("tone.wav"));
        assertEquals("samples", tree.deepestAt(0x60).orElseThrow().name());
        assertEquals(List.of("RIFF", "'LIST'", "'INAM'", "data"),
                tree.pathAt(0x39).stream().map(Region::name).toList());
        assertTrue(tree.deepestAt(1_000_000).isEmpty());
    }

    @Test
    void detectsNothingInBytesOfNoKnownFormat() {
        RegionTree tree = parse("<html><body>404 Not Found</body></html>".getBytes(StandardCharsets.US_ASCII));
        assertEquals(MediaFormat.UNKNOWN, tree.format());
        assertEquals(1, tree.roots().size());
        assertEquals(RegionKind.UNKNOWN, tree.roots().get(0).kind());
        assertFalse(parse(new byte[0]).roots().iterator().hasNext());
    }
}
