package dev.bufferdeck.format.regions;

import dev.bufferdeck.repository.ByteSource;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sizes that lie, nesting without end and plain garbage: each finishes fast with problems listed. */
class HostileRegionInputTest {
    private static final Duration FAST = Duration.ofSeconds(3);

    private static RegionTree parse(byte[] bytes) {
        return assertTimeoutPreemptively(FAST, () -> RegionParser.parse(ByteSource.of(bytes)));
    }

    private static void assertProblem(RegionTree tree, String fragment) {
        assertTrue(tree.allProblems(1_000_000).stream().anyMatch(p -> p.message().contains(fragment)),
                "expected a problem containing '" + fragment + "' in " + tree.allProblems(100));
    }

    @Test
    void riffChunkClaimingTwoGigabytes() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(0x7FFFFFF0).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(0x7FFFFFF0);
        RegionTree tree = parse(b.array());
        assertProblem(tree, "RIFF size 2147483632 runs past the end");
        assertProblem(tree, "'data' chunk size 2147483632 runs past the end");
    }

    @Test
    void id3TagClaimingMoreThanTheBufferHolds() {
        byte[] bytes = new byte[100];
        bytes[0] = 'I'; bytes[1] = 'D'; bytes[2] = '3'; bytes[3] = 3;
        bytes[6] = 0x7F; bytes[7] = 0x7F; bytes[8] = 0x7F; bytes[9] = 0x7F;
        System.arraycopy("TIT2".getBytes(StandardCharsets.US_ASCII), 0, bytes, 10, 4);
        bytes[14] = 0x7F; bytes[15] = (byte) 0xFF; bytes[16] = (byte) 0xFF; bytes[17] = (byte) 0xFF;
        RegionTree tree = parse(bytes);
        assertProblem(tree, "tag size 268435455 runs past the end of the buffer");
        assertProblem(tree, "TIT2 frame size 2147483647 runs past the end of the tag");
    }

    @Test
    void mp4BoxesNestedThousandsDeepAndBoxesWithImpossibleSizes() {
        int depth = 5000;
        ByteBuffer b = ByteBuffer.allocate(8 * depth + 16);
        b.putInt(16).put("ftyp".getBytes(StandardCharsets.US_ASCII)).put("M4A isom".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < depth; i++) b.putInt(8 * (depth - i)).put("moov".getBytes(StandardCharsets.US_ASCII));
        parse(b.array());

        ByteBuffer huge = ByteBuffer.allocate(48);
        huge.putInt(16).put("ftyp".getBytes(StandardCharsets.US_ASCII)).put("M4A isom".getBytes(StandardCharsets.US_ASCII));
        huge.putInt(1).put("mdat".getBytes(StandardCharsets.US_ASCII)).putLong(Long.MAX_VALUE);
        huge.putInt(3).put("free".getBytes(StandardCharsets.US_ASCII));
        assertProblem(parse(huge.array()), "box 'mdat' size 9223372036854775807 runs past the end of the buffer");
    }

    @Test
    void flacBlockPastTheEndAndOggSegmentsPastTheEnd() {
        byte[] flac = {'f', 'L', 'a', 'C', 0x00, 0x7F, (byte) 0xFF, (byte) 0xFF, 1, 2, 3};
        assertProblem(parse(flac), "metadata block length 8388607 runs past the end");

        byte[] ogg = new byte[40];
        System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, ogg, 0, 4);
        ogg[26] = (byte) 255;
        assertProblem(parse(ogg), "last page is truncated");
    }

    @Test
    void megabytesOfRandomBytesAfterEveryMagicFinishFast() {
        Random random = new Random(42);
        String[] magics = {"RIFF", "FORM", ".snd", "OggS", "fLaC", "ID3\u0003", "\u0000\u0000\u0000\u0020ftyp"};
        for (String magic : magics) {
            byte[] bytes = new byte[4 << 20];
            random.nextBytes(bytes);
            byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(m, 0, bytes, 0, m.length);
            if (magic.equals("FORM")) System.arraycopy("AIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 4);
            RegionTree tree = parse(bytes);
            assertFalse(tree.roots().isEmpty(), magic);
            assertTimeoutPreemptively(FAST, () -> tree.allProblems(200_000));
        }
    }

    @Test
    void mp3WhoseFramesAreAllSyncNoise() {
        byte[] bytes = new byte[2 << 20];
        for (int i = 0; i < bytes.length; i += 2) { bytes[i] = (byte) 0xFF; bytes[i + 1] = (byte) 0xFB; }
        parse(bytes);
    }
}
