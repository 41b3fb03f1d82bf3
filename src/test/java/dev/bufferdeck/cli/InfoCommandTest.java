package dev.bufferdeck.cli;

import dev.bufferdeck.repository.MediaRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.bufferdeck.format.TestBytes.be24;
import static dev.bufferdeck.format.TestBytes.be32;
import static dev.bufferdeck.format.TestBytes.mp3Frame;
import static dev.bufferdeck.format.TestBytes.of;
import static dev.bufferdeck.format.TestBytes.repeat;
import static dev.bufferdeck.format.TestBytes.syncsafe;
import static dev.bufferdeck.format.TestBytes.zeros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfoCommandTest {
    private static final List<String> REQUIRED_KEYS = List.of("name", "size", "sha256", "format", "declaredType",
            "mismatch", "error", "tags");

    @TempDir Path dir;
    private Path song;
    private Path errorPage;
    private Path flac;
    private byte[] songBytes;

    @BeforeEach
    void files() throws IOException {
        byte[] title = of(0, "Sóng \"quoted\"", 0); // ISO-8859-1
        byte[] apic = of(0, "image/png", 0, 3, 0, 0x89, "PNG", 0x0D, 0x0A, 0x1A, 0x0A, zeros(8));
        byte[] body = of("TIT2", be32(title.length), 0, 0, title, "TPE1", be32(4), 0, 0, 0, "Art", "APIC",
                be32(apic.length), 0, 0, apic);
        songBytes = of("ID3", 3, 0, 0, syncsafe(body.length), body, repeat(mp3Frame(), 3));
        song = Files.write(dir.resolve("song.mp3"), songBytes);
        errorPage = Files.writeString(dir.resolve("page.mp3"), "<!DOCTYPE html><html><body>404</body></html>\n");
        flac = Files.write(dir.resolve("a.flac"), of("fLaC", 0x80, be24(34), zeros(34)));
    }

    @Test
    void jsonGivesOneObjectPerSourceAndOneStderrLinePerFailure() {
        Path missing = dir.resolve("missing.mp3");
        CliRun run = CliRun.of("info", "--json", song.toString(), missing.toString(), errorPage.toString());

        assertEquals(1, run.status());
        assertEquals(1, run.errLines().size(), run.stderr());
        assertTrue(run.errLines().get(0).contains("missing.mp3"), run.stderr());
        List<String> lines = run.outLines();
        assertEquals(3, lines.size(), run.out());
        for (String line : lines) {
            Map<String, Object> object = MiniJsonParser.object(line);
            assertTrue(object.keySet().containsAll(REQUIRED_KEYS), line);
        }

        Map<String, Object> good = MiniJsonParser.object(lines.get(0));
        assertEquals("song.mp3", good.get("name"));
        assertEquals(new BigDecimal(songBytes.length), good.get("size"));
        assertEquals(MediaRepository.sha256(songBytes), good.get("sha256"));
        assertEquals("MP3", good.get("format"));
        assertEquals("mp3", good.get("declaredType"));
        assertEquals(false, good.get("mismatch"));
        assertNull(good.get("error"));
        @SuppressWarnings("unchecked") Map<String, Object> tags = (Map<String, Object>) good.get("tags");
        assertEquals("Sóng \"quoted\"", tags.get("title"));
        assertEquals("Art", tags.get("artist"));
        assertNull(tags.get("album"));
        assertEquals(true, tags.get("hasCover"));
        assertEquals("image/png", tags.get("coverMimeType"));

        Map<String, Object> failed = MiniJsonParser.object(lines.get(1));
        assertEquals(missing.toString(), failed.get("name"));
        assertNotNull(failed.get("error"));
        assertNull(failed.get("sha256"));

        Map<String, Object> html = MiniJsonParser.object(lines.get(2));
        assertEquals("HTML", html.get("format"));
        assertEquals(true, html.get("mismatch"));
        assertEquals("HTML document where the name says MP3", html.get("mismatchNote"));
    }

    @Test
    void allSourcesLoadedExitsWith0AndNothingOnStderr() {
        CliRun run = CliRun.of("info", "--json", song.toString(), flac.toString());
        assertEquals(0, run.status());
        assertEquals("", run.stderr());
        assertEquals(2, run.outLines().size());
        assertEquals("FLAC", MiniJsonParser.object(run.outLines().get(1)).get("format"));
    }

    @Test
    void everyFailureGetsItsOwnLineAndTheOthersArePrinted() {
        CliRun run = CliRun.of("info", dir.resolve("one.mp3").toString(), song.toString(),
                dir.resolve("no/such/folder").toString(), dir.resolve("two.ogg").toString());
        assertEquals(1, run.status());
        List<String> errors = run.errLines();
        assertEquals(3, errors.size(), run.stderr());
        assertTrue(errors.get(0).contains("one.mp3"));
        assertTrue(errors.get(1).contains("folder"));
        assertTrue(errors.get(2).contains("two.ogg"));
        assertTrue(run.out().startsWith("song.mp3\n"), run.out());
    }

    @Test
    void textOutputShowsTheFactsForPeople() {
        CliRun run = CliRun.of("info", song.toString(), errorPage.toString());
        assertEquals(0, run.status());
        String out = run.out();
        assertTrue(out.contains("  size:          " + songBytes.length + " bytes"), out);
        assertTrue(out.contains("  SHA-256:       " + MediaRepository.sha256(songBytes)), out);
        assertTrue(out.contains("  format:        MP3\n"), out);
        assertTrue(out.contains("    title:     Sóng \"quoted\"\n"), out);
        assertTrue(out.contains("\npage.mp3\n"), out);
        assertTrue(out.contains("  mismatch:      yes: HTML document where the name says MP3\n"), out);
        assertTrue(out.endsWith("  tags:          none\n"), out);
    }

    @Test
    void aFolderStandsForTheMediaFilesInsideIt() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliRun run = CliRun.of("info", "--json", dir.toString(), empty.toString());
        assertEquals(1, run.status());
        List<String> names = run.outLines().stream().map(l -> (String) MiniJsonParser.object(l).get("name")).toList();
        assertEquals(List.of("a.flac", "page.mp3", "song.mp3", empty.toString()), names);
        assertEquals(1, run.errLines().size(), run.stderr());
        assertTrue(run.stderr().contains("no media files"), run.stderr());
    }

    @Test
    void urlsAreLoadedOverHttpAndAnErrorPageIsFlagged() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/song.mp3", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, songBytes.length);
            exchange.getResponseBody().write(songBytes);
            exchange.close();
        });
        server.createContext("/gone.mp3", exchange -> {
            byte[] page = "<html><body>Gone</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.createContext("/missing.mp3", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            CliRun run = CliRun.of("info", "--json", base + "/song.mp3", base + "/missing.mp3", base + "/gone.mp3");
            assertEquals(1, run.status(), run.stderr());
            assertEquals(1, run.errLines().size(), run.stderr());
            assertTrue(run.stderr().contains("/missing.mp3"), run.stderr());
            Map<String, Object> song = MiniJsonParser.object(run.outLines().get(0));
            assertEquals("MP3", song.get("format"));
            assertEquals(MediaRepository.sha256(songBytes), song.get("sha256"));
            Map<String, Object> gone = MiniJsonParser.object(run.outLines().get(2));
            assertEquals("HTML", gone.get("format"));
            assertEquals(true, gone.get("mismatch"), run.outLines().get(2));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void badUsageExitsWith2AndAUsageLine() {
        for (String[] args : List.of(new String[] {}, new String[] {"--json"}, new String[] {"--frobnicate", song.toString()})) {
            CliRun run = CliRun.of("info", args);
            assertEquals(2, run.status());
            assertTrue(run.stderr().contains("usage: bufferdeck info"), run.stderr());
            assertEquals(0, run.stdout().length);
        }
    }

    @Test
    void aFileNamedLikeAnOptionCanFollowDoubleDash() throws IOException {
        Path dashed = Files.write(dir.resolve("-odd.mp3"), songBytes);
        CliRun run = CliRun.of("info", "--json", "--", dashed.toString());
        assertEquals(0, run.status(), run.stderr());
        assertEquals("-odd.mp3", MiniJsonParser.object(run.outLines().get(0)).get("name"));
    }
}
