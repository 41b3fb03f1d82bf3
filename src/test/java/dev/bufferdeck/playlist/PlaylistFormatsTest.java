package dev.bufferdeck.playlist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaylistFormatsTest {
    @TempDir Path dir;

    private List<PlaylistEntry> sample() {
        return List.of(
                PlaylistEntry.unloaded(dir.resolve("Ünïcödé & <odd> \"name\".mp3").toString(), "Café, del Mar — Ω", 252_000),
                PlaylistEntry.unloaded("https://radio.example.org/stream?id=1&fmt=ogg", "A stream", PlaylistEntry.UNKNOWN_DURATION),
                PlaylistEntry.unloaded(dir.resolve("sub dir/plain.flac").toString(), "", 61_000),
                PlaylistEntry.unloaded(dir.resolve("no-title-no-length.wav").toString(), "", PlaylistEntry.UNKNOWN_DURATION));
    }

    @ParameterizedTest
    @EnumSource(PlaylistFormat.class)
    void roundTripThroughAFileKeepsOriginsTitlesAndDurations(PlaylistFormat format) throws Exception {
        Path file = dir.resolve("list." + format.extension());
        PlaylistFiles.write(file, sample());
        assertEquals(sample(), PlaylistFiles.read(file));
    }

    @ParameterizedTest
    @EnumSource(PlaylistFormat.class)
    void emptyPlaylistRoundTrips(PlaylistFormat format) throws Exception {
        assertEquals(List.of(), format.read(format.write(List.of()), null));
    }

    @Test
    void m3u8IsWrittenAsUtf8WithHeaderAndExtinf() {
        String text = new String(PlaylistFormat.M3U8.write(sample()), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("#EXTM3U\n#EXTINF:252,Café, del Mar — Ω\n"), text);
        assertTrue(text.contains("#EXTINF:-1,A stream\nhttps://radio.example.org/stream?id=1&fmt=ogg\n"), text);
    }

    @Test
    void m3uUsesLatin1WhenEverythingFitsAndReadsItBack() throws Exception {
        List<PlaylistEntry> latin = List.of(PlaylistEntry.unloaded("/música/canción.mp3", "Canción", 3000));
        byte[] bytes = PlaylistFormat.M3U.write(latin);
        assertArrayEquals("#EXTM3U\n#EXTINF:3,Canción\n/música/canción.mp3\n".getBytes(StandardCharsets.ISO_8859_1), bytes);
        assertEquals(latin, PlaylistFormat.M3U.read(bytes, null));
    }

    @Test
    void m3uWithUtf8BytesIsDetectedAsUtf8() throws Exception {
        byte[] bytes = "/música/日本.mp3\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("/música/日本.mp3", PlaylistFormat.M3U.read(bytes, null).get(0).origin());
    }

    @Test
    void m3uQuirksCrlfBomCommentsBlankLinesAndRelativePaths() throws Exception {
        Path list = dir.resolve("lists/mix.m3u");
        String text = "\uFEFF#EXTM3U\r\n\r\n# a comment\r\n#EXTINF:12.6,Artist - Song\r\n  ../music/song.mp3  \r\n"
                + "#EXTVLCOPT:network-caching=1000\r\nhttp://example.org/a.ogg\r\n\r\nsub\\other.flac";
        List<PlaylistEntry> read = PlaylistFormat.M3U.read(text.getBytes(StandardCharsets.UTF_8), list.toString());
        assertEquals(List.of(
                PlaylistEntry.unloaded(dir.resolve("music/song.mp3").toString(), "Artist - Song", 12_600),
                PlaylistEntry.unloaded("http://example.org/a.ogg", "", PlaylistEntry.UNKNOWN_DURATION),
                PlaylistEntry.unloaded(dir.resolve("lists/sub/other.flac").toString(), "", PlaylistEntry.UNKNOWN_DURATION)), read);
    }

    @Test
    void extinfWithIptvAttributesTakesTheTitleAfterTheQuotedCommas() throws Exception {
        String text = "#EXTM3U\n#EXTINF:-1 tvg-name=\"News, 24h\" group-title=\"A,B\",News Channel\nhttp://tv.example/news\n";
        PlaylistEntry e = PlaylistFormat.M3U8.read(text.getBytes(StandardCharsets.UTF_8), null).get(0);
        assertEquals("News Channel", e.title());
        assertEquals(PlaylistEntry.UNKNOWN_DURATION, e.durationMillis());
    }

    @Test
    void fileUrlsInM3uBecomePathsAndRelativeEntriesOfARemotePlaylistBecomeUrls() throws Exception {
        String text = "file:///srv/music/a%20b.mp3\nsongs/c d.mp3\n";
        List<PlaylistEntry> read = PlaylistFormat.M3U.read(text.getBytes(StandardCharsets.UTF_8), "http://example.org/lists/x.m3u");
        assertEquals("/srv/music/a b.mp3", read.get(0).origin());
        assertEquals("http://example.org/lists/songs/c%20d.mp3", read.get(1).origin());
    }

    @Test
    void plsIsWrittenInTheVersion2Layout() {
        String text = new String(PlaylistFormat.PLS.write(List.of(
                PlaylistEntry.unloaded("/m/a.mp3", "A", 61_400),
                PlaylistEntry.unloaded("http://s.example/live", "", PlaylistEntry.UNKNOWN_DURATION))), StandardCharsets.ISO_8859_1);
        assertEquals("[playlist]\nFile1=/m/a.mp3\nTitle1=A\nLength1=61\nFile2=http://s.example/live\nLength2=-1\n"
                + "NumberOfEntries=2\nVersion=2\n", text);
    }

    @Test
    void plsQuirksMissingCountCaseAndOrderAndRelativePaths() throws Exception {
        Path list = dir.resolve("radio.pls");
        String text = "\r\n[Playlist]\r\n; comment\r\nfile2=http://b.example/stream\r\nTITLE2=Second\r\n"
                + "File1=local/one.ogg\r\nLength1=30\r\nTitle1=First\r\n\r\nVersion=2\r\n";
        assertEquals(List.of(
                PlaylistEntry.unloaded(dir.resolve("local/one.ogg").toString(), "First", 30_000),
                PlaylistEntry.unloaded("http://b.example/stream", "Second", PlaylistEntry.UNKNOWN_DURATION)),
                PlaylistFormat.PLS.read(text.getBytes(StandardCharsets.ISO_8859_1), list.toString()));
    }

    @Test
    void somethingThatIsNotPlsGetsAReadableMessage() {
        PlaylistFormatException e = assertThrows(PlaylistFormatException.class,
                () -> PlaylistFormat.PLS.read("hello\nworld".getBytes(StandardCharsets.UTF_8), null));
        assertEquals("not a PLS playlist: no [playlist] section and no File1= line", e.getMessage());
    }

    @Test
    void xspfIsWellFormedEscapedXml() throws Exception {
        String text = new String(PlaylistFormat.XSPF.write(sample()), StandardCharsets.UTF_8);
        assertTrue(text.contains("<title>Café, del Mar — Ω</title>"), text);
        assertTrue(text.contains("<location>https://radio.example.org/stream?id=1&amp;fmt=ogg</location>"), text);
        assertTrue(text.contains("%20&amp;%20%3Codd%3E%20%22name%22.mp3</location>"), text);
        assertTrue(text.contains("<duration>252000</duration>"), text);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void xspfDropsCharactersXmlCannotHold() throws Exception {
        List<PlaylistEntry> in = List.of(PlaylistEntry.unloaded("/a.mp3", "bell\u0007 and <tag>", 1000));
        PlaylistEntry out = PlaylistFormat.XSPF.read(PlaylistFormat.XSPF.write(in), null).get(0);
        assertEquals("bell and <tag>", out.title());
    }

    @Test
    void xspfRelativeLocationsResolveAgainstThePlaylistFolder() throws Exception {
        String xml = "<?xml version='1.0'?>\n<playlist version='1' xmlns='http://xspf.org/ns/0/'><trackList>"
                + "<track><location>music/a%20b.mp3</location><title> T </title><duration>x</duration></track>"
                + "<track><title>no location: skipped</title></track>"
                + "</trackList></playlist>";
        List<PlaylistEntry> read = PlaylistFormat.XSPF.read(xml.getBytes(StandardCharsets.UTF_8), dir.resolve("p.xspf").toString());
        assertEquals(List.of(PlaylistEntry.unloaded(dir.resolve("music/a b.mp3").toString(), "T", PlaylistEntry.UNKNOWN_DURATION)), read);
    }

    @Test
    void xspfWithAnotherRootElementIsRefusedReadably() {
        PlaylistFormatException e = assertThrows(PlaylistFormatException.class,
                () -> PlaylistFormat.XSPF.read("<html><body/></html>".getBytes(StandardCharsets.UTF_8), null));
        assertEquals("not an XSPF playlist: the root element is <html>, not <playlist>", e.getMessage());
    }

    @Test
    void brokenXmlNamesTheLine() {
        PlaylistFormatException e = assertThrows(PlaylistFormatException.class,
                () -> PlaylistFormat.XSPF.read("<playlist>\n<trackList>\n</playlist>".getBytes(StandardCharsets.UTF_8), null));
        assertTrue(e.getMessage().startsWith("not valid XML at line 3"), e.getMessage());
    }

    @Test
    void formatComesFromTheExtensionOrTheContent(@TempDir Path other) throws Exception {
        assertEquals(PlaylistFormat.M3U8, PlaylistFormat.forFileName("A.M3U8").orElseThrow());
        assertEquals(PlaylistFormat.PLS, PlaylistFormat.sniff("\n[playlist]\nFile1=a".getBytes(StandardCharsets.UTF_8)).orElseThrow());
        Path noExtension = other.resolve("download");
        Files.write(noExtension, PlaylistFormat.XSPF.write(List.of(PlaylistEntry.unloaded("/x.mp3", "X", 1))));
        assertEquals("X", PlaylistFiles.read(noExtension).get(0).title());
    }

    @Test
    void unknownFilesAndMissingFilesGetOneLineMessages() throws Exception {
        Path junk = dir.resolve("notes.txt");
        Files.writeString(junk, "just text");
        PlaylistFormatException e = assertThrows(PlaylistFormatException.class, () -> PlaylistFiles.read(junk));
        assertEquals("playlist " + junk + ": not a known playlist format (use .m3u, .m3u8, .pls or .xspf)", e.getMessage());
        Path missing = dir.resolve("gone.m3u");
        e = assertThrows(PlaylistFormatException.class, () -> PlaylistFiles.read(missing));
        assertEquals("playlist " + missing + ": no such file", e.getMessage());
    }
}
