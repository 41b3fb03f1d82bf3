package dev.bufferdeck.video;

import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.Test;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code resource:} URLs, opened the way JavaFX Media opens them: {@code new URL(..).openConnection()}. */
class BufferUrlsTest {
    private final MediaRepository repository = new MediaRepository(new FormatSniffer());

    private MediaBuffer buffer(String name, int size, long seed) throws Exception {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return repository.add(bytes, name, new Origin.File(Path.of("/music/" + name)), "").buffer();
    }

    private static byte[] expected(MediaBuffer buffer, int from, int length) {
        byte[] b = new byte[length];
        buffer.copy(from, b, 0, length);
        return b;
    }

    @Test
    void theJdkFindsTheHandlerThroughServiceLoaderAndReadsTheBufferWithItsLength() throws Exception {
        MediaBuffer buffer = buffer("clip.mp4", 50_000, 1);
        try (BufferUrls.Lease lease = BufferUrls.lease(buffer)) {
            URLConnection connection = new URL(lease.url()).openConnection();
            assertEquals(50_000, connection.getContentLengthLong());
            try (InputStream in = connection.getInputStream()) {
                assertArrayEquals(expected(buffer, 0, 50_000), in.readAllBytes());
            }
        }
    }

    @Test
    void aBufferStillLoadingIsReadAsItsBytesArriveAndACancelEndsTheStreamWithItsReason() throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        dev.bufferdeck.repository.BufferWriter writer = repository.startLoad("growing.mp4",
                new Origin.File(Path.of("/music/growing.mp4")), "", bytes.length);
        java.io.ByteArrayInputStream source = new java.io.ByteArrayInputStream(bytes);
        writer.readFrom(source, 10_000);
        writer.publish();
        MediaBuffer buffer = writer.buffer();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (BufferUrls.Lease lease = BufferUrls.lease(buffer)) {
            URLConnection connection = new URL(lease.url()).openConnection();
            assertEquals(300_000, connection.getContentLengthLong(), "the length the load announced, not the bytes here");
            Future<byte[]> whole = pool.submit(() -> {
                try (InputStream in = connection.getInputStream()) {
                    return in.readAllBytes();
                }
            });
            Future<byte[]> seek = pool.submit(() -> {
                try (InputStream in = new URL(lease.url()).openConnection().getInputStream()) {
                    assertEquals(250_000, in.skip(250_000), "a seek past the bytes here waits for them");
                    return in.readNBytes(1000);
                }
            });
            Thread.sleep(200);
            assertFalse(whole.isDone() || seek.isDone(), "readers wait for bytes still arriving");
            while (writer.readFrom(source, 20_000) >= 0) Thread.sleep(2);
            writer.complete();
            assertArrayEquals(bytes, whole.get(5, TimeUnit.SECONDS));
            assertArrayEquals(Arrays.copyOfRange(bytes, 250_000, 251_000), seek.get(5, TimeUnit.SECONDS));

            dev.bufferdeck.repository.BufferWriter cut = repository.startLoad("cut.mp4",
                    new Origin.File(Path.of("/music/cut.mp4")), "", 100_000);
            cut.readFrom(new java.io.ByteArrayInputStream(bytes), 5_000);
            cut.publish();
            try (BufferUrls.Lease cutLease = BufferUrls.lease(cut.buffer())) {
                Future<byte[]> reading = pool.submit(() -> {
                    try (InputStream in = new URL(cutLease.url()).openConnection().getInputStream()) {
                        return in.readAllBytes();
                    }
                });
                Thread.sleep(100);
                cut.close();
                java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> reading.get(5, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof IOException && e.getCause().getMessage().equals("load cancelled"),
                        String.valueOf(e.getCause()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUrlNamesItsBufferByARandomTokenNotByNameOrIdAndEachLeaseGetsItsOwn() throws Exception {
        MediaBuffer buffer = buffer("holiday.mp4", 100, 2);
        try (BufferUrls.Lease a = BufferUrls.lease(buffer); BufferUrls.Lease b = BufferUrls.lease(buffer)) {
            assertTrue(a.url().matches("resource:///bufferdeck/[0-9a-f]{32}(\\.\\w+)?"), a.url());
            assertFalse(a.url().contains("holiday"), a.url());
            assertNotEquals(a.url(), b.url());
        }
    }

    @Test
    void anUnknownTokenFailsWithAClearMessage() throws Exception {
        URL url = new URL("resource:///bufferdeck/00000000000000000000000000000000.mp4");
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> url.openStream());
        assertTrue(e.getMessage().startsWith("No buffer behind " + url), e.getMessage());
        assertEquals(-1, url.openConnection().getContentLengthLong());
    }

    @Test
    void aClosedLeaseRemovesTheUrlButStreamsAlreadyOpenFinishReading() throws Exception {
        MediaBuffer buffer = buffer("gone.mp4", 10_000, 3);
        BufferUrls.Lease lease = BufferUrls.lease(buffer);
        URL url = new URL(lease.url());
        int before = BufferUrls.openCount();
        try (InputStream open = url.openStream()) {
            lease.close();
            assertEquals(before - 1, BufferUrls.openCount());
            FileNotFoundException e = assertThrows(FileNotFoundException.class, url::openStream);
            assertTrue(e.getMessage().contains("has closed it"), e.getMessage());
            assertArrayEquals(expected(buffer, 0, 10_000), open.readAllBytes());
        }
    }

    @Test
    void aSeekReopensAndSkipsToTheOffset() throws Exception {
        MediaBuffer buffer = buffer("seek.mp4", 1 << 20, 4);
        try (BufferUrls.Lease lease = BufferUrls.lease(buffer)) {
            URL url = new URL(lease.url());
            for (int offset : new int[]{0, 1, 777_777, (1 << 20) - 10, 4096}) {
                try (InputStream in = url.openConnection().getInputStream()) {
                    assertEquals(offset, in.skip(offset));
                    int n = Math.min(4096, (1 << 20) - offset);
                    assertArrayEquals(expected(buffer, offset, n), in.readNBytes(n), "at " + offset);
                }
            }
            try (InputStream in = url.openStream()) {
                assertEquals(1 << 20, in.skip(Long.MAX_VALUE), "a skip past the end stops at the end");
                assertEquals(-1, in.read());
            }
        }
    }

    @Test
    void concurrentPlayersReadTheirOwnBuffersAndClosingOneLeavesTheOthers() throws Exception {
        List<MediaBuffer> buffers = List.of(buffer("a.mp4", 300_000, 5), buffer("b.mp4", 200_000, 6));
        List<BufferUrls.Lease> leases = new ArrayList<>();
        for (MediaBuffer b : buffers) { leases.add(BufferUrls.lease(b)); leases.add(BufferUrls.lease(b)); }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> reads = new ArrayList<>();
            for (int i = 0; i < leases.size(); i++) {
                MediaBuffer buffer = buffers.get(i / 2);
                URL url = new URL(leases.get(i).url());
                long seed = i;
                reads.add(pool.submit(() -> readsLikeAPlayerThatSeeks(url, buffer, new Random(seed))));
            }
            for (Future<Boolean> read : reads) assertTrue(read.get(30, TimeUnit.SECONDS));

            leases.get(0).close();
            assertThrows(FileNotFoundException.class, () -> new URL(leases.get(0).url()).openStream());
            try (InputStream in = new URL(leases.get(1).url()).openStream()) {
                assertArrayEquals(expected(buffers.get(0), 0, 300_000), in.readAllBytes());
            }
        } finally {
            pool.shutdownNow();
            leases.forEach(BufferUrls.Lease::close);
        }
    }

    private static boolean readsLikeAPlayerThatSeeks(URL url, MediaBuffer buffer, Random random) throws IOException {
        for (int seek = 0; seek < 50; seek++) {
            int offset = random.nextInt(buffer.size());
            int n = Math.min(8192, buffer.size() - offset);
            try (InputStream in = url.openConnection().getInputStream()) {
                in.skipNBytes(offset);
                if (!Arrays.equals(expected(buffer, offset, n), in.readNBytes(n))) return false;
            }
        }
        return true;
    }
}
