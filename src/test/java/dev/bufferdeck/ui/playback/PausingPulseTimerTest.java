package dev.bufferdeck.ui.playback;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pulse timer that stands in for GTK's: it beats every period, not at all while paused or stopped, and at once when resumed. */
class PausingPulseTimerTest {
    @BeforeAll
    static void toolkit() throws Exception {
        RunningToolkit.start();   // Glass's timer bounds and Platform.runLater need it
    }

    @Test
    void beatsWhileRunningStandsWhilePausedAndChecksAtOnceWhenResumed() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        PausingPulseTimer timer = new PausingPulseTimer(checks::incrementAndGet, () -> false, new Object());
        timer.start(10);
        waitFor(() -> checks.get() >= 5);

        timer.pause();
        Thread.sleep(50);   // a check under way ends
        int paused = checks.get();
        Thread.sleep(300);
        assertEquals(paused, checks.get(), "no check while paused");

        // a long period: the check that follows a resume is the one made at once, not a period later
        timer.start(5_000);
        int restarted = checks.get();
        timer.pause();
        Thread.sleep(50);
        timer.resume();
        waitFor(() -> checks.get() > restarted);

        timer.stop();
        Thread.sleep(50);
        int stopped = checks.get();
        Thread.sleep(200);
        assertEquals(stopped, checks.get(), "no check once stopped");
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(5);
        }
    }

    /** A check that finds nothing due pauses the timer at once; asking for a pulse (resume, under the same lock) starts it again. */
    @Test
    void pausesAtOnceWhenACheckFindsNothingDue() throws Exception {
        Object lock = new Object();
        java.util.concurrent.atomic.AtomicBoolean idle = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger checks = new AtomicInteger();
        PausingPulseTimer timer = new PausingPulseTimer(checks::incrementAndGet, idle::get, lock);
        timer.start(10);
        waitFor(() -> checks.get() >= 3);
        int busyChecks = checks.get();
        idle.set(true);
        Thread.sleep(100);
        int idleChecks = checks.get();
        assertTrue(idleChecks <= busyChecks + 2, (idleChecks - busyChecks) + " checks after nothing was due: the first pauses");
        Thread.sleep(200);
        assertEquals(idleChecks, checks.get(), "paused after the check that found nothing due");
        synchronized (lock) {   // as Quantum asks for a pulse
            idle.set(false);
            timer.resume();
        }
        waitFor(() -> checks.get() >= idleChecks + 3);
        timer.stop();
    }
}
