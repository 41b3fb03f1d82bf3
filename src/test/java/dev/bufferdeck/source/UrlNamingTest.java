package dev.bufferdeck.source;

import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlNamingTest {

    @Test
    void nameIsTheDecodedLastPathSegmentOrTheHost() {
        assertEquals("My Song (live).mp3", UrlNaming.nameOf(URI.create("http://h.example/a/My%20Song%20(live).mp3?x=1")));
        assertEquals("Jóga.flac", UrlNaming.nameOf(URI.create("https://h.example/J%C3%B3ga.flac")));
        assertEquals("a+b.ogg", UrlNaming.nameOf(URI.create("https://h.example/a+b.ogg")));
        assertEquals("album", UrlNaming.nameOf(URI.create("https://h.example/music/album/")));
        assertEquals("h.example", UrlNaming.nameOf(URI.create("https://h.example/")));
        assertEquals("h.example", UrlNaming.nameOf(URI.create("https://h.example")));
    }

    @Test
    void contentDispositionNameWinsAndIsNeverAPath() {
        URI uri = URI.create("https://h.example/download.php?id=3");
        assertEquals("Song.mp3", UrlNaming.nameOf(disposition("attachment; filename=\"Song.mp3\""), uri));
        assertEquals("Jóga.flac", UrlNaming.nameOf(disposition("attachment; filename=\"x.flac\"; filename*=UTF-8''J%C3%B3ga.flac"), uri));
        assertEquals("passwd", UrlNaming.nameOf(disposition("attachment; filename=\"../../etc/passwd\""), uri));
        assertEquals("download.php", UrlNaming.nameOf(disposition("inline"), uri));
        assertEquals("download.php", UrlNaming.nameOf(new BasicClassicHttpResponse(200), uri));
    }

    private static BasicClassicHttpResponse disposition(String value) {
        BasicClassicHttpResponse r = new BasicClassicHttpResponse(200);
        r.addHeader("Content-Disposition", value);
        return r;
    }

    @Test
    void pastedUrlWithSpacesIsQuoted() throws LoadException {
        URI uri = SourceLoader.parseUrl("http://h.example/my song.mp3");
        assertEquals("/my%20song.mp3", uri.getRawPath());
        assertEquals("my song.mp3", UrlNaming.nameOf(uri));
    }

    @Test
    void garbageIsNotAUrl() {
        LoadException e = assertThrows(LoadException.class, () -> SourceLoader.parseUrl("http://[bad/x"));
        assertTrue(e.getMessage().startsWith("http://[bad/x: not a valid URL"), e.getMessage());
    }

    @Test
    void pathsAreNotUrls() {
        assertTrue(SourceLoader.isUrl("https://h.example/a.mp3"));
        assertTrue(SourceLoader.isUrl("file:///tmp/a.mp3"));
        assertTrue(SourceLoader.isUrl("ftp://h.example/a.mp3"));
        assertFalse(SourceLoader.isUrl("/home/me/a.mp3"));
        assertFalse(SourceLoader.isUrl("C:\\Music\\a.mp3"));
        assertFalse(SourceLoader.isUrl("C:/Music/a.mp3"));
        assertFalse(SourceLoader.isUrl("relative/a.mp3"));
    }
}
