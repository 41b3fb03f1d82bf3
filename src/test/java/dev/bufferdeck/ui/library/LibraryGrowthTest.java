package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.BufferWriter;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.library.MediaFacts;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayInputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A buffer that loads shows in the library at its first bytes and its row follows it as it grows. */
@ExtendWith(ApplicationExtension.class)
class LibraryGrowthTest {

    @Start
    void start(Stage stage) {
        // the model needs only the FX thread
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theRowAppearsAtTheFirstBytesGrowsAndGetsItsDigestWhenComplete() throws Exception {
        MediaRepository repository = new MediaRepository(1 << 20, FormatDetector.NONE);
        LibraryModel model = onFx(() -> new LibraryModel(repository, b -> MediaFacts.untitled(b.name()), Runnable::run));
        BufferWriter writer = repository.startLoad("radio.mp3", new Origin.BuiltIn("t"), "", 300_000);
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[300_000]);
        writer.readFrom(body, 1000);
        writer.publish();
        WaitForAsyncUtils.waitForFxEvents();
        BufferRow row = onFx(() -> model.rows().get(0));
        assertEquals(1000, onFx(() -> row.sizeProperty().get()));
        assertEquals("loading 0%", onFx(() -> row.digestProperty().get()), "progress of the announced length");

        Thread.sleep(120);   // changes are told at most every 100 ms
        writer.readFrom(body, 100_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(101_000, onFx(() -> row.sizeProperty().get()));
        assertEquals("loading 33%", onFx(() -> row.digestProperty().get()));

        while (writer.readFrom(body, 1 << 20) >= 0) { }
        writer.complete();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(300_000, onFx(() -> row.sizeProperty().get()));
        assertEquals(repository.buffers().get(0).sha256(), onFx(() -> row.digestProperty().get()));
        assertEquals(64, onFx(() -> row.digestProperty().get()).length());
        assertEquals(1, onFx(() -> model.rows().size()));
    }
}
