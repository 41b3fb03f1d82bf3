package dev.bufferdeck.cli;

import dev.bufferdeck.source.IcecastServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code info} on internet radio reads a couple of seconds, says what the stream is and stops. */
class LiveInfoTest {

    private static byte[] audio() throws Exception {
        try (InputStream in = LiveInfoTest.class.getResourceAsStream("/dev/bufferdeck/audio/mp3-seek-16k-6s.mp3")) {
            return in.readAllBytes();
        }
    }

    @Test
    void infoOnALiveStreamReportsItsFormatStationAndTitleWithinTwoSecondsAndExitsZero() throws Exception {
        try (IcecastServer server = new IcecastServer(audio(), 8192, k -> "Artist - Song " + k, 24_000, n -> -1)) {
            CliRun text = CliRun.of("info", server.url("/stream"));
            assertEquals(0, text.status(), text.stderr());
            String out = text.out();
            java.util.regex.Matcher read = java.util.regex.Pattern.compile("live stream: +yes \\((\\d+) bytes read\\)").matcher(out);
            assertTrue(read.find(), out);
            // the server sends 24,000 bytes a second: what was read took at most 2 s (plus one socket buffer)
            assertTrue(Long.parseLong(read.group(1)) <= 2 * 24_000 + 16_384, out);
            assertTrue(out.contains("icy-name") && out.contains("Test Radio"), out);
            assertTrue(out.contains("Test Beats"), out);
            assertTrue(out.matches("(?s).*title: +Artist - Song \\d+\n.*"), "the newest title: " + out);
            assertTrue(out.contains("16000 Hz"), out);

            Map<String, Object> json = MiniJsonParser.object(CliRun.of("info", "--json", server.url("/stream")).out().strip());
            assertEquals(Boolean.TRUE, json.get("live"));
            assertEquals("MP3", json.get("codec"));
            assertEquals(new BigDecimal(16000), json.get("sampleRate"));
            assertEquals(new BigDecimal(1), json.get("channels"));
            assertEquals("Test Radio", json.get("icyName"));
            assertEquals("Test Beats", json.get("icyGenre"));
            assertTrue(String.valueOf(json.get("title")).startsWith("Artist - Song "), json.toString());
        }
    }
}
