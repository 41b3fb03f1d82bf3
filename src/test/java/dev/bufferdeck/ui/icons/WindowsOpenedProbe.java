package dev.bufferdeck.ui.icons;

import dev.bufferdeck.ui.testing.AppFixture;
import javafx.application.Platform;
import javafx.scene.text.Font;
import javafx.stage.Stage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run in a JVM of its own by {@link NoIconFontTest}, with a {@code java.io.tmpdir} nobody else writes to:
 * opens the real main window, the playlist window and the equalizer window, then prints the fonts loaded.
 */
public final class WindowsOpenedProbe {
    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AppFixture[] app = new AppFixture[1];
        Platform.runLater(() -> {
            app[0] = AppFixture.open(new Stage(), true);
            app[0].controller.togglePlaylistWindow();
            app[0].window.toggleEqualizer();
        });
        AppFixture.waitUntil(() -> app[0] != null && app[0].controller.playlistWindow().stage().isShowing()
                && app[0].window.equalizerWindow().isShowing()
                && app[0].controller.playlist().entries().size() == 1, 20);
        CountDownLatch listed = new CountDownLatch(1);
        Platform.runLater(() -> {
            System.out.println("fonts: " + String.join("|", Font.getFontNames()));
            listed.countDown();
        });
        listed.await(10, TimeUnit.SECONDS);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
