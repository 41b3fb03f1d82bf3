package dev.bufferdeck.ui.regions;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.format.regions.RegionParser;
import dev.bufferdeck.format.regions.RegionTree;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionTextTest {
    private final RegionTree tree = RegionParser.parse(ByteSource.of(Mp3Bytes.tone()));

    @Test
    void namesThePathDownToThePictureAndDescribesIt() {
        assertEquals("ID3v2 › APIC › image · picture · other · image/png · 96 bytes", RegionText.at(tree, 0x70));
    }

    @Test
    void namesTheFrameHeaderUnderAnAudioFrameByte() {
        String text = RegionText.at(tree, 0x1EA + 1);
        assertTrue(text.startsWith("MPEG audio › frame 0 › frame header · "), text);
    }

    @Test
    void saysNothingPastTheEnd() {
        assertEquals("", RegionText.at(tree, 1_000_000));
    }
}
