package dev.bufferdeck.source;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** A file let go to make room comes back from disk with the same SHA-256, as the same listed buffer. */
class ReloadAfterEvictionTest {
    @TempDir Path dir;

    private final MediaRepository repository = new MediaRepository(300_000, FormatDetector.NONE);
    private final SourceLoader loader = new SourceLoader(repository);

    @AfterEach
    void close() {
        loader.close();
    }

    private Path file(String name, int seed) throws Exception {
        byte[] b = new byte[200_000];
        new Random(seed).nextBytes(b);
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void anEvictedFileComesBackWithTheSameDigest() throws Exception {
        Path a = file("a.wav", 1);
        Path b = file("b.wav", 2);
        MediaBuffer first = loader.load(a.toString()).buffer();
        String sha = first.sha256();
        loader.load(b.toString());
        assertFalse(first.isResident(), "a was let go to make room for b");

        AddResult again = loader.load(a.toString());
        assertSame(first, again.buffer());
        assertTrue(first.isResident());
        assertEquals(sha, first.sha256());
        byte[] bytes = new byte[first.size()];
        first.bytes().get(0, bytes);
        assertEquals(sha, MediaRepository.sha256(bytes));
        assertArrayEquals(Files.readAllBytes(a), bytes);
        assertEquals(2, repository.count());
        assertEquals(200_000, repository.bytesHeld());
    }

    @Test
    void aFileThatChangedOnDiskIsANewBufferAndTheOldReferenceStays() throws Exception {
        Path a = file("a.wav", 1);
        MediaBuffer first = loader.load(a.toString()).buffer();
        loader.load(file("b.wav", 2).toString());
        Files.write(a, new byte[] {1, 2, 3});
        MediaBuffer changed = loader.load(a.toString()).buffer();
        assertNotSame(first, changed);
        assertFalse(first.isResident());
        assertEquals(3, changed.size());
    }
}
