package dev.bufferdeck.cli;

import dev.bufferdeck.source.IcecastServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code info} and {@code play} on Ogg and AAC internet radio (an Icecast-style server on 127.0.0.1). */
class LiveOggCliTest {
    @TempDir Path dir;

    private static byte[] station(String... resources) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : resources) {
            try (InputStream in = LiveOggCliTest.class.getResourceAsStream("/dev/bufferdeck/audio/" + name)) {
                out.writeBytes(in.readAllBytes());
            }
        }
        return out.toByteArray();
    }

    @Test
    void playEndPrintsEachOggLinksTitleAsItIsHeardAndStopsAfterThatMuchAudio() throws Exception {
        byte[] audio = station("link-vorbis-22k-mono.ogg", "link-vorbis-44k-stereo.ogg");
        try (IcecastServer server = new IcecastServer(audio, 0, k -> null, 40_000, n -> -1).withContentType("application/ogg")) {
            Path wav = dir.resolve("radio.wav");
            CliRun run = CliRun.of("play", "--out", wav.toString(), "--end", "2", server.url("/stream"));
            assertEquals(0, run.status(), run.stderr());
            // links of 0.5 s and 0.4 s: in 2 s the titles change four times after the first
            List<String> lines = run.outLines();
            assertTrue(lines.get(0).startsWith("Playing "), lines.toString());
            assertEquals(List.of("Title: Artist A - First Song", "Title: Second Song", "Title: Artist A - First Song",
                    "Title: Second Song", "Title: Artist A - First Song"), lines.subList(1, lines.size()));
            assertEquals(2 * 22_050, AudioSystem.getAudioFileFormat(wav.toFile()).getFrameLength());
        }
    }

    @Test
    void infoOnOggAndAacRadioReportsFormatRateChannelsAndTitle() throws Exception {
        byte[] opus = station("link-opus-stereo.opus", "link-opus-mono.opus");
        try (IcecastServer server = new IcecastServer(opus, 0, k -> null, 20_000, n -> -1).withContentType("audio/ogg")) {
            Map<String, Object> json = MiniJsonParser.object(CliRun.of("info", "--json", server.url("/stream")).out().strip());
            assertEquals(Boolean.TRUE, json.get("live"));
            assertTrue(String.valueOf(json.get("codec")).contains("Opus"), json.toString());
            assertEquals(new BigDecimal(48000), json.get("sampleRate"));
            assertEquals(new BigDecimal(2), json.get("channels"));
            assertEquals("Artist B - Opus Two", json.get("title"));
            assertEquals("Test Radio", json.get("icyName"));
        }
        byte[] aac = station("link-adts-44k-stereo.aac");
        try (IcecastServer server = new IcecastServer(aac, 2048, k -> "Now " + k, 20_000, n -> -1).withContentType("audio/aac")) {
            CliRun text = CliRun.of("info", server.url("/stream"));
            assertEquals(0, text.status(), text.stderr());
            Map<String, Object> json = MiniJsonParser.object(CliRun.of("info", "--json", server.url("/stream")).out().strip());
            assertTrue(String.valueOf(json.get("codec")).contains("AAC"), json.toString());
            assertEquals(new BigDecimal(44100), json.get("sampleRate"));
            assertEquals(new BigDecimal(2), json.get("channels"));
            assertTrue(String.valueOf(json.get("title")).startsWith("Now "), json.toString());
        }
    }
}
