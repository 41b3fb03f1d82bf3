package dev.bufferdeck.ui.cover;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.format.tags.CoverArt;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.format.tags.Tags;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class CoverArtViewTest {
    private final List<Boolean> decodedOnFxThread = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private CoverArtView view;

    @Start
    void start(Stage stage) {
        view = new CoverArtView(88, r -> pool.execute(() -> {
            decodedOnFxThread.add(Platform.isFxApplicationThread());
            r.run();
        }));
        stage.setScene(new Scene(new StackPane(view), 120, 120));
        stage.show();
    }

    private static Node placeholder(CoverArtView v) {
        return v.lookup(".cover-placeholder");
    }

    @Test
    void theApicPictureOfAnMp3IsDecodedInTheBackgroundAndReplacesThePlaceholder(FxRobot robot) throws Exception {
        byte[] mp3;
        try (InputStream in = getClass().getResourceAsStream("/dev/bufferdeck/format/regions/tone.mp3")) {
            mp3 = in.readAllBytes();
        }
        Tags tags = TagReader.read(ByteSource.of(mp3));
        CoverArt art = tags.cover().orElseThrow();
        assertTrue(placeholder(view).isVisible());
        robot.interact(() -> view.show(art));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.imageProperty().get() != null);
        assertEquals(176, view.imageProperty().get().getWidth(), "the square 8×8 cover, decoded at twice the view size");
        assertEquals(176, view.imageProperty().get().getHeight());
        assertFalse(placeholder(view).isVisible());
        assertEquals(List.of(false), decodedOnFxThread);
    }

    @Test
    void bytesThatAreNoImageKeepThePlaceholder(FxRobot robot) throws Exception {
        robot.interact(() -> view.show(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3}));
        pool.submit(() -> { }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.imageProperty().get());
        assertTrue(placeholder(view).isVisible());
    }
}
