package dev.bufferdeck.source;

import com.sun.net.httpserver.HttpExchange;
import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlLoadTest {
    private static final byte[] BODY = randomBytes(300_000, 1);
    private static final HttpSettings FAST = HttpSettings.DEFAULTS
            .withConnectTimeout(Duration.ofSeconds(5))
            .withResponseTimeout(Duration.ofSeconds(5))
            .withIdleTimeout(Duration.ofSeconds(5));

    private LoopbackHttpServer server;
    private final List<String> requestPaths = new CopyOnWriteArrayList<>();
    private final List<String> acceptEncodings = new CopyOnWriteArrayList<>();
    private MediaRepository repository;
    private SourceLoader loader;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.start("test-server", this::handle);
        repository = new MediaRepository(8L << 20, FormatDetector.NONE);
        loader = new SourceLoader(repository, FAST);
    }

    @AfterEach
    void stop() {
        loader.close();
        server.close();
    }

    private String url(String path) {
        return server.url(path);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requestPaths.add(path);
        acceptEncodings.add(String.valueOf(ex.getRequestHeaders().getFirst("Accept-Encoding")));
        try (ex) {
            if (path.equals("/a.mp3")) {
                ex.getResponseHeaders().add("Content-Type", "audio/mpeg; charset=binary");
                ex.sendResponseHeaders(200, BODY.length);
                ex.getResponseBody().write(BODY);
            } else if (path.equals("/chunked/b.ogg")) {
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                for (int off = 0; off < BODY.length; off += 10_000) {
                    out.write(BODY, off, Math.min(10_000, BODY.length - off));
                    out.flush();
                }
            } else if (path.equals("/gzip.wav")) {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                    gz.write(BODY);
                }
                ex.getResponseHeaders().add("Content-Encoding", "gzip");
                ex.sendResponseHeaders(200, zipped.size());
                ex.getResponseBody().write(zipped.toByteArray());
            } else if (path.equals("/deflate.wav")) {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(zipped)) {
                    z.write(BODY);
                }
                ex.getResponseHeaders().add("Content-Encoding", "deflate");
                ex.sendResponseHeaders(200, 0);
                ex.getResponseBody().write(zipped.toByteArray());
            } else if (path.equals("/brotli.wav")) {
                ex.getResponseHeaders().add("Content-Encoding", "br");
                ex.sendResponseHeaders(200, 4);
                ex.getResponseBody().write(new byte[4]);
            } else if (path.startsWith("/hop/")) {
                int left = Integer.parseInt(path.substring(5));
                ex.getResponseHeaders().add("Location", left == 0 ? "/a.mp3" : "/hop/" + (left - 1));
                ex.sendResponseHeaders(302, -1);
            } else if (path.equals("/loop")) {
                ex.getResponseHeaders().add("Location", url("/loop"));
                ex.sendResponseHeaders(301, -1);
            } else if (path.equals("/to-file")) {
                ex.getResponseHeaders().add("Location", "file:/etc/passwd");
                ex.sendResponseHeaders(302, -1);
            } else if (path.equals("/big")) {
                ex.sendResponseHeaders(200, 64L << 20);
                OutputStream out = ex.getResponseBody();
                byte[] block = new byte[64 * 1024];
                for (int i = 0; i < 1024; i++) out.write(block);
            } else if (path.equals("/big-chunked")) {
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                byte[] block = new byte[64 * 1024];
                for (int i = 0; i < 1024; i++) out.write(block);
            } else if (path.equals("/500")) {
                byte[] page = "<html>boom</html>".getBytes();
                ex.sendResponseHeaders(500, page.length);
                ex.getResponseBody().write(page);
            } else {
                byte[] page = "<html>not here</html>".getBytes();
                ex.sendResponseHeaders(404, page.length);
                ex.getResponseBody().write(page);
            }
        }
    }

    @Test
    void loadsBodyWithContentLengthIntoOneBufferWithUrlOrigin() throws Exception {
        AtomicLong lastTotal = new AtomicLong(-2);
        AtomicLong lastRead = new AtomicLong();
        AddResult r = loader.load(url("/a.mp3"), (read, total) -> {
            lastRead.set(read);
            lastTotal.set(total);
        }, new Cancellation());

        assertFalse(r.duplicate());
        assertArrayEquals(BODY, bytesOf(r));
        assertEquals(MediaRepository.sha256(BODY), r.buffer().sha256());
        assertEquals("a.mp3", r.buffer().name());
        assertEquals("audio/mpeg", r.buffer().declaredType());
        assertEquals(BODY.length, lastRead.get());
        assertEquals(BODY.length, lastTotal.get());
        Origin.Url origin = (Origin.Url) r.buffer().origin();
        assertEquals(200, origin.status());
        assertEquals(url("/a.mp3"), origin.finalUri().toString());
        assertEquals(List.of("identity"), acceptEncodings);
    }

    @Test
    void loadsChunkedBodyOfUnknownLength() throws Exception {
        AtomicLong lastTotal = new AtomicLong(-2);
        AddResult r = loader.load(url("/chunked/b.ogg"), (read, total) -> lastTotal.set(total), new Cancellation());
        assertArrayEquals(BODY, bytesOf(r));
        assertEquals(-1, lastTotal.get());
        assertEquals("b.ogg", r.buffer().name());
        assertEquals("ogg", r.buffer().declaredType(), "no Content-Type: the URL's extension");
        assertEquals(BODY.length, repository.bytesHeld());
        assertEquals(0, repository.figures().reserved());
    }

    @Test
    void loadsBodyWithoutContentLengthEndedByClose() throws Exception {
        try (RawHttpServer raw = new RawHttpServer((s, head) -> {
            RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: audio/wav\r\n\r\n");
            s.getOutputStream().write(BODY);
        })) {
            AddResult r = loader.load(raw.url("/c.wav"), LoadProgress.NONE, new Cancellation());
            assertArrayEquals(BODY, bytesOf(r));
            assertEquals("audio/wav", r.buffer().declaredType());
        }
    }

    @Test
    void decodesGzipBodyTheServerSentUnasked() throws Exception {
        AddResult r = loader.load(url("/gzip.wav"), LoadProgress.NONE, new Cancellation());
        assertArrayEquals(BODY, bytesOf(r));
        assertEquals(BODY.length, repository.bytesHeld());
    }

    @Test
    void decodesChunkedDeflateBody() throws Exception {
        AddResult r = loader.load(url("/deflate.wav"), LoadProgress.NONE, new Cancellation());
        assertArrayEquals(BODY, bytesOf(r));
    }

    @Test
    void unknownContentEncodingIsRefused() throws Exception {
        LeakCheck check = LeakCheck.before(repository);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(url("/brotli.wav")));
        assertEquals(url("/brotli.wav") + ": unsupported Content-Encoding br", e.getMessage());
        check.assertRepositoryUnchanged();
        check.assertNothingLeftBehind(loader);
    }

    @Test
    void corruptGzipBodyIsAnError() throws Exception {
        try (RawHttpServer raw = new RawHttpServer((s, head) -> {
            RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 100\r\n\r\n");
            byte[] junk = new byte[100];
            junk[0] = 0x1f;
            junk[1] = (byte) 0x8b;
            junk[2] = 8;
            java.util.Arrays.fill(junk, 10, 100, (byte) 0xff);
            s.getOutputStream().write(junk);
        })) {
            LeakCheck check = LeakCheck.before(repository);
            LoadException e = assertThrows(LoadException.class, () -> loader.load(raw.url("/z.mp3")));
            assertTrue(e.getMessage().startsWith(raw.url("/z.mp3") + ": compressed body is corrupt: "), e.getMessage());
            check.assertRepositoryUnchanged();
            check.assertNothingLeftBehind(loader);
        }
    }

    @Test
    void followsRedirectsAndRecordsBothUrls() throws Exception {
        AddResult r = loader.load(url("/hop/3"), LoadProgress.NONE, new Cancellation());
        assertArrayEquals(BODY, bytesOf(r));
        Origin.Url origin = (Origin.Url) r.buffer().origin();
        assertEquals(url("/hop/3"), origin.requested().toString());
        assertEquals(url("/a.mp3"), origin.finalUri().toString());
        assertEquals(List.of("/hop/3", "/hop/2", "/hop/1", "/hop/0", "/a.mp3"), requestPaths);
    }

    @Test
    void tenRedirectsAreFollowedButNotEleven() throws Exception {
        loader.load(url("/hop/9"), LoadProgress.NONE, new Cancellation());
        LeakCheck check = LeakCheck.before(repository);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(url("/hop/10"), LoadProgress.NONE, new Cancellation()));
        assertEquals(url("/hop/10") + ": redirected more than 10 times", e.getMessage());
        check.assertRepositoryUnchanged();
        check.assertNothingLeftBehind(loader);
    }

    @Test
    void redirectLoopIsRefused() throws Exception {
        LeakCheck check = LeakCheck.before(repository);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(url("/loop"), LoadProgress.NONE, new Cancellation()));
        assertEquals(url("/loop") + ": redirected more than 10 times", e.getMessage());
        assertEquals(11, requestPaths.size());
        check.assertRepositoryUnchanged();
        check.assertNothingLeftBehind(loader);
    }

    @Test
    void redirectToFileSchemeIsRefused() throws Exception {
        LeakCheck check = LeakCheck.before(repository);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(url("/to-file"), LoadProgress.NONE, new Cancellation()));
        assertEquals(url("/to-file") + ": redirect to file:/etc/passwd refused (only http and https)", e.getMessage());
        check.assertRepositoryUnchanged();
        check.assertNothingLeftBehind(loader);
    }

    @Test
    void otherSchemesAreRefusedWithoutAnyRequest() {
        LoadException e = assertThrows(LoadException.class, () -> loader.load("ftp://127.0.0.1/a.mp3"));
        assertEquals("ftp://127.0.0.1/a.mp3: scheme ftp refused (only http and https)", e.getMessage());
        assertTrue(requestPaths.isEmpty());
    }

    @Test
    void notFoundNamesUrlAndStatus() throws Exception {
        LeakCheck check = LeakCheck.before(repository);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(url("/missing.mp3"), LoadProgress.NONE, new Cancellation()));
        assertEquals(url("/missing.mp3") + ": server answered 404 Not Found", e.getMessage());
        assertEquals(LoadException.Kind.HTTP_STATUS, e.kind());
        check.assertRepositoryUnchanged();
        check.assertNothingLeftBehind(loader);
    }

    @Test
    void serverErrorNamesUrlAndStatus() throws Exception {
        LeakCheck check = LeakCheck.before(repository);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(url("/500"), LoadProgress.NONE, new Cancellation()));
        assertEquals(url("/500") + ": server answered 500 Internal Server Error", e.getMessage());
        check.assertRepositoryUnchanged();
        check.assertNothingLeftBehind(loader);
    }

    @Test
    void connectionResetMidBodyIsReportedWithHowFarItGot() throws Exception {
        try (RawHttpServer raw = new RawHttpServer((s, head) -> {
            RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 4194304\r\n\r\n");
            s.getOutputStream().write(new byte[1 << 20]);
            s.getOutputStream().flush();
            Thread.sleep(200);
            s.setSoLinger(true, 0);
            s.close();
        })) {
            LeakCheck check = LeakCheck.before(repository);
            LoadException e = assertThrows(LoadException.class, () -> loader.load(raw.url("/r.mp3"), LoadProgress.NONE, new Cancellation()));
            assertTrue(e.getMessage().startsWith(raw.url("/r.mp3") + ": connection reset after "), e.getMessage());
            assertTrue(e.getMessage().endsWith(" of 4 MiB"), e.getMessage());
            check.assertRepositoryUnchanged();
            check.assertNothingLeftBehind(loader);
        }
    }

    @Test
    void bodyShorterThanContentLengthIsAnError() throws Exception {
        try (RawHttpServer raw = new RawHttpServer((s, head) -> {
            RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n");
            s.getOutputStream().write(new byte[1000]);
        })) {
            LeakCheck check = LeakCheck.before(repository);
            LoadException e = assertThrows(LoadException.class, () -> loader.load(raw.url("/s.mp3"), LoadProgress.NONE, new Cancellation()));
            assertEquals(raw.url("/s.mp3") + ": body ended at 1000 of 2000 bytes announced by Content-Length", e.getMessage());
            check.assertRepositoryUnchanged();
            check.assertNothingLeftBehind(loader);
        }
    }

    @Test
    void bodyLongerThanContentLengthIsAnError() throws Exception {
        try (RawHttpServer raw = new RawHttpServer((s, head) -> {
            RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
            s.getOutputStream().write(new byte[2000]);
            s.getOutputStream().flush();
            Thread.sleep(2000);
        })) {
            LeakCheck check = LeakCheck.before(repository);
            LoadException e = assertThrows(LoadException.class, () -> loader.load(raw.url("/l.mp3"), LoadProgress.NONE, new Cancellation()));
            assertEquals(raw.url("/l.mp3") + ": body longer than the 1000 bytes announced by Content-Length", e.getMessage());
            check.assertRepositoryUnchanged();
            check.assertNothingLeftBehind(loader);
        }
    }

    @Test
    void stallPastTheIdleTimeoutIsAbortedPromptly() throws Exception {
        CountDownLatch clientGone = new CountDownLatch(1);
        try (SourceLoader stallWatcher = new SourceLoader(repository, FAST.withIdleTimeout(Duration.ofMillis(700)));
             RawHttpServer raw = new RawHttpServer((s, head) -> {
            RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n");
            s.getOutputStream().write(new byte[1000]);
            s.getOutputStream().flush();
            try {
                while (s.getInputStream().read() >= 0) {
                    // wait for the client to hang up
                }
            } catch (IOException reset) {
                // an abortive close is a hang-up too
            }
            clientGone.countDown();
        })) {
            LeakCheck check = LeakCheck.before(repository);
            long t0 = System.nanoTime();
            LoadException e = assertThrows(LoadException.class, () -> stallWatcher.load(raw.url("/st.mp3"), LoadProgress.NONE, new Cancellation()));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(raw.url("/st.mp3") + ": no data for 0.7 s (stalled), after 1000 B of 2.0 KiB", e.getMessage());
            assertEquals(LoadException.Kind.TIMEOUT, e.kind());
            // the socket timeout behind the watchdog would take 10 s
            assertTrue(ms >= 600 && ms < 8000, "took " + ms + " ms");
            assertTrue(clientGone.await(5, TimeUnit.SECONDS), "the client closed the connection");
            check.assertRepositoryUnchanged();
            check.assertNothingLeftBehind(stallWatcher);
        }
    }

    @Test
    void overBudgetIsRefusedBeforeTheBodyIsRead() throws Exception {
        AtomicLong maxRead = new AtomicLong();
        LeakCheck check = LeakCheck.before(repository);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(url("/big"),
                (read, total) -> maxRead.accumulateAndGet(read, Math::max), new Cancellation()));
        assertEquals(url("/big") + ": memory budget full: needs 64 MiB but only 8 MiB of 8 MiB is free", e.getMessage());
        assertEquals(LoadException.Kind.OVER_BUDGET, e.kind());
        assertEquals(List.of("/big"), requestPaths, "the server saw the request");
        assertEquals(0, maxRead.get(), "body bytes read");
        check.assertRepositoryUnchanged();
        check.assertNothingLeftBehind(loader);
    }

    @Test
    void chunkedBodyRunningPastTheBudgetIsAbortedAndDropped() throws Exception {
        AtomicLong maxRead = new AtomicLong();
        LeakCheck check = LeakCheck.before(repository);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(url("/big-chunked"),
                (read, total) -> maxRead.accumulateAndGet(read, Math::max), new Cancellation()));
        assertTrue(e.getMessage().startsWith(url("/big-chunked") + ": memory budget full: needs "), e.getMessage());
        // one byte past the budget is what tells that the body goes on (a body that fills it exactly loads)
        assertTrue(maxRead.get() <= (8L << 20) + 1, "read " + maxRead.get());
        check.assertRepositoryUnchanged();
        check.assertNothingLeftBehind(loader);
    }

    @Test
    void cancelMidBodyEndsABlockedReadPromptly() throws Exception {
        try (SourceLoader patient = new SourceLoader(repository, FAST.withIdleTimeout(Duration.ofSeconds(30)));
             RawHttpServer raw = new RawHttpServer((s, head) -> {
                 RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 4194304\r\n\r\n");
                 s.getOutputStream().write(new byte[100_000]);
                 s.getOutputStream().flush();
                 while (s.getInputStream().read() >= 0) {
                     // hold the connection open, sending nothing, until the client hangs up
                 }
             })) {
            LeakCheck check = LeakCheck.before(repository);
            Cancellation cancel = new Cancellation();
            CountDownLatch started = new CountDownLatch(1);
            Thread canceller = new Thread(() -> {
                try {
                    started.await();
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    return;
                }
                cancel.cancel();
            }, "test-server-canceller");
            canceller.start();
            long t0 = System.nanoTime();
            LoadException e = assertThrows(LoadException.class, () -> patient.load(raw.url("/c.mp3"),
                    (read, total) -> { if (read > 0) started.countDown(); }, cancel));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(e.isCancelled(), e.getMessage());
            assertTrue(e.getMessage().startsWith(raw.url("/c.mp3") + ": cancelled after "), e.getMessage());
            assertTrue(ms < 8000, "took " + ms + " ms (the idle timeout is 30 s)");
            canceller.join();
            check.assertRepositoryUnchanged();
            check.assertNothingLeftBehind(patient);
        }
    }

    @Test
    void serverThatNeverAnswersTimesOutWithTheResponseTimeout() throws Exception {
        try (SourceLoader impatient = new SourceLoader(repository, FAST
                .withConnectTimeout(Duration.ofMillis(300)).withResponseTimeout(Duration.ofMillis(400))
                .withIdleTimeout(Duration.ofSeconds(30)));
             RawHttpServer raw = new RawHttpServer((s, head) -> {
                 try {
                     while (s.getInputStream().read() >= 0) {
                         // say nothing until the client hangs up
                     }
                 } catch (IOException reset) {
                     // hung up abruptly
                 }
             })) {
            LeakCheck check = LeakCheck.before(repository);
            long t0 = System.nanoTime();
            LoadException e = assertThrows(LoadException.class, () -> impatient.load(raw.url("/quiet.mp3")));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(raw.url("/quiet.mp3") + ": no response within 0.7 s", e.getMessage());
            assertEquals(LoadException.Kind.TIMEOUT, e.kind());
            assertTrue(ms < 8000, "took " + ms + " ms (the socket timeout behind the watchdog is 35 s)");
            assertEquals(1, raw.requests().size());
            check.assertRepositoryUnchanged();
            check.assertNothingLeftBehind(impatient);
        }
    }

    @Test
    void cancelWhileWaitingForTheResponseEndsPromptly() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        try (RawHttpServer raw = new RawHttpServer((s, head) -> {
            asked.countDown();
            try {
                while (s.getInputStream().read() >= 0) {
                    // say nothing until the client hangs up
                }
            } catch (IOException reset) {
                // hung up abruptly
            }
        })) {
            LeakCheck check = LeakCheck.before(repository);
            Cancellation cancel = new Cancellation();
            Thread canceller = new Thread(() -> {
                try {
                    asked.await();
                } catch (InterruptedException ignored) {
                    return;
                }
                cancel.cancel();
            }, "test-server-canceller");
            canceller.start();
            LoadException e = assertThrows(LoadException.class, () -> loader.load(raw.url("/w.mp3"), LoadProgress.NONE, cancel));
            assertEquals(raw.url("/w.mp3") + ": cancelled", e.getMessage());
            canceller.join();
            check.assertRepositoryUnchanged();
            check.assertNothingLeftBehind(loader);
        }
    }

    @Test
    void unknownHostIsOneClearLine() throws Exception {
        LeakCheck check = LeakCheck.before(repository);
        LoadException e = assertThrows(LoadException.class, () -> loader.load("http://no-such-host.invalid/a.mp3"));
        assertEquals("http://no-such-host.invalid/a.mp3: host not found", e.getMessage());
        check.assertRepositoryUnchanged();
        check.assertNothingLeftBehind(loader);
    }

    @Test
    void refusedConnectionIsOneClearLine() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LeakCheck check = LeakCheck.before(repository);
        LoadException e = assertThrows(LoadException.class, () -> loader.load("http://127.0.0.1:" + port + "/a.mp3"));
        assertEquals("http://127.0.0.1:" + port + "/a.mp3: connection refused", e.getMessage());
        check.assertRepositoryUnchanged();
        check.assertNothingLeftBehind(loader);
    }

    @Test
    void sameBytesTwiceOfferTheExistingBuffer() throws Exception {
        AddResult first = loader.load(url("/a.mp3"));
        AddResult second = loader.load(url("/chunked/b.ogg"));
        assertTrue(second.duplicate());
        assertEquals(first.buffer().id(), second.buffer().id());
        assertEquals(BODY.length, repository.bytesHeld());
        assertEquals(0, repository.figures().reserved());
    }

    static byte[] bytesOf(AddResult r) {
        byte[] out = new byte[r.buffer().size()];
        r.buffer().bytes().get(0, out);
        return out;
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
