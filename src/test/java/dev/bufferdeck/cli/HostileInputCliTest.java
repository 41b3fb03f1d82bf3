package dev.bufferdeck.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 through the command line: playlists as sources, escape sequences from servers and file
 * names, credentials in URLs, and a failed redirect hop, each asserted as the exact line printed.
 */
class HostileInputCliTest {
    @TempDir Path dir;
    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable s : servers) s.close();
    }

    /** A 8 kHz mono 16-bit WAV of {@code frames} samples all equal to {@code value}, written byte by byte. */
    private Path wav(String name, int frames, int value) throws Exception {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 2 * frames).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * frames).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * frames);
        for (int i = 0; i < frames; i++) b.putShort((short) value);
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, b.array());
    }

    /** The samples in a canonical WAV's data chunk. */
    private static byte[] dataOf(Path wav) throws IOException {
        byte[] all = Files.readAllBytes(wav);
        for (int i = 12; i + 8 <= all.length; ) {
            int size = java.nio.ByteBuffer.wrap(all, i + 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            if (new String(all, i, 4, StandardCharsets.US_ASCII).equals("data")) {
                return java.util.Arrays.copyOfRange(all, i + 8, i + 8 + size);
            }
            i += 8 + size + (size & 1);
        }
        throw new AssertionError("no data chunk in " + wav);
    }

    private static void assertNoControlCharacters(String text) {
        for (char c : text.toCharArray()) {
            assertTrue(c == '\n' || (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F)),
                    "raw control character " + (int) c + " in: " + text);
        }
    }

    // ---- playlists on the command line

    @Test
    void infoExpandsAPlaylistIntoItsEntriesResolvedAgainstItsFolder() throws Exception {
        wav("media/a.wav", 800, 100);
        wav("media/b.wav", 400, 200);
        Files.createDirectories(dir.resolve("lists"));
        Path list = Files.writeString(dir.resolve("lists/l.pls"), "[playlist]\nFile1=../media/a.wav\nFile2=../media/b.wav\nNumberOfEntries=2\n");

        CliRun run = CliRun.of("info", list.toString());

        assertEquals(0, run.status(), run.stderr());
        assertEquals("", run.stderr());
        List<String> names = run.outLines().stream().filter(l -> !l.startsWith(" ") && !l.isEmpty()).toList();
        assertEquals(List.of("a.wav", "b.wav"), names);
    }

    @Test
    void playPlaysAPlaylistsEntriesInOrder() throws Exception {
        wav("a.wav", 800, 100);
        wav("b.wav", 400, 200);
        Path list = Files.writeString(dir.resolve("l.m3u"), "#EXTM3U\na.wav\n\n\nb.wav\n");
        Path out = dir.resolve("out.wav");

        CliRun run = CliRun.of("play", "--out", out.toString(), list.toString());

        assertEquals(0, run.status(), run.stderr());
        byte[] pcm = dataOf(out);
        assertEquals(2 * 1200, pcm.length, "both entries, one after the other");
        assertEquals(100, pcm[0]);
        assertEquals((byte) 200, pcm[2 * 800]);
    }

    @Test
    void aPlaylistThatListsItselfIsRefusedWithOneLineAndTheRestStillPlays() throws Exception {
        wav("a.wav", 100, 1);
        Path list = Files.writeString(dir.resolve("loop.m3u8"), "a.wav\n./loop.m3u8\n");

        CliRun run = CliRun.of("info", list.toString());

        assertEquals(1, run.status());
        assertEquals(List.of("bufferdeck info: playlist " + list + ": lists itself (" + list + " → " + list + "), left out"),
                run.errLines());
        assertEquals("a.wav", run.outLines().get(0));
    }

    @Test
    void aFifoNamedLikeAPlaylistIsOneLineNotAHang() throws Exception {
        Path fifo = dir.resolve("list.m3u");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());

        CliRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> CliRun.of("play", "--out", dir.resolve("o.wav").toString(), fifo.toString()));

        assertEquals(1, run.status());
        assertEquals(List.of("bufferdeck play: playlist " + fifo + ": not a regular file (a device or pipe)"), run.errLines());
    }

    // ---- terminal escape injection

    @Test
    void aFileNameWithEscapesAndANewlineIsPrintedAsOneEscapedLine() {
        String name = "x\u001b]0;pwned\u0007\n\u009b2J.mp3";
        Path missing = dir.resolve(name);

        CliRun run = CliRun.of("info", missing.toString());

        assertEquals(1, run.status());
        assertEquals(List.of("bufferdeck info: " + dir + "/x\\e]0;pwned\\a\\n\\u009b2J.mp3: no such file"), run.errLines());
        assertNoControlCharacters(run.stderr());
    }

    @Test
    void escapesInAReasonPhraseALocationAndAFileNameFromTheServerAreNeutralised() throws Exception {
        String reason = rawServer("HTTP/1.1 404 Not\u001b]0;owned\u0007Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        CliRun run = CliRun.of("info", reason + "a.wav");
        assertEquals(1, run.status());
        assertEquals(List.of("bufferdeck info: " + reason + "a.wav: server answered 404 Not\\e]0;owned\\aFound"), run.errLines());

        String location = rawServer("HTTP/1.1 302 Found\r\nLocation: http://x/\u001b[2J\u0007 y\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        run = CliRun.of("info", location + "b.wav");
        assertEquals(1, run.status());
        assertEquals(1, run.errLines().size(), run.stderr());
        assertTrue(run.stderr().contains("\\e[2J\\a"), run.stderr());
        assertNoControlCharacters(run.stderr());

        byte[] body = Files.readAllBytes(wav("w.wav", 100, 5));
        String named = rawServer("HTTP/1.1 200 OK\r\nContent-Type: audio/wav\r\nContent-Disposition: attachment; filename=\"evil\u001b[2J\u0007.wav\"\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body);
        run = CliRun.of("info", named + "c");
        assertEquals(0, run.status(), run.stderr());
        assertEquals("evil\\e[2J\\a.wav", run.outLines().get(0));
        assertNoControlCharacters(run.out());
    }

    // ---- credentials and redirects

    @Test
    void credentialsAreSentButNeverPrinted() throws Exception {
        byte[] body = Files.readAllBytes(wav("w.wav", 100, 5));
        String expected = "Basic " + Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.UTF_8));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean authorised = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean found = exchange.getRequestURI().getPath().equals("/a.wav");
            int status = !authorised ? 401 : found ? 200 : 404;
            exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
            if (status == 200) exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(() -> server.stop(0));
        String host = "127.0.0.1:" + server.getAddress().getPort();

        CliRun ok = CliRun.of("info", "http://user:secret@" + host + "/a.wav");
        assertEquals(0, ok.status(), ok.stderr());
        assertTrue(ok.outLines().stream().anyMatch(l -> l.strip().startsWith("source:")
                && l.endsWith(" http://user:***@" + host + "/a.wav")), ok.out());

        CliRun missing = CliRun.of("info", "--json", "http://user:secret@" + host + "/b.wav");
        assertEquals(1, missing.status());
        assertEquals(List.of("bufferdeck info: http://user:***@" + host + "/b.wav: server answered 404 Not Found"), missing.errLines());
        assertFalse(ok.out().contains("secret") || missing.out().contains("secret") || missing.stderr().contains("secret"));
    }

    /** "se@cret" is not a valid password in a URL, but people type it: none of it may show. */
    @Test
    void aPasswordWithAnAtSignIsRedactedWhole() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CliRun run = CliRun.of("info", "http://user:se@cret@127.0.0.1:" + closed + "/a.wav");

        assertEquals(1, run.status());
        assertEquals(1, run.errLines().size(), run.stderr());
        assertTrue(run.stderr().startsWith("bufferdeck info: http://user:***@127.0.0.1:" + closed + "/a.wav: "), run.stderr());
        assertFalse(run.stderr().contains("cret") || run.out().contains("cret"), run.stderr());
    }

    @Test
    void aFailedRedirectHopIsNamedWithTheChain() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String hop = "http://127.0.0.1:" + closed + "/b.wav";
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", hop);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        servers.add(() -> server.stop(0));
        String first = "http://127.0.0.1:" + server.getAddress().getPort() + "/a.wav";

        CliRun run = CliRun.of("info", first);

        assertEquals(1, run.status());
        assertEquals(List.of("bufferdeck info: " + first + ": " + hop + ": connection refused (redirect chain: "
                + first + " → " + hop + ")"), run.errLines());
    }

    /** A server that answers every connection with these bytes; returns its base URL. */
    private String rawServer(String head, byte[]... body) throws IOException {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        servers.add(server);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    OutputStream out = s.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    for (byte[] b : body) out.write(b);
                    out.flush();
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-raw-server");
        t.setDaemon(true);
        t.start();
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

}
