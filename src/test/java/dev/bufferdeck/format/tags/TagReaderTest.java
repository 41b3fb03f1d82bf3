package dev.bufferdeck.format.tags;

import dev.bufferdeck.repository.ByteSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static dev.bufferdeck.format.TestBytes.be24;
import static dev.bufferdeck.format.TestBytes.be32;
import static dev.bufferdeck.format.TestBytes.le32;
import static dev.bufferdeck.format.TestBytes.mp3Frame;
import static dev.bufferdeck.format.TestBytes.of;
import static dev.bufferdeck.format.TestBytes.repeat;
import static dev.bufferdeck.format.TestBytes.syncsafe;
import static dev.bufferdeck.format.TestBytes.zeros;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TagReaderTest {
    private static final byte[] JPEG = of(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, "JFIF", 0, 1, 1, zeros(40), 0xFF, 0xD9);
    private static final byte[] PNG = of(0x89, "PNG", 0x0D, 0x0A, 0x1A, 0x0A, be32(13), "IHDR", zeros(17));

    // ---- ID3v2 ----

    @Test
    void id3v23Utf16TextAndApicPointIntoTheBufferWithoutACopy() {
        byte[] apic = of(0, "image/jpeg", 0, 3, "front", 0, JPEG);
        byte[] file = of(id3(3, 0,
                frame3("TIT2", utf16("Grüße ♫")),
                frame3("TPE1", utf16("Ünïcode Artist")),
                frame3("TALB", of(1, 0xFE, 0xFF, "Album".getBytes(StandardCharsets.UTF_16BE), 0, 0)),
                frame3("TYER", of(0, "1999")),
                frame3("TRCK", of(0, "3/12")),
                frame3("APIC", apic), zeros(64)), repeat(mp3Frame(), 2));

        Tags tags = TagReader.read(ByteSource.of(file));

        assertEquals("Grüße ♫", tags.title());
        assertEquals("Ünïcode Artist", tags.artist());
        assertEquals("Album", tags.album());
        assertEquals("1999", tags.year());
        assertEquals("3/12", tags.track());
        assertEquals(List.of("ID3v2.3"), tags.formats());
        CoverArt cover = tags.cover().orElseThrow();
        assertEquals("image/jpeg", cover.mimeType());
        assertEquals("front", cover.description());
        assertEquals(CoverArt.FRONT_COVER, cover.pictureType());
        assertTrue(cover.inBuffer());
        assertArrayEquals(JPEG, Arrays.copyOfRange(file, cover.bufferOffset(), cover.bufferOffset() + cover.size()));
        assertArrayEquals(JPEG, bytes(cover.data()));
    }

    @Test
    void id3v24Utf8TextKeepsTheFirstValueAndTheYearOfADate() {
        byte[] file = of(id3(4, 0,
                frame4("TIT2", of(3, utf8("Título"), 0)),
                frame4("TPE1", of(3, utf8("First"), 0, utf8("Second"))),
                frame4("TALB", of(2, "Bé".getBytes(StandardCharsets.UTF_16BE))),
                frame4("TDRC", of(3, "2019-05-01T10:00")),
                frame4("TRCK", of(0, "7")),
                frame4("APIC", of(3, "image/png", 0, 0, utf8("désc"), 0, PNG))), repeat(mp3Frame(), 2));

        Tags tags = TagReader.read(ByteSource.of(file));

        assertEquals("Título", tags.title());
        assertEquals("First", tags.artist());
        assertEquals("Bé", tags.album());
        assertEquals("2019", tags.year());
        assertEquals("7", tags.track());
        CoverArt picture = tags.pictures().get(0);
        assertEquals("image/png", picture.mimeType());
        assertEquals("désc", picture.description());
        assertArrayEquals(PNG, bytes(picture.data()));
        assertEquals(List.of("ID3v2.4"), tags.formats());
    }

    @Test
    void id3v24FrameUnsynchronisationWithDataLengthIndicatorIsUndone() {
        byte[] picture = of(0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0x00, 0xFF, 0xE1, 1, 2, 3);
        byte[] apic = of(0, "image/jpeg", 0, 3, 0, picture);
        byte[] unsynced = unsync(apic);
        byte[] frame = of("APIC", syncsafe(4 + unsynced.length), 0, 0x03, syncsafe(apic.length), unsynced);
        byte[] file = of(id3(4, 0, frame4("TIT2", of(0, "T")), frame), repeat(mp3Frame(), 2));

        Tags tags = TagReader.read(ByteSource.of(file));

        assertEquals("T", tags.title());
        CoverArt cover = tags.cover().orElseThrow();
        assertArrayEquals(picture, bytes(cover.data()));
        assertFalse(cover.inBuffer(), "an unsynchronised picture is a decoded copy");
    }

    @Test
    void id3v23WholeTagUnsynchronisationAndExtendedHeaderAreHandled() {
        byte[] picture = of(0xFF, 0xD8, 0xFF, 0x00, 0xFF, 0xFF, 0xE0, 9);
        byte[] extended = of(be32(6), 0, 0, be32(0));
        byte[] body = of(extended, frame3("TIT2", of(0, "Ext")), frame3("APIC", of(0, "image/jpeg", 0, 3, 0, picture)));
        byte[] unsynced = unsync(body);
        byte[] file = of("ID3", 3, 0, 0x80 | 0x40, syncsafe(unsynced.length), unsynced, repeat(mp3Frame(), 2));

        Tags tags = TagReader.read(ByteSource.of(file));

        assertEquals("Ext", tags.title());
        assertArrayEquals(picture, bytes(tags.cover().orElseThrow().data()));
    }

    @Test
    void id3v22TextFramesAndPicAreRead() {
        byte[] file = of(id3(2, 0,
                of("TT2", be24(6), 0, "Old22"),
                of("TP1", be24(4), 0, "Art"),
                of("TRK", be24(2), 0, "9"),
                of("PIC", be24(5 + 1 + JPEG.length), 0, "JPG", 4, 0, JPEG)), repeat(mp3Frame(), 2));

        Tags tags = TagReader.read(ByteSource.of(file));

        assertEquals("Old22", tags.title());
        assertEquals("Art", tags.artist());
        assertEquals("9", tags.track());
        CoverArt cover = tags.cover().orElseThrow();
        assertEquals("image/jpeg", cover.mimeType());
        assertEquals(4, cover.pictureType());
        assertArrayEquals(JPEG, bytes(cover.data()));
    }

    @Test
    void id3v24WithPlainFrameSizesFromBuggyWritersIsStillRead() {
        String longTitle = "x".repeat(200); // 201 bytes: plain size 0x000000C9 is not syncsafe-equal
        byte[] frame = of("TIT2", be32(1 + longTitle.length()), 0, 0, 0, longTitle);
        byte[] file = of(id3(4, 0, frame, frame4("TPE1", of(0, "After"))), repeat(mp3Frame(), 2));

        Tags tags = TagReader.read(ByteSource.of(file));

        assertEquals(longTitle, tags.title());
        assertEquals("After", tags.artist());
    }

    // ---- ID3v1 ----

    @Test
    void id3v11GivesTrackAndFillsWhatId3v2Lacks() {
        byte[] v1 = id3v1("V1 Title", "V1 Artist", "V1 Album", "2001", 5);
        Tags only = TagReader.read(ByteSource.of(of(repeat(mp3Frame(), 2), v1)));
        assertEquals("V1 Title", only.title());
        assertEquals("V1 Artist", only.artist());
        assertEquals("V1 Album", only.album());
        assertEquals("2001", only.year());
        assertEquals("5", only.track());
        assertEquals(List.of("ID3v1"), only.formats());

        byte[] both = of(id3(3, 0, frame3("TIT2", of(0, "V2 Title"))), repeat(mp3Frame(), 2), v1);
        Tags merged = TagReader.read(ByteSource.of(both));
        assertEquals("V2 Title", merged.title());
        assertEquals("V1 Artist", merged.artist());
        assertEquals(List.of("ID3v2.3", "ID3v1"), merged.formats());
    }

    @Test
    void id3v10WithoutTrackLeavesTrackEmpty() {
        byte[] v1 = of("TAG", pad("T", 30), pad("A", 30), pad("B", 30), "1987", pad("a comment that fills all", 30), 12);
        Tags tags = TagReader.read(ByteSource.of(of(repeat(mp3Frame(), 2), v1)));
        assertEquals("T", tags.title());
        assertEquals("", tags.track());
    }

    @Test
    void apev2BeforeId3v1IsReadAndRanksBetweenId3v2AndId3v1() {
        byte[] items = of(apeItem("Title", 0, utf8("Ape Títle")), apeItem("Artist", 0, utf8("Ape Artist")),
                apeItem("Cover Art (Front)", 2, of("cover.jpg", 0, JPEG)));
        byte[] footer = of("APETAGEX", le32(2000), le32(items.length + 32), le32(3), le32(0), zeros(8));
        byte[] file = of(id3(3, 0, frame3("TPE1", of(0, "Id3 Artist"))), repeat(mp3Frame(), 2), items, footer,
                id3v1("V1 Title", "V1 Artist", "V1 Album", "2001", 5));

        Tags tags = TagReader.read(ByteSource.of(file));

        assertEquals("Ape Títle", tags.title());
        assertEquals("Id3 Artist", tags.artist());
        assertEquals("V1 Album", tags.album());
        assertEquals(List.of("ID3v2.3", "APEv2", "ID3v1"), tags.formats());
        CoverArt cover = tags.cover().orElseThrow();
        assertEquals("image/jpeg", cover.mimeType());
        assertTrue(cover.inBuffer());
        assertArrayEquals(JPEG, bytes(cover.data()));
    }

    private static byte[] apeItem(String key, int flags, byte[] value) {
        return of(le32(value.length), le32(flags), key, 0, value);
    }

    // ---- FLAC ----

    @Test
    void flacVorbisCommentAndPictureBlocksAreRead() {
        byte[] comments = vorbisComment("reference libFLAC 1.4.3", "TITLE=Flac Title", "artist=Flac Artist",
                "ALBUM=Flac Album", "DATE=2020-02-03", "TRACKNUMBER=4", "TRACKTOTAL=9", "NOEQUALS");
        byte[] picture = flacPicture(3, "image/png", "cover", PNG);
        byte[] file = of("fLaC", 0x00, be24(34), zeros(34), 0x04, be24(comments.length), comments,
                0x01, be24(10), zeros(10), 0x86, be24(picture.length), picture, 0xFF, 0xF8, zeros(20));

        Tags tags = TagReader.read(ByteSource.of(file));

        assertEquals("Flac Title", tags.title());
        assertEquals("Flac Artist", tags.artist());
        assertEquals("Flac Album", tags.album());
        assertEquals("2020", tags.year());
        assertEquals("4/9", tags.track());
        CoverArt cover = tags.cover().orElseThrow();
        assertEquals("image/png", cover.mimeType());
        assertEquals("cover", cover.description());
        assertTrue(cover.inBuffer());
        assertArrayEquals(PNG, Arrays.copyOfRange(file, cover.bufferOffset(), cover.bufferOffset() + cover.size()));
    }

    @Test
    void flacAfterAnId3v2TagIsReadToo() {
        byte[] comments = vorbisComment("v", "TITLE=Behind ID3");
        byte[] file = of(id3(3, 0, frame3("TPE1", of(0, "Id3 Artist"))),
                "fLaC", 0x00, be24(34), zeros(34), 0x84, be24(comments.length), comments);
        Tags tags = TagReader.read(ByteSource.of(file));
        assertEquals("Behind ID3", tags.title());
        assertEquals("Id3 Artist", tags.artist());
    }

    // ---- Ogg ----

    @Test
    void oggVorbisCommentSpanningPagesWithABase64PictureIsRead() {
        byte[] picture = flacPicture(3, "image/jpeg", "", repeat(JPEG, 40)); // > 2 KB, spans pages
        String base64 = Base64.getEncoder().encodeToString(picture);
        byte[] comment = of(3, "vorbis", vorbisComment("Xiph.Org libVorbis", "TITLE=Ogg Title", "ARTIST=Ogg Artist",
                "DATE=2018", "METADATA_BLOCK_PICTURE=" + base64), 1);
        byte[] file = new OggPageWriter(0x1234)
                .packets(255, 0, of(1, "vorbis", zeros(23)))
                .packets(4, 0, comment, of(5, "vorbis", zeros(30)))
                .toByteArray();

        Tags tags = TagReader.read(ByteSource.of(file));

        assertEquals("Ogg Title", tags.title());
        assertEquals("Ogg Artist", tags.artist());
        assertEquals("2018", tags.year());
        CoverArt cover = tags.cover().orElseThrow();
        assertEquals("image/jpeg", cover.mimeType());
        assertArrayEquals(repeat(JPEG, 40), bytes(cover.data()));
        assertFalse(cover.inBuffer());
    }

    @Test
    void opusTagsAreRead() {
        byte[] file = new OggPageWriter(7)
                .packets(255, 0, of("OpusHead", 1, 2, zeros(9)))
                .packets(255, 0, of("OpusTags", vorbisComment("libopus", "TITLE=Opus Title", "TRACKNUMBER=2")))
                .toByteArray();
        Tags tags = TagReader.read(ByteSource.of(file));
        assertEquals("Opus Title", tags.title());
        assertEquals("2", tags.track());
    }

    @Test
    void oggFlacMetadataPacketsAreRead() {
        byte[] comments = vorbisComment("v", "ALBUM=Ogg Flac Album");
        byte[] file = new OggPageWriter(9)
                .packets(255, 0, of(0x7F, "FLAC", 1, 0, 0, 1, "fLaC", 0, be24(34), zeros(34)))
                .packets(255, 0, of(0x84, be24(comments.length), comments))
                .toByteArray();
        assertEquals("Ogg Flac Album", TagReader.read(ByteSource.of(file)).album());
    }

    @Test
    void aRealOggencFileHasValidCrcsAndItsTagsAreRead() throws IOException {
        byte[] file = resource("tiny-vorbis.ogg");
        int pages = 0;
        for (int p = 0; p + 27 <= file.length; pages++) {
            int segments = file[p + 26] & 0xFF;
            int length = 27 + segments;
            for (int i = 0; i < segments; i++) length += file[p + 27 + i] & 0xFF;
            int stored = ByteBuffer.wrap(file, p + 22, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            assertEquals(stored, OggPageWriter.crc(file, p, length), "CRC of page " + pages);
            p += length;
        }
        assertTrue(pages >= 2);

        Tags tags = TagReader.read(ByteSource.of(file));
        assertEquals("Fixture Title", tags.title());
        assertEquals("Fixture Artist", tags.artist());
        assertEquals("Fixture Album", tags.album());
        assertEquals("2024", tags.year());
        assertEquals("5", tags.track());
    }

    // ---- other containers ----

    @Test
    void wavListInfoIsRead() {
        byte[] info = of("INFO", "INAM", le32(6), "Wave", 0, 0, "IART", le32(3), "Me", 0, 0);
        byte[] file = of("RIFF", le32(4 + 8 + 16 + 8 + info.length), "WAVE", "fmt ", le32(16), zeros(16),
                "LIST", le32(info.length), info, "data", le32(0));
        Tags tags = TagReader.read(ByteSource.of(file));
        assertEquals("Wave", tags.title());
        assertEquals("Me", tags.artist());
    }

    @Test
    void mp4ItemListIsRead() {
        byte[] ilst = of(
                box("\u00a9nam", box("data", of(be32(1), be32(0), utf8("M4 Title")))),
                box("trkn", box("data", of(be32(0), be32(0), 0, 0, 0, 3, 0, 10, 0, 0))),
                box("covr", box("data", of(be32(14), be32(0), PNG))));
        byte[] file = of(box("ftyp", of("M4A ", be32(0), "M4A ")),
                box("moov", box("udta", box("meta", of(be32(0), box("hdlr", zeros(25)), box("ilst", ilst))))));
        Tags tags = TagReader.read(ByteSource.of(file));
        assertEquals("M4 Title", tags.title());
        assertEquals("3/10", tags.track());
        assertEquals("image/png", tags.cover().orElseThrow().mimeType());
        assertArrayEquals(PNG, bytes(tags.cover().orElseThrow().data()));
    }

    @Test
    void mp4FreeformAtomsAndTheOtherItemsAreRead() {
        byte[] ilst = of(
                box("\u00a9ART", box("data", of(be32(1), be32(0), utf8("Artist")))),
                box("\u00a9alb", box("data", of(be32(1), be32(0), utf8("Album")))),
                box("\u00a9day", box("data", of(be32(1), be32(0), utf8("2021-04-01T00:00:00Z")))),
                box("----", of(box("mean", of(be32(0), "com.apple.iTunes")), box("name", of(be32(0), "replaygain_track_gain")),
                        box("data", of(be32(1), be32(0), utf8("-6.20 dB"))))),
                box("----", of(box("mean", of(be32(0), "com.apple.iTunes")), box("name", of(be32(0), "iTunSMPB")),
                        box("data", of(be32(1), be32(0), utf8(" 00000000 00000840 000001CA 0000000000015888"))))));
        // QuickTime-style 'meta' without version and flags, straight under 'moov'
        byte[] file = of(box("ftyp", of("M4A ", be32(0), "M4A ")),
                box("moov", box("meta", of(box("hdlr", zeros(25)), box("ilst", ilst)))));
        Tags tags = TagReader.read(ByteSource.of(file));
        assertEquals("Artist", tags.artist());
        assertEquals("Album", tags.album());
        assertEquals("2021", tags.year());
        assertEquals("-6.20 dB", tags.freeform().get("replaygain_track_gain"));
        assertEquals(" 00000000 00000840 000001CA 0000000000015888".strip(), tags.freeform().get("iTunSMPB"));
    }

    // ---- hostile and truncated input ----

    @Test
    void sizesClaimingMoreThanThereIsAreNotBelieved() {
        byte[] hugeFrame = of(id3(3, 0, of("TIT2", be32(0x7FFFFFF0L), 0, 0, 0, "Big")), repeat(mp3Frame(), 2));
        assertEquals("", TagReader.read(ByteSource.of(hugeFrame)).title());

        byte[] hugePicture = of(be32(3), be32(9), "image/png", be32(0), zeros(16), be32(0x7FFFFFFFL), PNG);
        byte[] flac = of("fLaC", 0x00, be24(34), zeros(34), 0x86, be24(hugePicture.length), hugePicture);
        assertTrue(TagReader.read(ByteSource.of(flac)).pictures().isEmpty());

        byte[] comments = of(le32(1), "v", le32(0xFFFFFFFFL), le32(11), "TITLE=First", le32(0x7FFFFFFFL), "ARTIST=x");
        byte[] flacComments = of("fLaC", 0x00, be24(34), zeros(34), 0x84, be24(comments.length), comments);
        assertEquals("First", TagReader.read(ByteSource.of(flacComments)).title());
    }

    @Test
    void anId3v2TagClaiming256MiBAllocatesNothingLikeIt() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes");
        byte[] file = of("ID3", 3, 0, 0x80, 0x7F, 0x7F, 0x7F, 0x7F, frame3("TIT2", of(0, "Claims")), 0xFF, 0, 0xFF);
        TagReader.read(ByteSource.of(file));
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        Tags tags = TagReader.read(ByteSource.of(file));
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertEquals("Claims", tags.title());
        assertTrue(allocated < 1 << 20, "reading allocated " + allocated + " bytes");
    }

    @Test
    void everyTruncationOfEveryTaggedFileIsReadWithoutThrowing() {
        for (byte[] file : taggedFiles()) {
            for (int length = 0; length <= file.length; length++) {
                assertNotNull(TagReader.readUnguarded(ByteSource.of(file).slice(0, length)));
            }
        }
    }

    @Test
    void randomlyDamagedTagsAreReadWithoutThrowing() {
        java.util.Random random = new java.util.Random(2024);
        for (byte[] original : taggedFiles()) {
            for (int round = 0; round < 2000; round++) {
                byte[] file = original.clone();
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    int at = random.nextInt(file.length);
                    file[at] = random.nextInt(3) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
                }
                assertNotNull(TagReader.readUnguarded(ByteSource.of(file)), "round " + round);
            }
        }
    }

    private static List<byte[]> taggedFiles() {
        byte[] picture = flacPicture(3, "image/png", "c", PNG);
        byte[] comments = vorbisComment("v", "TITLE=t", "METADATA_BLOCK_PICTURE=" + Base64.getEncoder().encodeToString(picture));
        return List.of(
                of(id3(3, 0, frame3("TIT2", utf16("abc")), frame3("APIC", of(1, "image/jpeg", 0, 3, 0xFF, 0xFE, 0, 0, JPEG)))),
                of(id3(4, 0x80, frame4("TIT2", of(3, "x")), of("APIC", syncsafe(8), 0, 3, syncsafe(20), 0, 0xFF, 0, 0))),
                of("ID3", 3, 0, 0xC0, syncsafe(40), be32(6), zeros(6), frame3("TIT2", of(0, "x")), zeros(20)),
                of(id3(2, 0, of("PIC", be24(200), 0, "PNG", 3, 0))),
                of("fLaC", 0x00, be24(34), zeros(34), 0x04, be24(comments.length), comments, 0x86, be24(picture.length), picture),
                new OggPageWriter(1).packets(255, 0, of(1, "vorbis", zeros(23))).packets(3, 0, of(3, "vorbis", comments, 1)).toByteArray(),
                new OggPageWriter(1).packets(255, 0, of(0x7F, "FLAC", 1, 0, 0, 2, "fLaC", 0, be24(34), zeros(34)))
                        .packets(2, 0, of(0x04, be24(comments.length), comments), of(0x86, be24(picture.length), picture)).toByteArray(),
                of("RIFF", le32(60), "WAVE", "LIST", le32(20), "INFO", "INAM", le32(4), "abc", 0, "id3 ", le32(30),
                        id3(3, 0, frame3("TIT2", of(0, "w")))),
                of(repeat(mp3Frame(), 1), id3v1("a", "b", "c", "1999", 1)),
                of(repeat(mp3Frame(), 1), le32(5), le32(0), "Title", 0, "Hello", le32(8), le32(2), "Cover Art (Front)", 0, "a", 0, JPEG,
                        "APETAGEX", le32(2000), le32(32 + 4 + 4 + 6 + 5 + 4 + 4 + 18 + 8 + JPEG.length), le32(2), le32(0), zeros(8)));
    }

    @Test
    void aFileWithoutTagsGivesEmptyTags() {
        Tags tags = TagReader.read(ByteSource.of(repeat(mp3Frame(), 3)));
        assertTrue(tags.isEmpty());
        assertFalse(tags.hasCover());
        assertTrue(TagReader.read(ByteSource.of(new byte[0])).isEmpty());
    }

    // ---- builders ----

    static byte[] id3(int version, int flags, byte[]... frames) {
        byte[] body = of((Object[]) frames);
        return of("ID3", version, 0, flags, syncsafe(body.length), body);
    }

    static byte[] frame3(String id, byte[] data) {
        return of(id, be32(data.length), 0, 0, data);
    }

    static byte[] frame4(String id, byte[] data) {
        return of(id, syncsafe(data.length), 0, 0, data);
    }

    static byte[] utf16(String s) {
        return of(1, 0xFF, 0xFE, s.getBytes(StandardCharsets.UTF_16LE), 0, 0);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] unsync(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < data.length; i++) {
            out.write(data[i]);
            boolean needsZero = (data[i] & 0xFF) == 0xFF
                    && (i + 1 == data.length || (data[i + 1] & 0xE0) == 0xE0 || data[i + 1] == 0);
            if (needsZero) out.write(0);
        }
        return out.toByteArray();
    }

    static byte[] id3v1(String title, String artist, String album, String year, int track) {
        return of("TAG", pad(title, 30), pad(artist, 30), pad(album, 30), year, pad("comment", 28), 0, track, 255);
    }

    private static byte[] pad(String s, int length) {
        return Arrays.copyOf(s.getBytes(StandardCharsets.ISO_8859_1), length);
    }

    static byte[] vorbisComment(String vendor, String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] v = utf8(vendor);
        out.writeBytes(le32(v.length));
        out.writeBytes(v);
        out.writeBytes(le32(entries.length));
        for (String e : entries) {
            byte[] b = utf8(e);
            out.writeBytes(le32(b.length));
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    static byte[] flacPicture(int type, String mime, String description, byte[] data) {
        byte[] d = utf8(description);
        return of(be32(type), be32(mime.length()), mime, be32(d.length), d, be32(1), be32(1), be32(24), be32(0),
                be32(data.length), data);
    }

    private static byte[] box(String type, byte[] payload) {
        return of(be32(8 + payload.length), new String(type.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1), payload);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TagReaderTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }
}
