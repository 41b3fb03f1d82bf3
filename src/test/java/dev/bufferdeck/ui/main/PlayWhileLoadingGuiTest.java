package dev.bufferdeck.ui.main;

import dev.bufferdeck.source.LoopbackHttpServer;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.ui.hex.HexText;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.testing.AppFixture;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #10 in the window: a URL opened in the window plays at its first bytes while a throttled loopback
 * server is still sending it; its library row shows it loading with progress, its size and the hex
 * view grow, and it becomes an ordinary buffer (SHA-256) when complete. Seeking past the bytes here
 * shows "Buffering…"; cancelling the load stops the playback of that buffer, with no dialog.
 */
@ExtendWith(ApplicationExtension.class)
class PlayWhileLoadingGuiTest {
    /** 6 s of 24 kbps MPEG-2 (16 kHz mono), 18,252 bytes; see src/test/resources/dev/bufferdeck/audio/README.md. */
    private static final String TRACK = "/dev/bufferdeck/audio/mp3-seek-16k-6s.mp3";

    private AppFixture app;
    private LoopbackHttpServer server;
    private final List<Throwable> serverErrors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        app = AppFixture.open(stage, false);
    }

    @AfterEach
    void close() {
        if (server != null) server.close();
        app.close();
    }

    private static byte[] track() throws IOException {
        try (InputStream in = PlayWhileLoadingGuiTest.class.getResourceAsStream(TRACK)) {
            return in.readAllBytes();
        }
    }

    /** Serves {@code body} with its length: the first {@code fast} bytes at once, the rest at {@code bytesPerSecond}. */
    private String serve(byte[] body, int fast, int bytesPerSecond) throws IOException {
        server = LoopbackHttpServer.start("test-server-throttled", ex -> {
            try (ex) {
                ex.getResponseHeaders().add("Content-Type", "audio/mpeg");
                ex.sendResponseHeaders(200, body.length);
                OutputStream out = ex.getResponseBody();
                out.write(body, 0, fast);
                out.flush();
                int slice = Math.max(1, bytesPerSecond / 20);
                for (int at = fast; at < body.length; at += slice) {
                    Thread.sleep(50);
                    out.write(body, at, Math.min(slice, body.length - at));
                    out.flush();
                }
            } catch (IOException gone) {
                // the client hung up (a cancel)
            } catch (InterruptedException | RuntimeException e) {
                serverErrors.add(e);
            }
        });
        return server.url("/radio-edit.mp3");
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    private BufferRow playing() throws Exception {
        return onFx(() -> app.controller.player().nowPlayingProperty().get());
    }

    @Test
    @Timeout(60)
    void aUrlPlaysAtItsFirstBytesGrowsInTheLibraryAndTheHexViewAndEndsAnOrdinaryBuffer() throws Exception {
        byte[] body = track();
        String url = serve(body, 2048, 1500);   // half its bitrate: about 11 s to arrive
        WaitForAsyncUtils.asyncFx(() -> app.controller.sources().openUrl(url));

        AppFixture.waitUntil(() -> app.controller.player().state() == PlayerState.PLAYING, 15);
        BufferRow row = playing();
        MediaBuffer buffer = row.buffer();
        assertFalse(buffer.isComplete(), "playing while the body still arrives");
        assertTrue(buffer.size() < body.length, "size " + buffer.size());
        String shown = onFx(() -> row.digestProperty().get());
        assertTrue(shown.matches("loading [0-9]{1,2}%"), "the library row shows the load's progress: " + shown);
        assertTrue(onFx(() -> app.window.libraryView().table().getItems().contains(row)));

        onFx(() -> {
            app.window.showHex();
            return null;
        });
        AppFixture.waitUntil(() -> app.window.hexPane().bufferProperty().get() == buffer, 15);
        assertFalse(buffer.isComplete(), "the hex view shows the buffer while it loads");
        javafx.scene.control.ScrollBar bar = onFx(() -> (javafx.scene.control.ScrollBar)
                app.window.hexPane().hexView().getChildrenUnmodifiable().stream()
                        .filter(n -> n instanceof javafx.scene.control.ScrollBar).findFirst().orElseThrow());
        javafx.scene.control.Label sizeLine = onFx(() -> (javafx.scene.control.Label) app.window.hexPane().lookup("#hex-selection"));
        double barFirst = onFx(bar::getMax);
        String lineFirst = onFx(sizeLine::getText);
        long sizeFirst = onFx(() -> row.sizeProperty().get());
        AppFixture.waitUntil(() -> bar.getMax() > barFirst + 8 && !sizeLine.getText().equals(lineFirst), 15);
        assertTrue(onFx(() -> row.sizeProperty().get()) > sizeFirst, "the row's size grows");

        AppFixture.waitUntil(buffer::isComplete, 40);
        AppFixture.waitUntil(() -> row.digestProperty().get().length() == 64, 5);
        assertEquals(MediaRepository.sha256(body), onFx(() -> row.digestProperty().get()));
        assertEquals(body.length, (long) onFx(() -> row.sizeProperty().get()));
        assertEquals(HexText.rows(body.length), (long) onFx(() -> app.window.hexPane().hexView().rowCount()));
        assertEquals(List.of(buffer), app.repository.buffers(), "one ordinary buffer, listed once");
        assertEquals(buffer, app.repository.findBySha256(MediaRepository.sha256(body)).orElseThrow());
        AppFixture.waitUntil(() -> app.controller.loads().active().isEmpty(), 5); // the download line goes at the next pulse
        assertEquals(List.of(), serverErrors);
    }

    @Test
    @Timeout(60)
    void seekingPastTheBytesHereShowsBufferingAndCancellingTheLoadStopsItsPlaybackCleanly() throws Exception {
        byte[] body = track();
        String url = serve(body, 12_000, 300);   // 4 s of sound at once, then a tenth of its bitrate
        WaitForAsyncUtils.asyncFx(() -> app.controller.sources().openUrl(url));
        AppFixture.waitUntil(() -> app.controller.player().state() == PlayerState.PLAYING, 15);
        MediaBuffer buffer = playing().buffer();
        // the playhead moves through the 4 s that are here
        AppFixture.waitUntil(() -> app.controller.player().positionMillis() > 300, 30);

        WaitForAsyncUtils.asyncFx(() -> app.controller.player().seekTo(5_500));
        AppFixture.waitUntil(() -> app.window.nowPlaying().bufferingLabel().isVisible(), 15);
        assertFalse(buffer.isComplete());
        assertTrue(buffer.size() < 16_500, "the bytes for 5.5 s are not here yet: " + buffer.size());

        onFx(() -> {
            app.controller.loads().active().get(0).cancel();
            return null;
        });
        // the player's state and now playing are told on different threads: wait for both
        AppFixture.waitUntil(() -> app.controller.player().nowPlayingProperty().get() == null
                && app.controller.player().state() != PlayerState.PLAYING
                && app.controller.loads().active().isEmpty(), 15);
        assertFalse(onFx(() -> app.window.nowPlaying().bufferingLabel().isVisible()));
        assertEquals(0, app.repository.count(), "the cancelled load keeps nothing");
        assertEquals(0, app.repository.figures().reserved());
        assertTrue(onFx(() -> app.controller.playlist().entries().isEmpty()), "its playlist entry went with it");
        assertEquals(1, onFx(() -> Window.getWindows().size()), "no dialog");
        assertEquals(List.of(), serverErrors);
    }
}
