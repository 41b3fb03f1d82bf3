package dev.bufferdeck.repository;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrowingBufferTest {
    private static final Origin ORIGIN = new Origin.File(Path.of("/x.mp3"));

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    /** Feeds {@code bytes} in reads of at most {@code step} bytes. */
    private static InputStream trickle(byte[] bytes, int step) {
        return new ByteArrayInputStream(bytes) {
            @Override public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** A load of unknown length of {@code length} random bytes into a repository of {@code budget}, fed 64 KiB at a time. */
    private record UnknownLength(byte[] body, MediaRepository repo, BufferWriter writer, GrowingBytes store, InputStream in) {
        static UnknownLength of(int length, long budget) throws BudgetExceededException {
            byte[] body = random(length);
            MediaRepository repo = new MediaRepository(budget, FormatDetector.NONE);
            BufferWriter writer = repo.startLoad("x.bin", ORIGIN, "bin", -1);
            return new UnknownLength(body, repo, writer, (GrowingBytes) writer.buffer().store(), trickle(body, 64 * 1024));
        }

        int read() throws IOException, BudgetExceededException { return writer.readFrom(in, 64 * 1024); }
    }

    @Test
    void aKnownLengthLongerThanAPieceIsAllocatedPieceByPieceAsItFills() throws IOException {
        int piece = PieceSizes.small();
        byte[] body = random(piece * 3 + 1000);
        GrowingBytes store = GrowingBytes.empty(body.length);
        assertEquals(0, store.held(), "nothing allocated before a byte arrives");
        assertEquals(body.length, store.capacity());
        InputStream in = trickle(body, 4096);
        while (store.size() < piece + 10) store.readFrom(in, 1 << 20);
        assertEquals(2L * piece, store.held(), "two pieces for a piece's bytes and a few more");
        while (store.size() < body.length) store.readFrom(in, 1 << 20);
        assertEquals(body.length, store.held(), "the last piece is as long as the rest of the body");
        assertTrue(store.isFull());
        store.markComplete();
        assertArrayEquals(body, readAll(store.stream(0, -1)));
    }

    @Test
    void aBodyOfUnknownLengthGrowsOutsideTheHeapAPieceAtATimeAndEndsHoldingOnlyItsBytes() throws Exception {
        int piece = PieceSizes.OFF_HEAP;
        UnknownLength load = UnknownLength.of(2 * piece + 1000, 8L * piece);
        assertEquals(piece, load.store().pieceSize(), "no length: pieces outside the heap");
        while (load.store().size() < piece) {
            load.read();
            assertTrue(load.store().held() <= 2L * load.store().size() + 64 * 1024, "the first piece doubles: held " + load.store().held() + " for " + load.store().size());
        }
        assertEquals(piece, load.store().held(), "one whole piece");
        assertEquals(piece, load.store().heldOffHeap(), "outside the heap once whole");
        load.read();
        assertEquals(2L * piece, load.store().held(), "then one more piece");
        while (load.store().size() <= 2 * piece) load.read();
        assertEquals(3L * piece, load.store().held(), "and one more: a piece at a time");
        assertEquals(3L * piece, load.repo().figures().reserved(), "the budget counts every piece");
        while (load.read() >= 0) { }
        load.writer().complete();
        assertEquals(load.body().length, load.store().held(), "the last piece trimmed to its bytes");
        assertEquals(load.body().length, load.store().heldOffHeap(), "its copy outside the heap too");
        assertEquals(load.body().length, load.repo().bytesHeld());
        assertEquals(0, load.repo().figures().reserved());
        assertArrayEquals(load.body(), readAll(load.writer().buffer().openStream()));
        byte[] across = new byte[100];
        load.store().copy(2 * piece - 50, across, 0, 100);
        assertArrayEquals(java.util.Arrays.copyOfRange(load.body(), 2 * piece - 50, 2 * piece + 50), across, "a read across two pieces");
        assertEquals(load.body()[piece + 7], load.writer().buffer().bytes().get(piece + 7));
    }

    @Test
    void aKnownLengthLongerThanAnOffHeapPieceIsHeldOutsideTheHeapPieceByPieceAsItFills() throws Exception {
        int piece = PieceSizes.OFF_HEAP;
        byte[] body = random(piece + 1000);
        MediaRepository repo = new MediaRepository(body.length, FormatDetector.NONE);
        BufferWriter writer = repo.startLoad("x.bin", ORIGIN, "bin", body.length);
        GrowingBytes store = (GrowingBytes) writer.buffer().store();
        assertEquals(piece, store.pieceSize());
        InputStream in = trickle(body, 64 * 1024);
        writer.readFrom(in, 1 << 20);
        assertEquals(piece, store.held(), "only the piece the first bytes reach");
        assertEquals(piece, store.heldOffHeap());
        while (writer.room() > 0) writer.readFrom(in, 1 << 20);
        assertEquals(body.length, store.held(), "the last piece as long as the rest of the body");
        assertEquals(body.length, store.heldOffHeap());
        writer.complete();
        assertEquals(body.length, repo.bytesHeld());
        assertEquals(0, repo.figures().reserved());
        assertArrayEquals(body, readAll(writer.buffer().openStream()));
        byte[] across = new byte[100];
        store.copy(piece - 50, across, 0, 100);
        assertArrayEquals(java.util.Arrays.copyOfRange(body, piece - 50, piece + 50), across, "a read across the two pieces");
        assertEquals(body[piece + 1], store.byteAt(piece + 1));
        assertEquals(java.nio.ByteBuffer.wrap(body).getInt(piece - 2), writer.buffer().bytes().getInt(piece - 2), "an int across them");
    }

    @Test
    void theLastPieceIsKeptWholeWhenTheBudgetCannotTakeItsTrimmingCopy() throws Exception {
        int piece = PieceSizes.OFF_HEAP;
        UnknownLength load = UnknownLength.of(2 * piece + 100_000, 3L * piece + 1024);
        while (load.read() >= 0) { }
        assertEquals(3L * piece, load.store().held(), "three whole pieces, the budget all but full");
        load.writer().complete();
        assertEquals(3L * piece, load.store().held(), "the last kept whole (no room for its copy)");
        assertEquals(3L * piece, load.repo().bytesHeld(), "and counted");
        assertEquals(0, load.repo().figures().reserved());
        assertArrayEquals(load.body(), readAll(load.writer().buffer().openStream()));
    }

    @Test
    void whenTheBudgetCannotTakeAWholePieceTheBodyGrowsByTheLeastThatLetsItsNextBytesIn() throws Exception {
        int piece = PieceSizes.OFF_HEAP;
        UnknownLength load = UnknownLength.of(2 * piece + 100_000, 2L * piece + 300_000);
        while (load.store().size() <= 2 * piece) load.read();
        assertEquals(2L * piece + 64 * 1024, load.store().held(), "a third whole piece would pass the budget: one short piece");
        while (load.read() >= 0) { }
        assertEquals(2L * piece + 128 * 1024, load.store().held(), "which doubled as it filled");
        load.writer().complete();
        assertEquals(load.body().length, load.repo().bytesHeld());
        assertArrayEquals(load.body(), readAll(load.writer().buffer().openStream()));
    }

    @Test
    void aKnownLengthOfAFewMiBIsHeldInSmallPieces() {
        int small = PieceSizes.small();
        assertEquals(ByteSource.WHOLE, GrowingBytes.empty(small).pieceSize(), "a body of one small piece's length: one array");
        assertEquals(small, GrowingBytes.empty(small + 1L).pieceSize());
        assertEquals(small, GrowingBytes.empty(PieceSizes.OFF_HEAP).pieceSize(), "up to an off-heap piece's length: small pieces in the heap");
        assertEquals(PieceSizes.OFF_HEAP, GrowingBytes.empty(PieceSizes.OFF_HEAP + 1L).pieceSize(), "longer: outside it");
    }

    @Test
    void aPublishedBufferGrowsWhileAReaderWaitsForItsBytesThenCompletesWithItsSha256() throws Exception {
        byte[] body = random(300_000);
        MediaRepository repo = new MediaRepository(1_000_000, FormatDetector.NONE);
        List<String> events = new CopyOnWriteArrayList<>();
        repo.addListener(new RepositoryListener() {
            @Override public void added(MediaBuffer b) { events.add("added " + b.size() + " " + b.isComplete()); }
            @Override public void changed(MediaBuffer b) { if (b.isComplete()) events.add("complete " + b.size()); }
        });
        BufferWriter writer = repo.startLoad("x.mp3", ORIGIN, "mp3", body.length);
        InputStream source = trickle(body, 10_000);
        assertTrue(writer.readFrom(source, 1 << 20) > 0);
        writer.publish();
        MediaBuffer buffer = writer.buffer();
        assertFalse(buffer.isComplete());
        assertEquals("", buffer.sha256(), "no digest before every byte is here");
        assertEquals(List.of("added 10000 false"), events);

        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = buffer.openStream()) {
                return readAll(in);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(100);
        assertFalse(read.isDone(), "the reader waits for bytes still loading");
        while (writer.readFrom(source, 1 << 20) >= 0) Thread.sleep(1);
        AddResult result = writer.complete();

        assertArrayEquals(body, read.get(5, TimeUnit.SECONDS));
        assertSame(buffer, result.buffer());
        assertFalse(result.duplicate());
        assertTrue(buffer.isComplete());
        assertEquals(MediaRepository.sha256(body), buffer.sha256());
        assertEquals(body.length, repo.bytesHeld());
        assertEquals(0, repo.figures().reserved());
        assertEquals("complete " + body.length, events.get(events.size() - 1));
        assertEquals(buffer, repo.findBySha256(buffer.sha256()).orElseThrow());
    }

    @Test
    void bytesNotLoadedYetAreRefusedWithAClearMessage() throws Exception {
        MediaRepository repo = new MediaRepository(1_000_000, FormatDetector.NONE);
        BufferWriter writer = repo.startLoad("x", ORIGIN, "", 1000);
        writer.readFrom(trickle(random(1000), 100), 1000);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> writer.buffer().byteAt(500));
        assertTrue(e.getMessage().contains("not loaded yet"), e.getMessage());
        assertEquals(100, writer.buffer().bytes().limit(), "the view holds the bytes arrived");
    }

    @Test
    void aCancelledLoadEndsAWaitingReaderWithTheReasonAndLeavesNothingBehind() throws Exception {
        MediaRepository repo = new MediaRepository(1_000_000, FormatDetector.NONE);
        List<String> removed = new CopyOnWriteArrayList<>();
        repo.addListener(new RepositoryListener() {
            @Override public void removed(MediaBuffer b) { removed.add(b.name()); }
        });
        BufferWriter writer = repo.startLoad("x", ORIGIN, "", -1);
        writer.readFrom(trickle(random(5000), 5000), 5000);
        writer.publish();
        InputStream in = writer.buffer().openStream();
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            try {
                readAll(in);
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(50);
        writer.close();
        Throwable t = reader.get(5, TimeUnit.SECONDS);
        assertTrue(t instanceof IOException && t.getMessage().equals("load cancelled"), String.valueOf(t));
        assertEquals(List.of("x"), removed);
        assertEquals(0, repo.count());
        assertEquals(1_000_000, repo.available());
    }

    @Test
    void aBodyOfUnknownLengthReservesWhatItHoldsAndStopsAtTheBudget() throws Exception {
        long budget = 2_000_000;
        MediaRepository repo = new MediaRepository(budget, FormatDetector.NONE);
        AtomicLong worst = new AtomicLong();
        repo.addListener(new RepositoryListener() {
            @Override public void memoryChanged(MemoryFigures f) { worst.accumulateAndGet(f.held() + f.reserved(), Math::max); }
        });
        BufferWriter small = repo.startLoad("small", ORIGIN, "", -1);
        InputStream in = trickle(random(700_000), 64 * 1024);
        while (small.readFrom(in, 64 * 1024) >= 0) { }
        MediaBuffer done = small.complete().buffer();
        assertEquals(700_000, done.size());
        assertEquals(done.bytesHeld(), repo.bytesHeld(), "the budget counts exactly the array the buffer holds");
        assertTrue(repo.bytesHeld() >= 700_000 && repo.bytesHeld() <= budget, "held " + repo.bytesHeld());

        BufferWriter big = repo.startLoad("big", ORIGIN, "", -1);
        InputStream endless = trickle(random(4_000_000), 64 * 1024);
        assertThrows(BudgetExceededException.class, () -> {
            while (big.readFrom(endless, 64 * 1024) >= 0) { }
        });
        big.fail("over budget");
        assertTrue(worst.get() <= budget, "peak " + worst.get() + " within " + budget);
        assertEquals(budget - repo.bytesHeld(), repo.available(), "the failed load gave everything back");
    }

    @Test
    void theSameBytesCompletedTwiceKeepTheFirstBufferAndDropTheSecond() throws Exception {
        byte[] body = random(50_000);
        MediaRepository repo = new MediaRepository(1_000_000, FormatDetector.NONE);
        MediaBuffer first = repo.add(body, "a", ORIGIN, "").buffer();
        BufferWriter writer = repo.startLoad("b", ORIGIN, "", body.length);
        InputStream in = trickle(body, 20_000);
        writer.readFrom(in, body.length);
        writer.publish();
        assertEquals(2, repo.count());
        while (writer.readFrom(in, body.length) >= 0) { }
        AddResult result = writer.complete();
        assertTrue(result.duplicate());
        assertSame(first, result.buffer());
        assertEquals(1, repo.count());
        assertEquals(body.length, repo.bytesHeld());
        assertEquals(0, repo.figures().reserved());
    }

    @Test
    void removingABufferStillLoadingStopsItsLoad() throws Exception {
        MediaRepository repo = new MediaRepository(1_000_000, FormatDetector.NONE);
        BufferWriter writer = repo.startLoad("x", ORIGIN, "", -1);
        List<String> stopped = new CopyOnWriteArrayList<>();
        writer.onRemoved(() -> stopped.add("stop"));
        writer.readFrom(trickle(random(100), 100), 100);
        writer.publish();
        assertTrue(repo.remove(writer.buffer()));
        assertEquals(List.of("stop"), stopped);
        IOException e = assertThrows(IOException.class, () -> writer.readFrom(trickle(random(10), 10), 10));
        assertEquals("removed from the library", e.getMessage());
        assertEquals(0, repo.count());
        assertEquals(1_000_000, repo.available());
    }

    @Test
    void aLiveWindowHoldsTheMostRecentBytesAndTheBudgetCountsTheWindow() throws Exception {
        byte[] stream = random(10_000);
        MediaRepository repo = new MediaRepository(100_000, FormatDetector.NONE);
        BufferWriter writer = repo.startLive("radio", ORIGIN, "", 4096);
        assertEquals(4096, repo.figures().reserved());
        InputStream wire = trickle(stream, 1000);
        writer.readFrom(wire, 1000);
        writer.publish();
        MediaBuffer live = writer.buffer();
        assertTrue(live.isLive());
        InputStream follower = live.openStream();
        byte[] firstRead = follower.readNBytes(1000);
        assertArrayEquals(java.util.Arrays.copyOf(stream, 1000), firstRead);
        while (writer.readFrom(wire, 1000) >= 0) { }
        assertEquals(4096, live.size());
        assertEquals(10_000, live.bytesArrived());
        byte[] window = new byte[4096];
        live.bytes().get(0, window);
        assertArrayEquals(java.util.Arrays.copyOfRange(stream, 10_000 - 4096, 10_000), window);
        assertEquals(stream[10_000 - 4096], live.byteAt(0));
        assertEquals(4096, repo.figures().reserved(), "the window, never more");

        byte[] next = follower.readNBytes(100);
        assertArrayEquals(java.util.Arrays.copyOfRange(stream, 10_000 - 4096, 10_000 - 4096 + 100), next,
                "a reader left a window behind goes on from the oldest byte held");
        writer.end();
        assertEquals(4096 - 100, readAll(follower).length, "after the stream ended the reader reads to its end");
    }
}
