package dev.bufferdeck.ui.downloads;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.source.SourceLoader;
import dev.bufferdeck.ui.notify.Notifier;
import dev.bufferdeck.ui.testing.Wavs;
import dev.bufferdeck.ui.thread.Background;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Buffers that load while the FX thread is busy reach it together, in order, in one hand-over, and
 * the loads that began and ended meanwhile never touch the downloads list; the failures come after
 * the last buffer.
 */
@ExtendWith(ApplicationExtension.class)
class ArrivalsTogetherTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // the FX thread and its pulses only
    }

    @Test
    void fiftyFilesLoadedWhileTheFxThreadIsBusyArriveInOneHandOver() throws Exception {
        List<LoadRequest> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Path f = dir.resolve("t" + i + ".wav");
            Files.write(f, Wavs.tone(0.02, 200 + i));
            requests.add(new LoadRequest.Source(f.toString()));
        }
        requests.add(new LoadRequest.Source(dir.resolve("missing.wav").toString()));
        MediaRepository repository = new MediaRepository(1 << 26, FormatDetector.NONE);
        ExecutorService pool = Background.newGrowingPool("test-loads");
        Loads loads = new Loads(new SourceLoader(repository), pool, new Notifier());
        AtomicInteger activeChanges = new AtomicInteger();
        Platform.runLater(() -> loads.active().addListener((ListChangeListener<LoadJob>) c -> activeChanges.incrementAndGet()));
        List<List<MediaBuffer>> handOvers = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();

        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            busy.countDown();
            try {
                release.await(30, TimeUnit.SECONDS); // the FX thread busy with something else
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        loads.loadTogether(requests, batch -> {
            handOvers.add(batch);
            events.add("buffers " + batch.size());
        }, failed -> events.add("failures " + failed.size()));
        waitUntil(() -> repository.count() == 50, 30);
        Thread.sleep(200); // the missing file's failure too
        release.countDown();
        waitUntil(() -> events.stream().anyMatch(e -> e.startsWith("failures")), 15);
        pool.shutdownNow();

        assertEquals(List.of("buffers 50", "failures 1"), events);
        List<String> names = handOvers.get(0).stream().map(MediaBuffer::name).toList();
        for (int i = 0; i < 50; i++) assertEquals("t" + i + ".wav", names.get(i), "in the order asked");
        assertEquals(0, activeChanges.get(), "loads that began and ended between two pulses were never listed");
    }
}
