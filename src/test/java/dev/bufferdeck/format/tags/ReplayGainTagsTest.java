package dev.bufferdeck.format.tags;

import dev.bufferdeck.repository.ByteSource;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static dev.bufferdeck.format.TestBytes.be24;
import static dev.bufferdeck.format.TestBytes.be32;
import static dev.bufferdeck.format.TestBytes.le32;
import static dev.bufferdeck.format.TestBytes.mp3Frame;
import static dev.bufferdeck.format.TestBytes.of;
import static dev.bufferdeck.format.TestBytes.repeat;
import static dev.bufferdeck.format.TestBytes.zeros;
import static dev.bufferdeck.format.tags.TagReaderTest.frame3;
import static dev.bufferdeck.format.tags.TagReaderTest.frame4;
import static dev.bufferdeck.format.tags.TagReaderTest.id3;
import static dev.bufferdeck.format.tags.TagReaderTest.vorbisComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayGainTagsTest {

    @Test
    void id3v24TxxxFramesInLatin1AndUtf16() {
        byte[] file = of(id3(4, 0,
                frame4("TXXX", of(0, "REPLAYGAIN_TRACK_GAIN", 0, "-6.20 dB")),
                frame4("TXXX", of(0, "replaygain_track_peak", 0, "0.988708")),
                frame4("TXXX", of(1, 0xFF, 0xFE, "REPLAYGAIN_ALBUM_GAIN".getBytes(StandardCharsets.UTF_16LE), 0, 0,
                        0xFF, 0xFE, "+1.5 dB".getBytes(StandardCharsets.UTF_16LE), 0, 0)),
                frame4("TXXX", of(0, "MusicBrainz Album Id", 0, "x"))), repeat(mp3Frame(), 2));
        ReplayGainTags rg = ReplayGainTags.of(TagReader.read(ByteSource.of(file)));
        assertEquals(-6.20, rg.trackGainDb(), 1e-9);
        assertEquals(0.988708, rg.trackPeak(), 1e-9);
        assertEquals(1.5, rg.albumGainDb(), 1e-9);
        assertTrue(Double.isNaN(rg.albumPeak()));
    }

    @Test
    void id3v23TxxxFrame() {
        byte[] file = of(id3(3, 0, frame3("TXXX", of(0, "REPLAYGAIN_ALBUM_GAIN", 0, "-3.00 dB"))), repeat(mp3Frame(), 2));
        ReplayGainTags rg = ReplayGainTags.of(TagReader.read(ByteSource.of(file)));
        assertEquals(-3.0, rg.albumGainDb(), 1e-9);
        assertFalse(rg.hasTrackGain());
    }

    @Test
    void flacVorbisComments() {
        byte[] comments = vorbisComment("ref", "TITLE=t", "REPLAYGAIN_TRACK_GAIN=-7.89 dB", "REPLAYGAIN_TRACK_PEAK=1.02",
                "replaygain_album_gain=-8.5 dB", "REPLAYGAIN_ALBUM_PEAK=1.10");
        byte[] file = of("fLaC", 0x00, be24(34), zeros(34), 0x84, be24(comments.length), comments);
        ReplayGainTags rg = ReplayGainTags.of(TagReader.read(ByteSource.of(file)));
        assertEquals(new ReplayGainTags(-7.89, 1.02, -8.5, 1.10), rg);
    }

    @Test
    void opusR128GainsAreQ78RelativeToMinus23Lufs() {
        // -1280 / 256 = -5 dB relative to -23 LUFS, i.e. 0 dB relative to ReplayGain 2.0's -18 LUFS
        byte[] file = new OggPageWriter(7)
                .packets(255, 0, of("OpusHead", 1, 2, zeros(9)))
                .packets(255, 0, of("OpusTags", vorbisComment("libopus", "R128_TRACK_GAIN=-1280", "R128_ALBUM_GAIN=512")))
                .toByteArray();
        ReplayGainTags rg = ReplayGainTags.of(TagReader.read(ByteSource.of(file)));
        assertEquals(0.0, rg.trackGainDb(), 1e-9);
        assertEquals(512 / 256.0 + 5, rg.albumGainDb(), 1e-9);
    }

    @Test
    void apeItems() {
        byte[] items = of(apeItem("REPLAYGAIN_TRACK_GAIN", "-2.34 dB"), apeItem("REPLAYGAIN_TRACK_PEAK", "0.5"));
        byte[] footer = of("APETAGEX", le32(2000), le32(items.length + 32), le32(2), le32(0), zeros(8));
        byte[] file = of(repeat(mp3Frame(), 2), items, footer);
        ReplayGainTags rg = ReplayGainTags.of(TagReader.read(ByteSource.of(file)));
        assertEquals(-2.34, rg.trackGainDb(), 1e-9);
        assertEquals(0.5, rg.trackPeak(), 1e-9);
    }

    @Test
    void mp4FreeformAtoms() {
        byte[] ilst = of(
                box("----", of(box("mean", of(be32(0), "com.apple.iTunes")), box("name", of(be32(0), "REPLAYGAIN_TRACK_GAIN")),
                        box("data", of(be32(1), be32(0), "-6.20 dB")))),
                box("----", of(box("mean", of(be32(0), "com.apple.iTunes")), box("name", of(be32(0), "replaygain_album_gain")),
                        box("data", of(be32(1), be32(0), "-4.00 dB")))));
        byte[] file = of(box("ftyp", of("M4A ", be32(0), "M4A ")),
                box("moov", box("udta", box("meta", of(be32(0), box("hdlr", zeros(25)), box("ilst", ilst))))));
        ReplayGainTags rg = ReplayGainTags.of(TagReader.read(ByteSource.of(file)));
        assertEquals(-6.20, rg.trackGainDb(), 1e-9);
        assertEquals(-4.00, rg.albumGainDb(), 1e-9);
    }

    @Test
    void untaggedAndGarbageValuesAreAbsent() {
        assertEquals(ReplayGainTags.NONE, ReplayGainTags.of(Tags.EMPTY));
        Tags garbage = new Tags("", "", "", "", "", java.util.List.of(), java.util.List.of(),
                java.util.Map.of("replaygain_track_gain", "loud", "r128_album_gain", "x"));
        assertEquals(ReplayGainTags.NONE, ReplayGainTags.of(garbage));
    }

    private static byte[] apeItem(String key, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        return of(le32(v.length), le32(0), key, 0, v);
    }

    private static byte[] box(String type, byte[] payload) {
        return of(be32(8 + payload.length), type, payload);
    }
}
