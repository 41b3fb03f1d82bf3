package dev.bufferdeck.ui.playback;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Run in a JVM of its own by {@link PulseRateTest}: starts JavaFX as the app does, with an animation
 * running, and prints how many pulses came in 2 s with the window shown, minimised, minimised while
 * a second window shows, shown again, and with no window at all.
 */
public final class UnseenPulseProbe {
    private static final AtomicInteger pulses = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        PulseRate.applyDefault();
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await(20, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        Stage main = onFx(() -> stage("main"));
        Stage other = onFx(() -> stage("other"));
        onFx(() -> {
            other.hide();
            new AnimationTimer() {
                @Override public void handle(long now) { pulses.incrementAndGet(); }
            }.start();
            PulseRate.slowWhileNoWindowIsSeen();
            return null;
        });
        report("shown", () -> {});
        report("minimised", () -> main.setIconified(true));
        report("minimised-other-shown", other::show);
        report("shown-again", () -> {
            other.hide();
            main.setIconified(false);
        });
        report("no-window", main::hide);
        Runtime.getRuntime().halt(0);
    }

    private static Stage stage(String title) {
        Stage s = new Stage();
        s.setTitle(title);
        s.setScene(new Scene(new StackPane(), 200, 100));
        s.show();
        return s;
    }

    private static void report(String phase, Runnable change) throws Exception {
        onFx(() -> {
            change.run();
            return null;
        });
        Thread.sleep(300);
        int before = pulses.get();
        Thread.sleep(2_000);
        System.out.println("pulses in 2 s " + phase + ": " + (pulses.get() - before));
    }

    private static <T> T onFx(Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(s.get()));
        return f.get(15, TimeUnit.SECONDS);
    }
}
