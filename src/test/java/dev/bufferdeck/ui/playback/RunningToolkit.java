package dev.bufferdeck.ui.playback;

import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Starts JavaFX for tests that need it running without a TestFX application (once per JVM). */
final class RunningToolkit {
    private RunningToolkit() {}

    static void start() throws InterruptedException {
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        up.await(10, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);   // a test's stage closing must not end the toolkit
    }
}
