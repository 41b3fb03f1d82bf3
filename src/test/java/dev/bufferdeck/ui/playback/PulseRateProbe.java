package dev.bufferdeck.ui.playback;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Run in a JVM of its own by {@link PulseRateTest}: starts JavaFX as the app does and prints how many pulses came in 2 s. */
public final class PulseRateProbe {
    public static void main(String[] args) throws Exception {
        PulseRate.applyDefault();
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await(20, TimeUnit.SECONDS);
        AtomicInteger pulses = new AtomicInteger();
        AnimationTimer counter = new AnimationTimer() {
            @Override public void handle(long now) { pulses.incrementAndGet(); }
        };
        Platform.runLater(counter::start);
        Thread.sleep(500);
        int before = pulses.get();
        Thread.sleep(2_000);
        System.out.println("pulses in 2 s: " + (pulses.get() - before));
        Runtime.getRuntime().halt(0);
    }
}
