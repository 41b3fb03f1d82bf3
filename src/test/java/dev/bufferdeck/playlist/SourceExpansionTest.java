package dev.bufferdeck.playlist;

import com.sun.net.httpserver.HttpServer;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.source.SourceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Playlists given as sources stand for their entries: relative, nested to a small depth, loops refused. */
class SourceExpansionTest {
    @TempDir Path dir;
    private final MediaRepository repository = new MediaRepository(64L << 20, FormatDetector.NONE);
    private final SourceLoader loader = new SourceLoader(repository);
    private final SourceExpansion expansion = new SourceExpansion(loader::expand, loader::load, repository);

    @AfterEach
    void close() {
        loader.close();
    }

    @Test
    void nestedPlaylistsResolveRelativeEntriesAndALoopIsRefused() throws Exception {
        Path top = Files.writeString(dir.resolve("top.m3u"), "#EXTM3U\na.wav\nsub/inner.pls\n");
        Files.createDirectories(dir.resolve("sub"));
        Path inner = Files.writeString(dir.resolve("sub/inner.pls"), "[playlist]\nFile1=b.wav\nFile2=../top.m3u\nNumberOfEntries=2\n");

        SourceExpansion.Result result = expansion.expand(top.toString());

        assertEquals(List.of(dir.resolve("a.wav").toString(), dir.resolve("sub/b.wav").toString()), result.sources());
        assertEquals(List.of("playlist " + top + ": lists itself (" + top + " → " + inner + " → " + top + "), left out"),
                result.problems());
    }

    @Test
    void nestingDeeperThanTheLimitIsLeftOutWithALine() throws Exception {
        for (int i = 0; i <= 5; i++) {
            Files.writeString(dir.resolve("l" + i + ".m3u8"), "m" + i + ".mp3\nl" + (i + 1) + ".m3u8\n");
        }
        SourceExpansion.Result result = expansion.expand(dir.resolve("l0.m3u8").toString());

        assertEquals(List.of("m0.mp3", "m1.mp3", "m2.mp3", "m3.mp3").stream().map(m -> dir.resolve(m).toString()).toList(),
                result.sources());
        assertEquals(List.of("playlist " + dir.resolve("l4.m3u8") + ": playlists nested deeper than 4 levels, left out"),
                result.problems());
    }

    @Test
    void aPlaylistAtAUrlResolvesAgainstItsUrlAndLeavesNothingInTheRepository() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] xspf = ("<?xml version='1.0'?><playlist version='1' xmlns='http://xspf.org/ns/0/'><trackList>"
                + "<track><location>../media/c%20d.wav</location></track>"
                + "<track><location>http://example.org/e.mp3</location></track></trackList></playlist>").getBytes(StandardCharsets.UTF_8);
        server.createContext("/lists/p.xspf", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/xspf+xml");
            exchange.sendResponseHeaders(200, xspf.length);
            exchange.getResponseBody().write(xspf);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            SourceExpansion.Result result = expansion.expand(base + "/lists/p.xspf");

            assertEquals(List.of(base + "/media/c%20d.wav", "http://example.org/e.mp3"), result.sources());
            assertEquals(List.of(), result.problems());
            assertEquals(0, repository.count(), "the playlist's bytes are not kept");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPlaylistThatCannotBeReadIsOneLine() {
        Path missing = dir.resolve("missing.pls");
        SourceExpansion.Result result = expansion.expand(missing.toString());

        assertEquals(List.of(), result.sources());
        assertEquals(List.of("playlist " + missing + ": no such file"), result.problems());
    }

    @Test
    void mediaFilesAndFoldersPassThroughAsBefore() throws Exception {
        Files.write(dir.resolve("x.mp3"), new byte[] {1});
        assertEquals(List.of(dir.resolve("x.mp3").toString()), expansion.expand(dir.toString()).sources());
        assertEquals(List.of("http://example.org/a.mp3"), expansion.expand("http://example.org/a.mp3").sources());
    }
}
