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
            long t0 = System.nanoTime();
            CliRun text = CliRun.of("info", server.url("/stream"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(0, text.status(), text.stderr());
            assertTrue(seconds < 4, "took " + seconds + " s");
            String out = text.out();
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
