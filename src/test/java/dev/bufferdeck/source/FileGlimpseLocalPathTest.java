package dev.bufferdeck.source;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which locations are local files: a path or a file: URL, not a URL of another scheme. */
class FileGlimpseLocalPathTest {
    @Test
    void pathsAndFileUrlsAreLocalOtherSchemesAreNot() {
        assertEquals(Path.of("/music/a.mp3"), FileGlimpse.localPath("/music/a.mp3"));
        assertEquals(Path.of("a b.flac"), FileGlimpse.localPath("a b.flac"));
        assertEquals(Path.of("/music/a b.mp3"), FileGlimpse.localPath("file:///music/a%20b.mp3"));
        assertEquals(Path.of("/music/a.mp3"), FileGlimpse.localPath("FILE:///music/a.mp3"));
        assertEquals(Path.of("C:/music/a.mp3"), FileGlimpse.localPath("C:/music/a.mp3"), "a Windows drive is no scheme");
        assertNull(FileGlimpse.localPath("http://127.0.0.1:8080/a.mp3"));
        assertNull(FileGlimpse.localPath("https://example.org/radio"));
        assertNull(FileGlimpse.localPath("icy+http://example.org/radio"));
        assertNull(FileGlimpse.localPath("  "));
        assertNull(FileGlimpse.localPath(null));
    }
}
