package dev.bufferdeck.ui.thread;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Fx#perPulse}: news asked for far faster than the screen shows it (a loader's progress, once
 * per read) runs at most once per pulse, and the last news is always shown.
 */
@ExtendWith(ApplicationExtension.class)
class FxPerPulseTest {
    @Start
    void start(Stage stage) {
        // the FX thread and its pulses only
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aHundredThousandAsksFromALoaderRunOncePerPulseAtMostAndShowTheLast() throws Exception {
        AtomicLong latest = new AtomicLong();
        AtomicLong shown = new AtomicLong();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger pulses = new AtomicInteger();
        Runnable update = Fx.perPulse(() -> {
            runs.incrementAndGet();
            shown.set(latest.get());
        });
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        onFx(() -> {
            counter.start();
            return null;
        });
        Thread loader = new Thread(() -> {
            for (long i = 1; i <= 100_000; i++) {
                latest.set(i);
                update.run();
                if (i % 1000 == 0) sleepMillis(2);
            }
        });
        loader.start();
        loader.join(30_000);
        waitUntil(() -> shown.get() == 100_000, 10);
        int counted = onFx(() -> {
            counter.stop();
            return pulses.get();
        });
        assertTrue(runs.get() > 1, "it ran while the loader went on: " + runs.get());
        assertTrue(runs.get() <= counted + 1, runs.get() + " runs in " + counted + " pulses");
    }

    @Test
    void asksMadeInOneTurnOfTheFxThreadRunOnceAtTheNextPulse() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Runnable update = Fx.perPulse(runs::incrementAndGet);
        boolean ranAtOnce = onFx(() -> {
            for (int i = 0; i < 1000; i++) update.run();
            return runs.get() > 0;
        });
        assertFalse(ranAtOnce, "it waits for the pulse");
        waitUntil(() -> runs.get() == 1, 10);
        sleepMillis(100);
        assertEquals(1, runs.get(), "a thousand asks in one turn run once");
        Platform.runLater(update);
        waitUntil(() -> runs.get() == 2, 10);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
