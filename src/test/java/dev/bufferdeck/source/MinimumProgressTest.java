package dev.bufferdeck.source;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body that trickles (a byte every few tenths of a second resets the idle timeout forever) is a
 * stall by the minimum-progress rule, and the message says how much arrived and how fast; a slow
 * but honest body still loads. Scaled down: 1 KiB per second instead of 16 KiB a minute.
 */
class MinimumProgressTest {
    private static final HttpSettings SETTINGS = HttpSettings.DEFAULTS
            .withConnectTimeout(Duration.ofSeconds(2))
            .withResponseTimeout(Duration.ofSeconds(2))
            .withIdleTimeout(Duration.ofMillis(700))
            .withMinimumProgress(1024, Duration.ofSeconds(1));

    private final MediaRepository repository = new MediaRepository(16L << 20, FormatDetector.NONE);

    /** Sends a head announcing {@code length} bytes, then {@code piece} bytes every {@code everyMillis}. */
    private static RawHttpServer.Script trickle(int length, int piece, long everyMillis) {
        return (socket, head) -> {
            RawHttpServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nContent-Length: " + length + "\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            for (int sent = 0; sent < length; sent += piece) {
                out.write(new byte[Math.min(piece, length - sent)]);
                out.flush();
                Thread.sleep(everyMillis);
            }
        };
    }

    @Test
    void aTricklingBodyIsAStallThatSaysHowMuchArrivedAndHowFast() throws Exception {
        try (RawHttpServer server = new RawHttpServer(trickle(100_000, 1, 100));
             SourceLoader loader = new SourceLoader(repository, SETTINGS)) {
            String url = server.url("/slow.mp3");
            long start = System.nanoTime();
            LoadException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(LoadException.class, () -> loader.load(url)));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(LoadException.Kind.TIMEOUT, e.kind());
            assertTrue(e.getMessage().matches("\\Q" + url + "\\E: too slow \\(stalled\\): \\d+ B arrived in 1(\\.\\d)? s "
                    + "\\(\\d+(\\.\\d)? B/s\\), below the 1 KiB per 1 s a load needs, after \\d+ B of 97\\.7 KiB"), e.getMessage());
            assertTrue(millis < 3_000, "took " + millis + " ms");
            assertEquals(0, repository.count());
        }
    }

    @Test
    void aSlowButHonestBodyStillLoads() throws Exception {
        try (RawHttpServer server = new RawHttpServer(trickle(6_000, 300, 100));
             SourceLoader loader = new SourceLoader(repository, SETTINGS)) {
            assertEquals(6_000, loader.load(server.url("/honest.mp3")).buffer().size());
        }
    }
}
