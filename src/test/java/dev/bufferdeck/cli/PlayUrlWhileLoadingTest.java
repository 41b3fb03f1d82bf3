package dev.bufferdeck.cli;

import dev.bufferdeck.source.LoopbackHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code play URL} starts while the body downloads: PCM is written before the server sends the rest. */
class PlayUrlWhileLoadingTest {
    @TempDir Path dir;

    private static long wholeDecodeBytes(byte[] mp3) throws Exception {
        dev.bufferdeck.repository.MediaBuffer b = new dev.bufferdeck.repository.MediaRepository(1 << 24,
                dev.bufferdeck.repository.FormatDetector.NONE).add(mp3, "t.mp3", new dev.bufferdeck.repository.Origin.BuiltIn("t"), "").buffer();
        try (dev.bufferdeck.audio.PcmDecoder d = dev.bufferdeck.audio.decode.Decoders.open(b)) {
            return d.totalFrames() * d.format().getFrameSize();
        }
    }

    @Test
    void playOutWritesPcmBeforeTheBodyHasArrivedAndTheWholeTrackInTheEnd() throws Exception {
        byte[] mp3;
        try (InputStream in = getClass().getResourceAsStream("/dev/bufferdeck/audio/mp3-seek-16k-6s.mp3")) {
            mp3 = in.readAllBytes();
        }
        int half = mp3.length / 2;
        CountDownLatch rest = new CountDownLatch(1);
        try (LoopbackHttpServer server = LoopbackHttpServer.start("test-server-half", ex -> {
            ex.getResponseHeaders().add("Content-Type", "audio/mpeg");
            ex.sendResponseHeaders(200, mp3.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(mp3, 0, half);
                out.flush();
                rest.await(30, TimeUnit.SECONDS);
                out.write(mp3, half, mp3.length - half);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            Path wav = dir.resolve("out.wav");
            String url = server.url("/t.mp3");
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("play", "--out", wav.toString(), url));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while ((!Files.exists(wav) || Files.size(wav) < 44 + 32_000) && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(Files.size(wav) >= 44 + 32_000, "a second of PCM was written while half of the body was still to come");
            assertTrue(!run.isDone());
            rest.countDown();
            CliRun done = run.get(30, TimeUnit.SECONDS);
            assertEquals(0, done.status(), done.stderr());
            long data = Files.size(wav) - 44;
            assertEquals(wholeDecodeBytes(mp3), data, "the whole track");
        }
    }
}
