package dev.bufferdeck.source;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropPayloadTest {
    @TempDir
    Path dir;

    @Test
    void uriListSkipsCommentsAndBlankLines() {
        String list = "# dragged from a browser\r\nhttp://a.example/1.mp3\r\n\r\n# another\r\nfile:///tmp/x.ogg\r\n";
        assertEquals(List.of("http://a.example/1.mp3", "file:///tmp/x.ogg"), DropPayload.parseUriList(list));
    }

    @Test
    void mozUrlTakesEveryOtherLineAsUrl() {
        String moz = "https://a.example/song.mp3\nA song\nhttps://b.example/x.ogg\nAnother title";
        assertEquals(List.of("https://a.example/song.mp3", "https://b.example/x.ogg"), DropPayload.parseMozUrl(moz));
    }

    @Test
    void mozUrlDecodedWithStrayNulsStillParses() {
        String moz = "h\u0000t\u0000t\u0000p\u0000://a.example/a.mp3\u0000\n\u0000T\u0000";
        assertEquals(List.of("http://a.example/a.mp3"), DropPayload.parseMozUrl(moz));
    }

    @Test
    void plainTextYieldsEveryHttpUrlWithoutTrailingPunctuation() {
        String text = "Listen to https://a.example/x.mp3, then (see http://b.example/y.ogg). "
                + "Not ftp://c.example/z.mp3 nor mailto:someone@example.com; "
                + "but https://en.wikipedia.org/wiki/Foo_(band) too!";
        assertEquals(List.of("https://a.example/x.mp3", "http://b.example/y.ogg",
                "https://en.wikipedia.org/wiki/Foo_(band)"), DropPayload.urlsInText(text));
    }

    @Test
    void textWithoutUrlsYieldsNothing() {
        assertTrue(DropPayload.urlsInText("just some words, http:// and https://").isEmpty());
        assertTrue(DropPayload.urlsInText(null).isEmpty());
    }

    @Test
    void sameFileOfferedAsPathAndFileUrlIsKeptOnce() {
        Path file = dir.resolve("a.mp3");
        DropPayload p = new DropPayload()
                .addFiles(List.of(file.toFile()))
                .addUriList(file.toUri() + "\r\n")
                .addText("https://x.example/a.mp3")
                .addUrl("https://x.example/a.mp3");
        assertEquals(List.of(file.toAbsolutePath().toString(), "https://x.example/a.mp3"), p.sources());
    }

    @Test
    void mimeTypeOfFormatNames() {
        assertEquals("audio/mpeg", DropPayload.mimeTypeOf("audio/mpeg"));
        assertNull(DropPayload.mimeTypeOf("application.x-java-file-list"));
    }

    @Test
    void loadingADropExpandsFoldersAndAddsRawBytesAsDropped() throws Exception {
        Files.createDirectories(dir.resolve("album"));
        Files.write(dir.resolve("album/1.mp3"), new byte[] {1});
        Files.write(dir.resolve("album/2.ogg"), new byte[] {2});
        Files.write(dir.resolve("album/notes.txt"), new byte[] {3});
        MediaRepository repository = new MediaRepository(1 << 20, FormatDetector.NONE);
        try (SourceLoader loader = new SourceLoader(repository)) {
            DropPayload p = new DropPayload()
                    .addFile(dir.resolve("album"))
                    .addUrl("gopher://old.example/x")
                    .addBytes(new byte[] {4, 5}, "audio/ogg", "clip.ogg");

            List<LoadOutcome> outcomes = loader.load(p, LoadProgress.NONE, new Cancellation());

            assertEquals(4, outcomes.size());
            assertTrue(outcomes.get(0).ok());
            assertTrue(outcomes.get(1).ok());
            assertFalse(outcomes.get(2).ok());
            assertEquals("gopher://old.example/x: scheme gopher refused (only http and https)",
                    outcomes.get(2).error().getMessage());
            LoadOutcome dropped = outcomes.get(3);
            assertTrue(dropped.ok());
            assertEquals("clip.ogg", dropped.result().buffer().name());
            assertEquals(new Origin.Dropped("audio/ogg", "dropped audio/ogg"), dropped.result().buffer().origin());
            assertEquals("audio/ogg", dropped.result().buffer().declaredType());
            assertEquals(3, repository.count());
        }
    }
}
