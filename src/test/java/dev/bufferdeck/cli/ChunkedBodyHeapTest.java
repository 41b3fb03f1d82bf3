package dev.bufferdeck.cli;

import com.sun.net.httpserver.HttpExchange;
import dev.bufferdeck.source.LoopbackHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #18 item 7, measured on a real heap: {@code bufferdeck info} in a forked JVM with {@value #HEAP}
 * and a 128 MiB budget loads a chunked WAV of 95 % of that budget (121.6 MiB). Held twice it would
 * need 243 MiB, more than the heap; held once it fits, and the SHA-256 is that of the bytes served.
 */
class ChunkedBodyHeapTest {
    private static final String HEAP = "-Xmx176m";
    private static final long BODY = (long) ((128L << 20) * 0.95);
    private static final int BLOCK = 64 * 1024;

    private LoopbackHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.start("test-server-heap", this::serveChunked);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A 16-bit stereo 44.1 kHz WAV of {@link #BODY} bytes, made block by block as it is sent. */
    private static void wav(OutputStream out) throws IOException {
        int data = (int) (BODY - 44);
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        h.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(44100).putInt(44100 * 4).putShort((short) 4).putShort((short) 16);
        h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        out.write(h.array());
        byte[] block = new byte[BLOCK];
        for (long at = 0; at < data; at += BLOCK) {
            for (int i = 0; i < BLOCK; i++) block[i] = (byte) ((at + i) * 31 >>> 3);
            out.write(block, 0, (int) Math.min(BLOCK, data - at));
        }
    }

    private void serveChunked(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getResponseHeaders().add("Content-Type", "audio/wav");
            ex.sendResponseHeaders(200, 0);
            wav(ex.getResponseBody());
        }
    }

    private static String sha256OfBody() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        wav(new OutputStream() {
            @Override public void write(int b) { sha.update((byte) b); }
            @Override public void write(byte[] b, int off, int len) { sha.update(b, off, len); }
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    @Timeout(120)
    void aChunkedBodyOfNinetyFivePercentOfTheBudgetLoadsInAHeapTooSmallToHoldItTwice() throws Exception {
        String url = server.url("/big.wav");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(java, HEAP, "-Dbufferdeck.budget=128M", "-cp", classPath,
                "dev.bufferdeck.Main", "info", "--json", url).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(100, TimeUnit.SECONDS), "info did not finish");

        assertFalse(err.contains("OutOfMemoryError"), err);
        assertEquals(0, p.exitValue(), err);
        assertTrue(out.contains("\"size\": " + BODY) || out.contains("\"size\":" + BODY), out);
        assertTrue(out.contains(sha256OfBody()), out);
    }
}
