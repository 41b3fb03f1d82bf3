package dev.bufferdeck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class InfoAudioSectionTest {
    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int info(String... args) {
        return Cli.run("info", List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/dev/bufferdeck/audio/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    @Test
    void jsonHasTheAudioFacts() throws Exception {
        assertEquals(Command.OK, info("--json", fixture("mp3-cbr-44k-mono.mp3").toString()));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"codec\":\"MP3\""), json);
        assertTrue(json.contains("\"sampleRate\":44100"), json);
        assertTrue(json.contains("\"channels\":1"), json);
        assertTrue(json.contains("\"bits\":null"), json);
        assertTrue(json.contains("\"bitrate\":64"), json);
        assertTrue(json.contains("\"vbr\":false"), json);
        assertTrue(json.contains("\"durationSeconds\":0.400"), json);
        assertTrue(json.contains("\"totalFrames\":17640"), json);
    }

    @Test
    void textShowsTheFormatLineAndDuration() throws Exception {
        assertEquals(Command.OK, info(fixture("flac-48k-stereo-24bit.flac").toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("FLAC · 48 kHz · stereo · 24-bit · 0:00"), text);
        assertTrue(text.contains("0.100 s"), text);
        assertTrue(text.contains("48000 Hz"), text);
    }

    @Test
    void notAudioGetsNullsAndAReason() throws Exception {
        Path page = dir.resolve("page.mp3");
        Files.writeString(page, "<!DOCTYPE html><html><body>Not found</body></html>");
        assertEquals(Command.OK, info("--json", page.toString()));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"codec\":null"), json);
        assertTrue(json.contains("\"durationSeconds\":null"), json);
        assertTrue(json.contains("\"audioError\":\"page.mp3"), json);
    }
}
