package dev.bufferdeck.format;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.repository.FormatDetector.Detection;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static dev.bufferdeck.format.TestBytes.be32;
import static dev.bufferdeck.format.TestBytes.mp3Frame;
import static dev.bufferdeck.format.TestBytes.of;
import static dev.bufferdeck.format.TestBytes.repeat;
import static dev.bufferdeck.format.TestBytes.zeros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatMismatchTest {
    private static final Map<String, byte[]> SAMPLES = Map.of(
            "html", "<!DOCTYPE html><html><body>404 Not Found</body></html>".getBytes(StandardCharsets.UTF_8),
            "mp3", repeat(mp3Frame(), 3),
            "flac", of("fLaC", 0x80, 0, 0, 34, zeros(34)),
            "opus", FormatSnifferTest.oggFirstPage(of("OpusHead", 1, 2, zeros(9))),
            "oggflac", FormatSnifferTest.oggFirstPage(of(0x7F, "FLAC", 1, 0, 0, 1, "fLaC", zeros(38))),
            "m4a", of(be32(24), "ftyp", "M4A ", be32(0), "M4A ", "isom"),
            "mp4", of(be32(24), "ftyp", "isom", be32(0), "isom", "avc1"),
            "png", of(0x89, "PNG", 0x0D, 0x0A, 0x1A, 0x0A, be32(13), "IHDR"),
            "empty", new byte[0],
            "noise", of(0, 1, 2, 3, 0xFE, 0x80, 0x81));

    private final FormatSniffer sniffer = new FormatSniffer();

    @ParameterizedTest(name = "{0} declared as \"{1}\" → mismatch={2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "html    | mp3                       | true  | HTML document where the name says MP3",
            "html    | .MP3                      | true  | HTML document where the name says MP3",
            "html    | audio/mpeg                | true  | HTML document where the Content-Type says audio/mpeg",
            "html    | audio/x-something         | true  | HTML document where the Content-Type says audio/x-something",
            "html    | video/mp4                 | true  | HTML document where the Content-Type says video/mp4",
            "png     | ogg                       | true  | PNG image where the name says OGG",
            "empty   | mp3                       | true  | Empty file where the name says MP3",
            "flac    | mp3                       | true  | FLAC audio where the name says MP3",
            "mp3     | audio/flac                | true  | MP3 audio where the Content-Type says audio/flac",
            "mp4     | mp3                       | true  | MP4 video where the name says MP3",
            "opus    | ogg                       | false | ''",
            "opus    | audio/ogg                 | false | ''",
            "oggflac | flac                      | false | ''",
            "m4a     | audio/mp4                 | false | ''",
            "m4a     | mp4                       | false | ''",
            "mp4     | m4a                       | false | ''",
            "m4a     | aac                       | false | ''",
            "mp3     | mp3                       | false | ''",
            "mp3     | audio/mpeg; charset=binary| false | ''",
            "mp3     | audio/x-unheard-of        | false | ''",
            "html    | ''                        | false | ''",
            "html    | html                      | false | ''",
            "html    | text/html; charset=utf-8  | false | ''",
            "html    | application/octet-stream  | false | ''",
            "mp3     | txt                       | false | ''",
            "noise   | mp3                       | false | ''",
    })
    void flagsBytesThatBreakTheDeclaredMediaType(String sample, String declared, boolean mismatch, String note) {
        Detection d = sniffer.detect(ByteSource.of(SAMPLES.get(sample)), declared == null ? "" : declared);
        assertEquals(mismatch, d.mismatch(), d.toString());
        assertEquals(note, d.note());
    }

    @Test
    void theRepositoryStoresTheDetectionOnTheBuffer() throws Exception {
        MediaRepository repository = new MediaRepository(1 << 20, sniffer);
        MediaBuffer html = repository.add(SAMPLES.get("html"), "song.mp3", new Origin.File(Path.of("song.mp3")), "mp3").buffer();
        assertEquals(MediaFormat.HTML, html.detectedFormat());
        assertTrue(html.typeMismatch());
        assertEquals("HTML document where the name says MP3", html.mismatchNote());

        MediaBuffer opus = repository.add(SAMPLES.get("opus"), "a.ogg", new Origin.File(Path.of("a.ogg")), "ogg").buffer();
        assertEquals(MediaFormat.OGG_OPUS, opus.detectedFormat());
        assertEquals("Ogg Opus", opus.detectedFormat().displayName());
        assertFalse(opus.typeMismatch());
    }
}
