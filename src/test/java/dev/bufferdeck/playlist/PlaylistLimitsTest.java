package dev.bufferdeck.playlist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Playlists are read streaming within {@link PlaylistLimits}: blank lines cost nothing, the file is
 * never held whole, and what is over a limit is refused with one line naming the limit. Allocation
 * is measured on this thread (the forked -Xmx runs are in {@code cli.HostilePlaylistHeapTest}).
 */
class PlaylistLimitsTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir Path dir;

    /** A stream of {@code size} bytes repeating {@code pattern}, made as it is read. */
    private static PlaylistSource repeating(String head, String pattern, long size) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        return () -> new InputStream() {
            long at;

            @Override
            public int read() {
                if (at >= size) return -1;
                long i = at++;
                return (i < h.length ? h[(int) i] : p[(int) ((i - h.length) % p.length)]) & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= size) return -1;
                int n = (int) Math.min(len, size - at);
                for (int k = 0; k < n; k++) b[off + k] = (byte) read();
                return n;
            }
        };
    }

    private static long allocatedBy(ThrowingRunnable body) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        body.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void twentyMegabytesOfBlankLinesAreReadInConstantMemory() throws Exception {
        PlaylistSource blank = repeating("#EXTM3U\n", " \r\n\n\t\n", 20L << 20);
        PlaylistFormat.M3U.read(blank, "/lists/a.m3u"); // classes loaded
        long[] entries = new long[1];
        long allocated = allocatedBy(() -> entries[0] = PlaylistFormat.M3U.read(blank, "/lists/a.m3u").size());
        assertEquals(0, entries[0]);
        assertTrue(allocated < (1 << 20), "allocated " + allocated + " bytes for 20 MiB of blank lines");
    }

    @Test
    void aPlaylistLargerThanTheLimitIsRefusedWithoutBeingHeld() throws Exception {
        PlaylistSource endless = repeating("", "\n", Long.MAX_VALUE);
        for (PlaylistFormat format : List.of(PlaylistFormat.M3U, PlaylistFormat.PLS)) {
            long allocated = allocatedBy(() -> {
                PlaylistFormatException e = assertThrows(PlaylistFormatException.class, () -> format.read(endless, null));
                assertEquals("larger than 32 MiB (the limit for a playlist), not read", e.getMessage());
            });
            assertTrue(allocated < (1 << 20), format + ": allocated " + allocated + " bytes");
        }
        PlaylistSource endlessXml = repeating("<playlist version='1'><trackList>", "        ", Long.MAX_VALUE);
        PlaylistFormatException e = assertThrows(PlaylistFormatException.class, () -> PlaylistFormat.XSPF.read(endlessXml, null));
        assertEquals("larger than 32 MiB (the limit for a playlist), not read", e.getMessage());
    }

    @Test
    void moreEntriesThanTheLimitAreRefusedInEveryFormat() {
        String m3u = "#EXTM3U\n";
        PlaylistSource manyM3u = repeating(m3u, "a.mp3\n", m3u.length() + 6L * (PlaylistLimits.MAX_ENTRIES + 1));
        assertRefused("more than 100,000 entries (the limit for a playlist)", PlaylistFormat.M3U, manyM3u);

        StringBuilder pls = new StringBuilder("[playlist]\n");
        for (int i = 1; i <= PlaylistLimits.MAX_ENTRIES + 1; i++) pls.append("File").append(i).append("=a.mp3\n");
        assertRefused("more than 100,000 entries (the limit for a playlist)", PlaylistFormat.PLS,
                PlaylistSource.of(pls.toString().getBytes(StandardCharsets.ISO_8859_1)));

        String head = "<playlist version='1' xmlns='http://xspf.org/ns/0/'><trackList>";
        String track = "<track><location>a.mp3</location></track>";
        PlaylistSource manyXspf = repeating(head, track, head.length() + (long) track.length() * (PlaylistLimits.MAX_ENTRIES + 1));
        assertRefused("more than 100,000 entries (the limit for a playlist)", PlaylistFormat.XSPF, manyXspf);
    }

    @Test
    void aLineOrFieldLongerThanTheLimitIsRefused() {
        String longLine = "x".repeat(PlaylistLimits.MAX_LINE_CHARS + 1);
        assertRefused("line 3 is longer than 65,536 characters (the limit for a line)", PlaylistFormat.M3U8,
                PlaylistSource.of(("#EXTM3U\n\n" + longLine + "\n").getBytes(StandardCharsets.UTF_8)));
        assertRefused("line 2 is longer than 65,536 characters (the limit for a line)", PlaylistFormat.PLS,
                PlaylistSource.of(("[playlist]\r\nFile1=" + longLine).getBytes(StandardCharsets.UTF_8)));
        assertRefused("a track field is longer than 65,536 characters (the limit for a field)", PlaylistFormat.XSPF,
                PlaylistSource.of(("<playlist><trackList><track><title>" + longLine + "</title></track></trackList></playlist>")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whiteSpaceInAnXspfFieldCostsNothing() throws Exception {
        String head = "<playlist version='1'><trackList><track><location>";
        PlaylistSource spaces = repeating(head, " ", 20L << 20);
        PlaylistFormatException e = assertThrows(PlaylistFormatException.class, () -> PlaylistFormat.XSPF.read(spaces, null));
        assertTrue(e.getMessage().startsWith("not valid XML"), e.getMessage());
    }

    @Test
    void aFifoNamedLikeAPlaylistIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("list.m3u");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        PlaylistFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(PlaylistFormatException.class, () -> PlaylistFiles.read(fifo)));
        assertEquals("playlist " + fifo + ": not a regular file (a device or pipe)", e.getMessage());

        PlaylistFormatException folder = assertThrows(PlaylistFormatException.class, () -> PlaylistFiles.read(dir));
        assertEquals("playlist " + dir + ": is a folder, not a file", folder.getMessage());
    }

    @Test
    void aPlaylistFileOnDiskIsStreamedWithRelativeEntriesResolved() throws Exception {
        Path list = dir.resolve("sub").resolve("list.m3u8");
        Files.createDirectories(list.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(list))) {
            out.write("\uFEFF#EXTM3U\n#EXTINF:61,Sóng\r\n../a.mp3\r\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 1_000_000; i++) out.write('\n');
            out.write("http://example.org/b.ogg\n".getBytes(StandardCharsets.UTF_8));
        }
        List<PlaylistEntry> entries = PlaylistFiles.read(list);
        assertEquals(List.of(PlaylistEntry.unloaded(dir.resolve("a.mp3").toString(), "Sóng", 61_000),
                PlaylistEntry.unloaded("http://example.org/b.ogg", "", PlaylistEntry.UNKNOWN_DURATION)), entries);
    }

    private static void assertRefused(String message, PlaylistFormat format, PlaylistSource source) {
        PlaylistFormatException e = assertThrows(PlaylistFormatException.class, () -> format.read(source, "/lists/p"));
        assertEquals(message, e.getMessage());
    }

}
