package dev.bufferdeck.source;

import com.sun.net.httpserver.HttpExchange;
import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.MemoryFigures;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.repository.RepositoryListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #18 item 7: a chunked body (no Content-Length) of 95 % of the free budget loads, because it is
 * stored in pieces and never needs room for itself twice; the budget is never exceeded on the way (a
 * listener checks every change); a body larger than the budget is still refused with one line.
 */
class ChunkedBodyBudgetTest {
    private static final long BUDGET = 24L << 20;
    private static final int ALREADY_HELD = 8 << 20;

    private LoopbackHttpServer server;
    private MediaRepository repository;
    private SourceLoader loader;
    private final List<String> overruns = new CopyOnWriteArrayList<>();
    private final AtomicLong peak = new AtomicLong();
    private volatile byte[] body;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackHttpServer.start("test-server-chunked", this::serveChunked);
        repository = new MediaRepository(BUDGET, FormatDetector.NONE);
        // dropped bytes: they cannot be reloaded, so nothing lets them go to make room
        repository.add(random(ALREADY_HELD, 7), "held.bin", new Origin.Dropped("application/octet-stream", "held"), "");
        repository.addListener(new RepositoryListener() {
            @Override
            public void memoryChanged(MemoryFigures f) {
                peak.accumulateAndGet(f.held() + f.reserved(), Math::max);
                if (f.held() + f.reserved() > f.budget()) overruns.add(f.toString());
            }
        });
        loader = new SourceLoader(repository);
    }

    @AfterEach
    void stop() {
        loader.close();
        server.close();
    }

    /** Writes the body in 32 KiB pieces with chunked transfer encoding (length 0 = no Content-Length). */
    private void serveChunked(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            byte[] b = body;
            for (int off = 0; off < b.length; off += 32 * 1024) {
                out.write(b, off, Math.min(32 * 1024, b.length - off));
            }
        }
    }

    private String url() {
        return server.url("/body.bin");
    }

    @Test
    @Timeout(60)
    void aChunkedBodyOfNinetyFivePercentOfTheFreeBudgetLoadsWithoutExceedingIt() throws Exception {
        long free = repository.available();
        assertEquals(16L << 20, free);
        body = random((int) (free * 0.95), 1);

        AddResult r = loader.load(url());

        assertFalse(r.duplicate());
        assertTrue(r.buffer().isComplete());
        assertEquals(body.length, r.buffer().size());
        assertEquals(MediaRepository.sha256(body), r.buffer().sha256());
        assertEquals(List.of(), overruns, "figures over the budget");
        assertTrue(peak.get() <= BUDGET, "peak " + peak.get());
        MemoryFigures after = repository.figures();
        assertEquals(0, after.reserved(), "nothing left reserved");
        assertTrue(after.held() >= ALREADY_HELD + body.length && after.held() <= BUDGET, after.toString());
        assertEquals(ALREADY_HELD + r.buffer().bytesHeld(), after.held(), "the budget counts the pieces the body is in");
        // a body of unknown length is held in pieces of 2 MiB outside the heap; the last one is trimmed
        // to the body's end only when the budget can take the copy, which here it cannot
        assertTrue(r.buffer().bytesHeld() < body.length + (2 << 20), "at most one piece of spare room: " + r.buffer().bytesHeld());
        assertTrue(peak.get() <= ALREADY_HELD + body.length + (2 << 20), "at most one piece beyond the body: peak " + peak.get());
        System.out.printf("ChunkedBodyBudgetTest: body %d of %d free, held for it %d, peak %d of %d%n",
                body.length, free, r.buffer().bytesHeld(), peak.get(), BUDGET);
    }

    @Test
    @Timeout(60)
    void aChunkedBodyThatFillsTheFreeBudgetExactlyLoads() throws Exception {
        body = random((int) repository.available(), 3);

        AddResult r = loader.load(url());

        assertEquals(MediaRepository.sha256(body), r.buffer().sha256());
        assertEquals(body.length, r.buffer().bytesHeld());
        assertEquals(0, repository.available());
        assertEquals(List.of(), overruns, "figures over the budget");
    }

    @Test
    @Timeout(60)
    void aChunkedBodyOverTheFreeBudgetIsRefusedWithOneLineAndNothingKept() throws Exception {
        body = random((int) (repository.available() + (1 << 20)), 2);
        LeakCheck check = LeakCheck.before(repository);

        LoadException e = assertThrows(LoadException.class, () -> loader.load(url()));

        assertEquals(LoadException.Kind.OVER_BUDGET, e.kind());
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(url())
                + ": memory budget full: needs [0-9.]+ (B|KiB|MiB) but only [0-9.]+ (B|KiB|MiB) of 24 MiB is free"
                + " \\(after [0-9.]+ (KiB|MiB) of a body of unknown length\\)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(List.of(), overruns, "figures over the budget");
        check.assertRepositoryUnchanged();
        check.assertNothingLeftBehind(loader);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
