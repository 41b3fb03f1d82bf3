package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A thousand buffers that arrive while the FX thread is busy become rows in one change of the list
 * (the table sorts and lays out once, not a thousand times), in the order they arrived, with their facts
 * (read in as many background tasks as the pool has threads).
 */
@ExtendWith(ApplicationExtension.class)
class LibraryBatchTest {
    @Start
    void start(Stage stage) {
        // the model needs only the FX thread
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aThousandAddedBuffersAreOneListChange() throws Exception {
        MediaRepository repository = new MediaRepository(1 << 24, FormatDetector.NONE);
        AtomicInteger tasks = new AtomicInteger();
        LibraryModel model = onFx(() -> new LibraryModel(repository, b -> MediaFacts.untitled("facts of " + b.name()), r -> {
            tasks.incrementAndGet();
            r.run();
        }));
        AtomicInteger changes = new AtomicInteger();
        AtomicInteger added = new AtomicInteger();
        onFx(() -> {
            model.rows().addListener((ListChangeListener<BufferRow>) c -> {
                changes.incrementAndGet();
                while (c.next()) added.addAndGet(c.getAddedSize());
            });
            return null;
        });

        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            busy.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);   // the FX thread busy with something else
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 1000; i++) {
            repository.add(new byte[] {(byte) i, (byte) (i >> 8), 2, 3}, "entry " + i, new Origin.BuiltIn("t" + i), "");
        }
        release.countDown();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1000, onFx(() -> model.rows().size()));
        assertEquals(1, changes.get(), "one list change for the thousand rows");
        assertEquals(1000, added.get());
        assertEquals("entry 0", onFx(() -> model.rows().get(0).buffer().name()));
        assertEquals("entry 999", onFx(() -> model.rows().get(999).buffer().name()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> model.rows().stream().allMatch(r -> r.title().startsWith("facts of "))));
        assertEquals(LibraryModel.FACTS_TASKS, tasks.get(), "their facts read by as many tasks as the pool has threads, not one per row");
    }
}
