package dev.bufferdeck.ui.playback;

import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clock ticks when a view asks it to (at a time, or when playback reaches a position while the
 * player holds it), never while the window is not seen, and catches up when it is seen again; a
 * clock nobody asks stands.
 */
class PlaybackClockTest {
    @BeforeAll
    static void toolkit() throws Exception {
        RunningToolkit.start();   // Glass's timer bounds and Platform.runLater need it
    }

    @Test
    void noTicksWhileUnseenAndTheRightPositionWhenSeenAgain() throws Exception {
        AtomicInteger playedMillis = new AtomicInteger(1000);
        PlaybackClock clock = new PlaybackClock(playedMillis::get);
        SimpleBooleanProperty seen = new SimpleBooleanProperty(true);
        AtomicInteger ticks = new AtomicInteger();
        onFx(() -> {
            clock.seenWhile(seen);
            clock.pulseProperty().addListener((o, a, b) -> {
                ticks.incrementAndGet();
                clock.tickIn(0);   // a view that changes at every frame
            });
            clock.hold(this);
            return null;
        });
        waitFor(() -> ticks.get() >= 3);
        assertTrue(onFx(clock::isTicking));

        onFx(() -> {
            seen.set(false);
            return null;
        });
        assertFalse(onFx(clock::isTicking), "minimised: the clock stops though playback holds it and a view asks");
        int before = ticks.get();
        playedMillis.set(5000);
        Thread.sleep(300);
        assertEquals(before, ticks.get(), "no pulse handled while unseen");

        onFx(() -> {
            seen.set(true);
            return null;
        });
        waitFor(() -> ticks.get() > before);
        assertEquals(5000, onFx(clock::position), "the position caught up at the first tick");
        onFx(() -> {
            clock.release(this);
            return null;
        });
    }

    /** Everything that follows playback changes in the same pulses, about 15 a second: the window repaints no more often for it. */
    @Test
    void ticksAreAtLeastAFrameApart() throws Exception {
        PlaybackClock clock = new PlaybackClock(() -> 0);
        java.util.List<Long> times = new java.util.concurrent.CopyOnWriteArrayList<>();
        onFx(() -> {
            clock.pulseProperty().addListener((o, a, now) -> {
                times.add(now.longValue());
                clock.tickIn(0);
            });
            clock.tickIn(0);
            return null;
        });
        waitFor(() -> times.size() >= 8);
        onFx(() -> {
            clock.release(this);
            return null;
        });
        for (int i = 1; i < 8; i++) {
            long gap = times.get(i) - times.get(i - 1);
            assertTrue(gap >= PlaybackClock.FRAME_NANOS, "tick " + i + " came " + gap / 1_000_000 + " ms after the one before");
        }
    }

    /** A binding such as {@code showing.and(iconified.not())} listens weakly: the clock must hold it, or minimising is never heard. */
    @Test
    void aSeenBindingNobodyElseHoldsStillStopsTheClock() throws Exception {
        PlaybackClock clock = new PlaybackClock(() -> 0);
        SimpleBooleanProperty showing = new SimpleBooleanProperty(true);
        SimpleBooleanProperty iconified = new SimpleBooleanProperty(false);
        onFx(() -> {
            clock.seenWhile(showing.and(iconified.not()));
            clock.pulseProperty().addListener((o, a, now) -> clock.tickIn(0));
            clock.hold(this);
            return null;
        });
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        onFx(() -> {
            iconified.set(true);
            return null;
        });
        assertFalse(onFx(() -> clock.seenProperty().get()), "minimised: not seen");
        assertFalse(onFx(clock::isTicking), "minimised: the clock stops");
        onFx(() -> {
            iconified.set(false);
            return null;
        });
        assertTrue(onFx(clock::isTicking), "seen again: it ticks");
        onFx(() -> {
            clock.release(this);
            return null;
        });
    }

    private static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.get()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(10);
        }
    }

    private static <T> T onFx(Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(s.get()));
        return f.get(15, TimeUnit.SECONDS);
    }

    /**
     * An {@code AnimationTimer} clock made JavaFX run a whole pulse at every wake-up of its pulse timer
     * (30 or 60 a second) while playing; ticks that change nothing on screen must not pulse the window.
     */
    @Test
    void aTickingClockPulsesTheWindowOnlyWhenAViewChanges() throws Exception {
        PlaybackClock clock = new PlaybackClock(() -> 0);
        AtomicInteger pulses = new AtomicInteger();
        javafx.scene.control.Label shown = new javafx.scene.control.Label("0");
        onFx(() -> {
            clock.pulseProperty().addListener((o, a, now) -> clock.tickIn(0));
            return null;
        });
        javafx.stage.Stage stage = onFx(() -> {
            javafx.stage.Stage s = new javafx.stage.Stage();
            s.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(shown), 200, 100));
            s.getScene().addPreLayoutPulseListener(pulses::incrementAndGet);
            s.show();
            return s;
        });
        Thread.sleep(500);   // the first layout and paint
        int animationsBefore = onFx(PlaybackClockTest::runningAnimations);
        long ticksBefore = onFx(clock::ticks);
        int pulsesBefore = pulses.get();
        onFx(() -> {
            clock.hold(this);
            return null;
        });
        Thread.sleep(1_000);
        long ticks = onFx(clock::ticks) - ticksBefore;
        int idlePulses = pulses.get() - pulsesBefore;
        assertTrue(ticks >= 8, ticks + " ticks in 1 s");
        // at most as many as before: one an earlier test left running may end meanwhile
        int animationsTicking = onFx(PlaybackClockTest::runningAnimations);
        assertTrue(animationsTicking <= animationsBefore, animationsTicking + " animations running, " + animationsBefore
                + " before: a ticking clock runs no JavaFX animation or animation timer (each makes JavaFX pulse at full rate)");
        // pulses can be counted only when nothing else animates: a window an earlier test in this JVM left
        // behind may still blink a caret (JavaFX pulses every scene then)
        if (animationsBefore == 0) assertTrue(idlePulses <= 3, idlePulses + " pulses in 1 s of ticks that changed nothing");

        // a view that changes at every tick gets a pulse for it
        onFx(() -> {
            clock.pulseProperty().addListener((o, a, now) -> shown.setText(Long.toString(now.longValue())));
            return null;
        });
        int before = pulses.get();
        Thread.sleep(1_000);
        int changedPulses = pulses.get() - before;
        assertTrue(changedPulses >= 8, changedPulses + " pulses in 1 s of ticks that changed a label");
        onFx(() -> {
            clock.release(this);
            stage.hide();
            return null;
        });
    }

    /** Animations and animation timers JavaFX's primary timer runs now (each keeps JavaFX pulsing). */
    private static int runningAnimations() {
        try {
            Object timer = com.sun.javafx.tk.Toolkit.getToolkit().getPrimaryTimer();
            int n = 0;
            for (String field : new String[] {"receiversLength", "animationTimersLength"}) {
                java.lang.reflect.Field f = com.sun.scenario.animation.AbstractPrimaryTimer.class.getDeclaredField(field);
                f.setAccessible(true);
                n += f.getInt(timer);
            }
            return n;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("JavaFX's primary timer changed: " + e, e);
        }
    }

    @Test
    void aClockNoViewAsksDoesNotTick() throws Exception {
        PlaybackClock clock = new PlaybackClock(() -> 0);
        AtomicInteger ticks = new AtomicInteger();
        onFx(() -> {
            clock.pulseProperty().addListener((o, a, now) -> ticks.incrementAndGet());
            clock.hold(this);   // playing: the position moves, but no view asks for a tick
            return null;
        });
        waitFor(() -> ticks.get() >= 1);   // holding ticks once, to show where playback starts
        Thread.sleep(600);
        assertEquals(1, ticks.get(), "no tick asked for, none came");
        assertFalse(onFx(clock::isTicking));
        onFx(() -> {
            clock.release(this);
            return null;
        });
    }

    /** The seek bar asks for its next pixel column or second: one tick then, none between. */
    @Test
    void aTickAtAPositionComesWhenPlaybackReachesIt() throws Exception {
        long start = System.nanoTime();
        PlaybackClock clock = new PlaybackClock(() -> (System.nanoTime() - start) / 1_000_000);   // plays in real time
        java.util.List<Long> positions = new java.util.concurrent.CopyOnWriteArrayList<>();
        onFx(() -> {
            clock.pulseProperty().addListener((o, a, now) -> positions.add(clock.position()));
            clock.hold(this);
            return null;
        });
        waitFor(() -> positions.size() == 1);
        long asked = onFx(() -> {
            long at = clock.position() + 400;
            clock.tickAt(at);
            return at;
        });
        waitFor(() -> positions.size() == 2);
        Thread.sleep(300);
        assertEquals(2, positions.size(), "one tick for one request: " + positions);
        assertTrue(positions.get(1) >= asked - 2, "the tick came when playback reached " + asked + ", not at " + positions.get(1));
        assertTrue(positions.get(1) < asked + 5_000, "and not much later: " + positions.get(1));

        onFx(() -> {
            clock.release(this);   // paused: the position stands
            clock.tickAt(clock.position() + 100);
            return null;
        });
        Thread.sleep(400);
        assertEquals(2, positions.size(), "a position that does not move is never reached");
    }
}
