package dev.bufferdeck.repository;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaRepositoryTest {
    /** Dropped bytes: never let go, so refusals here are the budget's own (eviction is EvictionTest's). */
    private static final Origin ORIGIN = new Origin.Dropped("audio/mpeg", "a test");

    @Test
    void reservationAboveWhatIsFreeIsRefused() throws Exception {
        MediaRepository repo = new MediaRepository(1000, FormatDetector.NONE);
        repo.add(new byte[600], "a", ORIGIN, "mp3");
        BudgetExceededException e = assertThrows(BudgetExceededException.class, () -> repo.reserve(401));
        assertEquals(401, e.requested());
        assertEquals(400, e.available());
        try (Reservation r = repo.reserve(400)) {
            assertEquals(0, repo.available());
            assertThrows(BudgetExceededException.class, () -> r.grow(1));
            assertEquals(400, r.bytes(), "a refused grow keeps what it had");
        }
        assertEquals(400, repo.available(), "closing gives the reservation back");
    }

    @Test
    void concurrentReservationsNeverExceedTheBudget() throws Exception {
        long budget = 1_000_000;
        MediaRepository repo = new MediaRepository(budget, FormatDetector.NONE);
        AtomicLong worst = new AtomicLong();
        repo.addListener(new RepositoryListener() {
            @Override public void memoryChanged(MemoryFigures f) {
                worst.accumulateAndGet(f.held() + f.reserved(), Math::max);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            results.add(pool.submit(() -> {
                go.await();
                int granted = 0;
                for (int i = 0; i < 2000; i++) {
                    try (Reservation r = repo.reserve(1000 + (seed * 7919 + i * 104729) % 50_000)) {
                        granted++;
                        if (i % 3 == 0) r.grow(10_000);
                        long total = repo.figures().held() + repo.figures().reserved();
                        if (total > budget) throw new AssertionError("budget exceeded: " + total);
                    } catch (BudgetExceededException refused) {
                        // expected under contention
                    }
                }
                return granted;
            }));
        }
        go.countDown();
        int granted = 0;
        for (Future<Integer> f : results) granted += f.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertTrue(granted > 0);
        assertTrue(worst.get() <= budget, "worst " + worst.get());
        assertEquals(0, repo.figures().reserved());
        assertEquals(budget, repo.available());
    }

    @Test
    void sameBytesAreStoredOnceAndTheExistingBufferOffered() throws Exception {
        MediaRepository repo = new MediaRepository(1000, FormatDetector.NONE);
        AddResult first = repo.add(new byte[] {1, 2, 3}, "a.mp3", ORIGIN, "mp3");
        AddResult second = repo.add(new byte[] {1, 2, 3}, "b.mp3", ORIGIN, "mp3");
        assertFalse(first.duplicate());
        assertTrue(second.duplicate());
        assertSame(first.buffer(), second.buffer());
        assertEquals(1, repo.count());
        assertEquals(3, repo.bytesHeld());
        assertEquals(0, repo.figures().reserved(), "the duplicate's reservation was given back");
        assertSame(first.buffer(), repo.findBySha256(first.buffer().sha256().toUpperCase()).orElseThrow());
        assertSame(first.buffer(), repo.findById(first.buffer().id()).orElseThrow());
    }

    @Test
    void removeFreesTheBytes() throws Exception {
        MediaRepository repo = new MediaRepository(100, FormatDetector.NONE);
        AddResult r = repo.add(new byte[100], "a", ORIGIN, "");
        assertThrows(BudgetExceededException.class, () -> repo.reserve(1));
        assertTrue(repo.remove(r.buffer()));
        assertEquals(0, repo.bytesHeld());
        assertEquals(100, repo.available());
        assertTrue(repo.findBySha256(r.buffer().sha256()).isEmpty());
        assertFalse(repo.remove(r.buffer()), "removing twice does nothing");
        repo.reserve(100).close();
    }

    @Test
    void viewsAreReadOnlyIndependentAndOverTheSameBytes() throws Exception {
        MediaRepository repo = new MediaRepository(1000, FormatDetector.NONE);
        byte[] bytes = {10, 20, 30, 40};
        MediaBuffer b = repo.add(bytes, "a", ORIGIN, "").buffer();

        ByteBuffer region = b.bytes().region(0, bytes.length);
        assertTrue(region.isReadOnly());
        assertFalse(region.hasArray(), "the backing array is not handed out");
        assertThrows(ReadOnlyBufferException.class, () -> region.put(0, (byte) 1));
        assertEquals(bytes.length, b.bytes().limit());

        byte[] seen = new byte[4];
        b.bytes().get(0, seen);
        assertArrayEquals(bytes, seen);
        try (InputStream in = b.openStream()) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        // The buffer wraps the loaded array itself (no copy): a write through the loader's own
        // reference, which no code does after add, would show in every view.
        bytes[0] = 99;
        assertEquals(99, b.bytes().get(0));
        assertEquals(99, b.byteAt(0));
    }

    @Test
    void reservationMustCoverTheBytesAdded() throws Exception {
        MediaRepository repo = new MediaRepository(1000, FormatDetector.NONE);
        Reservation r = repo.reserve(2);
        assertThrows(IllegalArgumentException.class, () -> repo.add(r, new byte[3], null, "a", ORIGIN, ""));
        assertEquals(0, repo.count());
        assertEquals(0, repo.figures().reserved());
    }

    @Test
    void failingDetectorDoesNotLoseTheBytes() throws Exception {
        MediaRepository repo = new MediaRepository(1000, (bytes, declared) -> {
            throw new IllegalStateException("broken");
        });
        MediaBuffer b = repo.add(new byte[] {1}, "a", ORIGIN, "mp3").buffer();
        assertEquals(MediaFormat.UNKNOWN, b.detectedFormat());
        assertEquals(1, repo.count());
    }
}
