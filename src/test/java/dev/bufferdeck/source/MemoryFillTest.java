package dev.bufferdeck.source;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.MemoryFigures;
import dev.bufferdeck.repository.RepositoryListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Loads files and URL bodies into a 64 MiB budget until it is full, then more, one by one and four at
 * a time: the budget is never exceeded (checked after every step and by a listener on every change),
 * no OutOfMemoryError, each refusal one clear line, and removing buffers makes room again.
 */
class MemoryFillTest {
    private static final long BUDGET = 64L << 20;
    private static final int FILE_SIZE = 7 << 20;
    private static final Pattern REFUSAL = Pattern.compile(
            ".+: memory budget full: needs [0-9.]+ (B|KiB|MiB) but only [0-9.]+ (B|KiB|MiB) of 64 MiB is free"
                    + "( \\(after [0-9.]+ (B|KiB|MiB) of a body of unknown length\\))?");

    @TempDir Path dir;

    private MediaRepository repository;
    private SourceLoader loader;
    private final List<String> overruns = new CopyOnWriteArrayList<>();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();

    @BeforeEach
    void start() {
        repository = new MediaRepository(BUDGET, FormatDetector.NONE);
        repository.addListener(new RepositoryListener() {
            // pinned, so the budget fills up (files are otherwise let go to make room: EvictionTest)
            @Override
            public void added(MediaBuffer buffer) {
                repository.pin(buffer, true);
            }

            @Override
            public void memoryChanged(MemoryFigures f) {
                changes.incrementAndGet();
                peak.accumulateAndGet(f.held() + f.reserved(), Math::max);
                if (f.held() + f.reserved() > f.budget()) overruns.add(f.toString());
            }
        });
        loader = new SourceLoader(repository);
    }

    @AfterEach
    void stop() {
        loader.close();
    }

    @Test
    @Timeout(120)
    void fillingTheBudgetAndMoreNeverExceedsItAndRemovingMakesRoom() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 14; i++) files.add(file(i));

        List<MediaBuffer> loaded = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (Path f : files) {
            try {
                AddResult r = loader.load(f.toString());
                assertFalse(r.duplicate());
                loaded.add(r.buffer());
            } catch (LoadException e) {
                refusals.add(checkRefusal(e, f.toString()));
            } catch (OutOfMemoryError e) {
                fail("OutOfMemoryError loading " + f);
            }
            checkFigures();
        }
        assertEquals(9, loaded.size(), "9 × 7 MiB fit in 64 MiB");
        assertEquals(5, refusals.size());
        assertEquals(9L * FILE_SIZE, repository.bytesHeld());

        // a body of unknown length runs into the wall part-way and is dropped whole
        try (RawHttpServer server = new RawHttpServer((s, head) -> {
            RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] block = new byte[64 * 1024];
            new Random(head.length()).nextBytes(block);
            OutputStream out = s.getOutputStream();
            for (int i = 0; i < 100; i++) {
                out.write((Integer.toHexString(block.length) + "\r\n").getBytes());
                out.write(block);
                out.write("\r\n".getBytes());
            }
            out.write("0\r\n\r\n".getBytes());
        })) {
            String url = server.url("/radio.mp3");
            LoadException e = assertThrows(LoadException.class, () -> loader.load(url));
            refusals.add(checkRefusal(e, url));
            assertTrue(e.getMessage().endsWith(" of a body of unknown length)"), e.getMessage());
            checkFigures();

            // removing buffers lets the refused file and then the stream load (it is held in pieces;
            // its last piece keeps spare room, counted, when the exact-size copy does not fit)
            for (int i = 0; i < 4; i++) assertTrue(repository.remove(loaded.remove(0)));
            checkFigures();
            loaded.add(loader.load(files.get(9).toString()).buffer());
            checkFigures();
            MediaBuffer stream = loader.load(url).buffer();
            assertEquals(100 * 64 * 1024, stream.size());
            loaded.add(stream);
            checkFigures();
        }

        // four loads at a time against the last few free MiB: each either fits or is refused clearly
        while (repository.available() > FILE_SIZE) loaded.add(loader.load(file(100 + loaded.size()).toString()).buffer());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path f = file(200 + i);
                results.add(pool.submit(() -> {
                    try {
                        loader.load(f.toString());
                        return "loaded";
                    } catch (LoadException e) {
                        return checkRefusal(e, f.toString());
                    }
                }));
            }
            for (Future<String> r : results) {
                String outcome = r.get();
                if (!outcome.equals("loaded")) refusals.add(outcome);
            }
        } finally {
            pool.shutdownNow();
        }
        checkFigures();

        assertEquals(List.of(), overruns, "figures over the budget seen by the listener");
        assertTrue(peak.get() <= BUDGET);
        System.out.printf("MemoryFillTest: budget %s, peak held+reserved %s, %d memory changes seen, %d buffers held (%s), "
                        + "%d refusals, e.g. \"%s\"%n", ByteSizes.human(BUDGET), ByteSizes.human(peak.get()), changes.get(),
                repository.count(), ByteSizes.human(repository.bytesHeld()), refusals.size(),
                refusals.get(0).replace(dir.toString(), "<tmp>"));
    }

    private String checkRefusal(LoadException e, String source) {
        assertEquals(LoadException.Kind.OVER_BUDGET, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith(source + ": "), e.getMessage());
        assertTrue(REFUSAL.matcher(e.getMessage()).matches(), "one clear line: " + e.getMessage());
        return e.getMessage();
    }

    private void checkFigures() {
        MemoryFigures f = repository.figures();
        assertTrue(f.held() + f.reserved() <= BUDGET, "over budget: " + f);
        assertEquals(0, f.reserved(), "nothing stays reserved between loads");
        long sum = repository.buffers().stream().mapToLong(MediaBuffer::bytesHeld).sum();
        assertEquals(sum, f.held(), "held is what the buffers hold");
        for (MediaBuffer b : repository.buffers()) assertTrue(b.bytesHeld() >= b.size(), b.toString());
    }

    /** A file of {@link #FILE_SIZE} random bytes, different for every {@code seed}. */
    private Path file(int seed) throws Exception {
        Path f = dir.resolve("f" + seed + ".bin");
        if (!Files.exists(f)) {
            byte[] bytes = new byte[FILE_SIZE];
            new Random(seed).nextBytes(bytes);
            Files.write(f, bytes);
        }
        return f;
    }
}
