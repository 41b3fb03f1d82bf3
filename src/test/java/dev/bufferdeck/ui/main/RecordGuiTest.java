package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.source.IcecastServer;
import dev.bufferdeck.ui.testing.AppFixture;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Record" in the window: while an Icecast-style stream (a loopback server made by the test) plays,
 * the now-playing area offers Record; keeping the window and recording the next minutes (stopped
 * early from the downloads line) each leave an ordinary buffer in the library while the radio plays on.
 */
@ExtendWith(ApplicationExtension.class)
class RecordGuiTest {
    private AppFixture app;

    @Start
    void start(Stage stage) {
        app = AppFixture.open(stage, false);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private static byte[] audio() throws Exception {
        try (InputStream in = RecordGuiTest.class.getResourceAsStream("/dev/bufferdeck/audio/mp3-seek-16k-6s.mp3")) {
            return in.readAllBytes();
        }
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    private MenuItem item(String id) throws Exception {
        return onFx(() -> app.window.nowPlaying().recordButton().getItems().stream()
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow());
    }

    private Optional<MediaBuffer> recording(String nameEnd) {
        return app.repository.buffers().stream()
                .filter(b -> b.name().startsWith("stream (recorded ") && b.name().endsWith(nameEnd)).findFirst();
    }

    @Test
    @Timeout(90)
    void aPlayingRadioOffersRecordAndBothWaysKeepAnOrdinaryBuffer() throws Exception {
        try (IcecastServer server = new IcecastServer(audio(), 4096, k -> "Song " + k, 20_000, n -> -1)) {
            assertFalse(onFx(() -> app.window.nowPlaying().recordButton().isVisible()), "nothing live plays yet");
            WaitForAsyncUtils.asyncFx(() -> app.controller.sources().openUrl(server.url("/stream")));
            AppFixture.waitUntil(() -> app.controller.player().state() == PlayerState.PLAYING
                    && app.controller.player().nowPlayingProperty().get() != null, 20);
            MediaBuffer live = app.controller.player().nowPlayingProperty().get().buffer();
            assertTrue(live.isLive());
            assertTrue(onFx(() -> app.window.nowPlaying().recordButton().isVisible()));
            assertSame(app.window.scene(), onFx(() -> app.window.nowPlaying().recordButton().getScene()), "the menu joins the window");
            AppFixture.waitUntil(() -> live.bytesArrived() > 40_000, 20);

            MenuItem window = item("record-window");
            onFx(() -> { window.fire(); return null; });
            AppFixture.waitUntil(() -> recording(")").isPresent(), 20);
            MediaBuffer kept = recording(")").orElseThrow();
            assertTrue(kept.isComplete() && !kept.isLive());
            assertEquals(64, kept.sha256().length());
            assertTrue(kept.size() > 30_000, "the window's media: " + kept.size());

            MenuItem next = item("record-next-1");
            onFx(() -> { next.fire(); return null; });
            AppFixture.waitUntil(() -> recording(", 1 min)").isPresent(), 20);
            MediaBuffer growing = recording(", 1 min)").orElseThrow();
            assertFalse(growing.isComplete(), "it grows in the library while it records");
            assertTrue(onFx(() -> app.window.libraryView().table().getItems().stream()
                    .anyMatch(r -> r.buffer() == growing)), "listed in the library while it records");
            AppFixture.waitUntil(() -> growing.size() > 10_000, 20);
            onFx(() -> {
                app.controller.loads().active().stream()
                        .filter(j -> j.label().startsWith("Recording ")).findFirst().orElseThrow().cancel();
                return null;
            });
            AppFixture.waitUntil(growing::isComplete, 20);
            assertEquals(64, growing.sha256().length(), "stopped early, it keeps what it has");
            assertTrue(app.repository.findById(growing.id()).isPresent());
            AppFixture.waitUntil(() -> app.controller.notifier().notices().stream()
                    .anyMatch(n -> n.text().contains("recording of stream is in the library")), 10);

            assertEquals(PlayerState.PLAYING, app.controller.player().state(), "the radio plays on");
            assertEquals(List.of(live), app.repository.buffers().stream().filter(MediaBuffer::isLive).toList());
        }
    }
}
