package dev.bufferdeck.source;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileLoadTest {
    @TempDir
    Path dir;

    private final MediaRepository repository = new MediaRepository(1L << 20, FormatDetector.NONE);
    private final SourceLoader loader = new SourceLoader(repository);

    @Test
    void loadsFileWithNameExtensionOriginAndHash() throws Exception {
        byte[] bytes = UrlLoadTest.randomBytes(200_000, 7);
        Path file = Files.write(dir.resolve("Track 01.MP3"), bytes);
        AtomicLong last = new AtomicLong();

        AddResult r = loader.load(file.toString(), (read, total) -> {
            assertEquals(bytes.length, total);
            last.set(read);
        }, new Cancellation());

        assertArrayEquals(bytes, UrlLoadTest.bytesOf(r));
        assertEquals("Track 01.MP3", r.buffer().name());
        assertEquals("mp3", r.buffer().declaredType());
        assertEquals(new Origin.File(file.toAbsolutePath()), r.buffer().origin());
        assertEquals(MediaRepository.sha256(bytes), r.buffer().sha256());
        assertEquals(bytes.length, last.get());
        assertEquals(0, repository.figures().reserved());
    }

    @Test
    void loadsFileWithNonAsciiName() throws Exception {
        Path file;
        try {
            file = dir.resolve("Björk – Jóga 日本語 🎵.flac");
        } catch (InvalidPathException e) {
            assumeTrue(false, "SKIPPED: this JVM's file name encoding (sun.jnu.encoding="
                    + System.getProperty("sun.jnu.encoding") + ") cannot name non-ASCII files");
            return;
        }
        Files.write(file, new byte[] {1, 2, 3});
        AddResult r = loader.load(file.toString());
        assertEquals("Björk – Jóga 日本語 🎵.flac", r.buffer().name());
        assertEquals("flac", r.buffer().declaredType());
        assertEquals(3, r.buffer().size());
    }

    @Test
    void loadsFileUrl() throws Exception {
        Path file = Files.write(dir.resolve("a b.wav"), new byte[] {9, 8, 7});
        AddResult r = loader.load(file.toUri().toString());
        assertEquals("a b.wav", r.buffer().name());
    }

    @Test
    void fileOverBudgetIsRefusedBeforeReading() throws Exception {
        Path file = Files.write(dir.resolve("big.wav"), new byte[(1 << 20) + 1]);
        LeakCheck check = LeakCheck.before(repository);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(file.toString()));
        assertEquals(file + ": memory budget full: needs 1.0 MiB but only 1 MiB of 1 MiB is free", e.getMessage());
        assertEquals(LoadException.Kind.OVER_BUDGET, e.kind());
        check.assertRepositoryUnchanged();
    }

    @Test
    void missingFileIsOneClearLine() {
        Path file = dir.resolve("gone.mp3");
        LoadException e = assertThrows(LoadException.class, () -> loader.load(file.toString()));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void folderIsNotLoadedAsAFile() {
        LoadException e = assertThrows(LoadException.class, () -> loader.load(dir.toString()));
        assertEquals(dir + ": is a folder, not a file", e.getMessage());
    }

    @Test
    void devicesAreNotLoaded() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "SKIPPED: no /dev/zero on this system");
        LoadException e = assertThrows(LoadException.class, () -> loader.load(zero.toString()));
        assertEquals("/dev/zero: not a regular file (a device or pipe)", e.getMessage());
    }

    @Test
    void cancelledLoadAddsNothing() throws Exception {
        Path file = Files.write(dir.resolve("c.ogg"), new byte[1000]);
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        LeakCheck check = LeakCheck.before(repository);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(file.toString(), LoadProgress.NONE, cancel));
        assertTrue(e.isCancelled());
        check.assertRepositoryUnchanged();
    }

    @Test
    void interruptedLoadCountsAsCancelledAndAddsNothing() throws Exception {
        Path file = Files.write(dir.resolve("i.ogg"), new byte[1000]);
        LeakCheck check = LeakCheck.before(repository);
        Thread.currentThread().interrupt();
        try {
            LoadException e = assertThrows(LoadException.class, () -> loader.load(file.toString()));
            assertEquals(file + ": interrupted", e.getMessage());
            assertTrue(e.isCancelled());
        } finally {
            Thread.interrupted();
        }
        check.assertRepositoryUnchanged();
    }

    @Test
    void folderWalkFindsMediaFilesSortedAndSkipsPlaylistsAndHiddenFiles() throws IOException {
        Files.createDirectories(dir.resolve("Album/CD2"));
        Files.createDirectories(dir.resolve(".hidden"));
        touch("Album/02 b.mp3");
        touch("Album/01 a.FLAC");
        touch("Album/CD2/01 c.opus");
        touch("Album/cover.jpg");
        touch("Album/list.m3u");
        touch("Album/.secret.mp3");
        touch(".hidden/x.wav");
        touch("top.mid");

        List<String> found = loader.expand(dir.toString());

        assertEquals(List.of(
                dir.resolve("Album/01 a.FLAC").toString(),
                dir.resolve("Album/02 b.mp3").toString(),
                dir.resolve("Album/CD2/01 c.opus").toString(),
                dir.resolve("top.mid").toString()), found);
    }

    @Test
    void folderWalkSurvivesASymlinkLoop() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        touch("a/1.ogg");
        try {
            Files.createSymbolicLink(dir.resolve("a/loop"), dir);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "SKIPPED: cannot make symbolic links here: " + e);
        }
        assertEquals(List.of(dir.resolve("a/1.ogg").toString()), loader.expand(dir.toString()));
    }

    @Test
    void expandLeavesFilesAndUrlsAlone() throws IOException {
        Path file = touch("notes.txt");
        assertEquals(List.of(file.toString()), loader.expand(file.toString()));
        assertEquals(List.of("https://example.com/a"), loader.expand("https://example.com/a"));
    }

    @Test
    void fileAboveTheArrayLimitIsRefusedWithItsSize() throws Exception {
        Path file = dir.resolve("huge.wav");
        try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(3L << 30);
        }
        LoadException e = assertThrows(LoadException.class, () -> loader.load(file.toString()));
        assertEquals(file + ": file is 3 GiB, above the 2 GiB per-buffer limit", e.getMessage());
    }

    private Path touch(String name) throws IOException {
        return Files.write(dir.resolve(name), new byte[] {0});
    }
}
