package dev.bufferdeck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe's playlists that exhausted a 256 MiB heap (issue 18), given to {@code bufferdeck info}
 * in a forked JVM with {@value #HEAP}: each ends in one line naming the limit or saying what it
 * held, exit status 1, and no OutOfMemoryError.
 */
class HostilePlaylistHeapTest {
    private static final String HEAP = "-Xmx48m";

    @TempDir Path dir;

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private Path file(String name, Body body) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            body.write(out);
        }
        return file;
    }

    private static void repeat(OutputStream out, String text, long totalBytes) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (long written = 0; written + b.length <= totalBytes; written += b.length) out.write(b);
    }

    private record Run(int status, List<String> errLines) {}

    private static Run info(Path playlist) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(java, HEAP, "-cp", classPath, "dev.bufferdeck.Main", "info", playlist.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "info did not finish");
        return new Run(p.exitValue(), err.lines().toList());
    }

    @Test
    void thirtyMegabytesOfXspfTracksAreRefusedAtTheEntryLimit() throws Exception {
        Path xspf = file("big.xspf", out -> {
            out.write("<?xml version=\"1.0\"?><playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\"><trackList>".getBytes(StandardCharsets.UTF_8));
            repeat(out, "<track><location>music/track.mp3</location><title>t</title></track>\n", 30L << 20);
            out.write("</trackList></playlist>".getBytes(StandardCharsets.UTF_8));
        });
        Run run = info(xspf);
        assertEquals(List.of("bufferdeck info: playlist " + xspf + ": more than 100,000 entries (the limit for a playlist)"), run.errLines());
        assertEquals(1, run.status());
    }

    @Test
    void thirtyMegabytesOfPlsAreRefusedAtTheEntryLimit() throws Exception {
        Path pls = file("big.pls", out -> {
            out.write("[playlist]\n".getBytes(StandardCharsets.UTF_8));
            long n = 0;
            for (long written = 0; written < 30L << 20; ) {
                byte[] line = ("File" + (++n) + "=music/track.mp3\n").getBytes(StandardCharsets.UTF_8);
                out.write(line);
                written += line.length;
            }
        });
        Run run = info(pls);
        assertEquals(List.of("bufferdeck info: playlist " + pls + ": more than 100,000 entries (the limit for a playlist)"), run.errLines());
        assertEquals(1, run.status());
    }

    @Test
    void twentyMegabytesOfBlankLinesAreAnEmptyPlaylist() throws Exception {
        Path m3u = file("blank.m3u", out -> repeat(out, "\n", 20L << 20));
        Run run = info(m3u);
        assertEquals(List.of("bufferdeck info: playlist " + m3u + ": no entries"), run.errLines());
        assertEquals(1, run.status());
    }
}
