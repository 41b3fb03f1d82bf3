package dev.bufferdeck.ui.playback;

import dev.bufferdeck.threads.ThreadPriority;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.value.ObservableBooleanValue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The one frame clock of the window: where playback is, read once per tick, for every view that
 * follows it (the seek bar, the hex playhead, the spectrum). It ticks only when a view asked for a
 * tick: at a time ({@link #tickIn}), or when playback reaches a position ({@link #tickAt}: the seek
 * bar's next pixel column, the next second of the time shown), which counts only while the player
 * holds the clock (playing: the position moves); and for a short while after {@link #wake()}. A
 * tick is a turn of the timer thread, a task handed to the FX thread and the views' listeners, so a
 * clock nobody asks stands, and the seek bar of a long track ticks a few times a second, not at the
 * frame rate. It does not tick at all while nothing it drives is seen ({@link #seenWhile}: the window
 * minimised or hidden). FX thread only, but for {@link #tickSoon()}.
 *
 * <p>The ticks come from a timer thread of its own, each handed to the FX thread; not from an
 * {@code AnimationTimer}, which makes JavaFX run a whole pulse at every wake-up of its pulse timer
 * (60 a second, see {@link PulseRate}) whether a tick is due or not.
 */
public final class PlaybackClock {
    /** Ticks after a {@link #wake()}, a frame apart: an engine command (seek, stop) is answered within them. */
    static final int TAIL_TICKS = 10;
    /**
     * The least time between two ticks, so everything that follows playback changes in the same turn
     * and the window is repainted at most about 15 times a second for it (a repaint copies the dirty
     * part of the window to the screen when Prism renders in software).
     */
    public static final long FRAME_NANOS = 66_000_000L;
    private static final long NONE = Long.MAX_VALUE;
    /** How often the timer looks again while a tick it handed over has not run yet (the FX thread is busy). */
    private static final long PENDING_RETRY_NANOS = 5_000_000L;

    private final LongSupplier source;
    private final ReadOnlyLongWrapper position = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper pulse = new ReadOnlyLongWrapper();
    private final Set<Object> holders = new HashSet<>();
    private int tail;
    private final ReadOnlyBooleanWrapper seen = new ReadOnlyBooleanWrapper(true);
    /**
     * Held here: a binding such as {@code showing.and(iconified.not())} listens to its parts weakly,
     * so with no one else holding it, it was collected and minimising no longer stopped the clock.
     */
    private ObservableBooleanValue seenSource;
    /** The timer thread, made at the first request; it parks while no tick is due. */
    private Thread timer;
    /** When the next tick is due ({@link System#nanoTime()}), {@link #NONE} when no view asked for one. */
    private final AtomicLong due = new AtomicLong(NONE);
    /** False while the window is not seen: the timer hands no tick over then. */
    private volatile boolean running = true;
    /** A tick handed to the FX thread and not run yet: the timer hands over no second one meanwhile. */
    private final AtomicBoolean tickPending = new AtomicBoolean();
    /** The time of the last tick the views saw (0 before the first); read by the timer thread. */
    private volatile long lastTick;
    private long ticks;

    /** @param source where playback is now, in milliseconds; read on the FX thread once per tick */
    public PlaybackClock(LongSupplier source) {
        this.source = source;
        position.set(source.getAsLong());
    }

    /** Where playback is, in milliseconds: changes at most once per tick. */
    public ReadOnlyLongProperty positionProperty() { return position.getReadOnlyProperty(); }

    public long position() { return position.get(); }

    /** The time of the last tick ({@link System#nanoTime()}), set after the position: for views that animate or compare every tick. */
    public ReadOnlyLongProperty pulseProperty() { return pulse.getReadOnlyProperty(); }

    /** The position moves while someone holds the clock (the player, while it plays): {@link #tickAt} counts then. Ticks at once. */
    public void hold(Object holder) {
        if (holders.add(holder)) tickIn(0);
    }

    public void release(Object holder) {
        holders.remove(holder);
    }

    /** True while someone holds the clock: playback moves. */
    public boolean isHeld() { return !holders.isEmpty(); }

    /** Something moved the position (a seek, a stop, a new entry): tick at once and a little while after to show it. */
    public void wake() {
        tail = TAIL_TICKS;
        tickIn(0);
    }

    /**
     * Asks for a tick when playback reaches {@code positionMillis}, as the position of the last tick
     * and the time since tell; nothing while the clock is not held (the position stands). Asked
     * again at each tick by a view that still needs it.
     */
    public void tickAt(long positionMillis) {
        if (holders.isEmpty()) return;
        long millis = Math.max(0, positionMillis - position.get());
        request(lastTick + millis * 1_000_000L);
    }

    /** Asks for a tick in {@code nanos} (no sooner than a frame after the last one); asked again at each tick by a view that still needs it. */
    public void tickIn(long nanos) {
        request(System.nanoTime() + nanos);
    }

    /** Any thread: asks for a tick as soon as the frame rate allows (a new analysis to show). */
    public void tickSoon() {
        request(System.nanoTime());
    }

    /** Ticks only while {@code seen} is true (the window shows and is not minimised); catches up at once when it becomes true. */
    public void seenWhile(ObservableBooleanValue seen) {
        seenSource = seen;
        seen.addListener((o, was, now) -> seen(now));
        seen(seen.get());
    }

    /** True while the window shows and is not minimised: what the views and analyses that follow the clock run by. */
    public ReadOnlyBooleanProperty seenProperty() { return seen.getReadOnlyProperty(); }

    private void seen(boolean seen) {
        this.seen.set(seen);
        running = seen;
        if (!seen) return;
        tickIn(0);   // catch up: the views ask again for what they need
        wakeTimer();   // it parked while unseen, perhaps with a tick due
    }

    /** True while a tick is due and the window is seen: the clock will tick. */
    public boolean isTicking() { return running && (due.get() != NONE || tickPending.get()); }

    /** Ticks the views have seen so far (a test's count: none while unseen). */
    public long ticks() { return ticks; }

    private void request(long at) {
        long when = lastTick == 0 ? at : Math.max(at, lastTick + FRAME_NANOS);
        long was;
        do {
            was = due.get();
            if (was <= when) return;
        } while (!due.compareAndSet(was, when));
        wakeTimer();
    }

    private synchronized void wakeTimer() {
        if (timer == null) {
            timer = ThreadPriority.normalDaemon(this::runTimer, "bufferdeck-clock");
            timer.start();
        }
        LockSupport.unpark(timer);
    }

    /**
     * The timer thread: sleeps until the earliest tick asked for, then hands it to the FX thread. A
     * plain parking loop: with a scheduled executor's queue and locks this thread took a third more
     * CPU per tick (measured 150 against 110 ms per minute of ticks; most of the rest is {@code Platform.runLater}).
     */
    private void runTimer() {
        while (true) {
            long at = due.get();
            if (!running || at == NONE) {
                LockSupport.park(this);
                continue;
            }
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            // the FX thread still runs the last tick (its views may have asked for this one before it ends): wait for it
            if (!tickPending.compareAndSet(false, true)) {
                LockSupport.parkNanos(this, PENDING_RETRY_NANOS);
                continue;
            }
            // pending is set before due is cleared, so isTicking never sees neither
            if (due.compareAndSet(at, NONE)) {
                Platform.runLater(this::tick);
            } else {
                tickPending.set(false);   // asked for sooner meanwhile: look again
            }
        }
    }

    private void tick() {
        try {
            if (!running) {
                tickIn(0);   // seen again later: this tick is owed then
                return;
            }
            long now = System.nanoTime();
            lastTick = now;
            ticks++;
            if (tail > 0 && --tail > 0) tickIn(FRAME_NANOS);
            position.set(source.getAsLong());
            pulse.set(now);
        } finally {
            // cleared after the views asked for their next ticks (a frame on at the soonest), so isTicking never sees neither
            tickPending.set(false);
        }
    }
}
