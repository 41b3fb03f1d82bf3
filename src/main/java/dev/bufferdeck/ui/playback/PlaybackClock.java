package dev.bufferdeck.ui.playback;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.value.ObservableBooleanValue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The one frame clock of the window: where playback is, read once per tick, for every view that
 * follows it (the seek bar, the hex playhead, the spectrum). It ticks only while someone holds it
 * (the player while it plays, the spectrum while its bars fall) and for a short while after
 * {@link #wake()}, so an idle window gets no ticks from it; and not at all while nothing it drives
 * is seen ({@link #seenWhile}: the window minimised or hidden). FX thread only.
 *
 * <p>The ticks come from a timer thread of its own, about 15 a second, each handed to the FX thread;
 * not from an {@code AnimationTimer}, which makes JavaFX run a whole pulse at every wake-up of its
 * pulse timer (30 a second, see {@link PulseRate}) whether a tick is due or not. Now the window
 * pulses only when a tick changed what it shows.
 */
public final class PlaybackClock {
    /** Ticks after a {@link #wake()}: an engine command (seek, stop) is answered within them. */
    static final int TAIL_TICKS = 10;
    /** How often the timer thread asks for a tick: about 15 a second. */
    static final long PERIOD_NANOS = 66_000_000L;
    /**
     * The least time between two ticks the views see, so everything that follows playback changes in
     * the same turn and the window is repainted at most about 15 times a second for it (a repaint
     * copies the whole window to the screen when Prism renders in software). A tick handed over late
     * is not followed by the next too soon.
     */
    static final long FRAME_NANOS = 50_000_000L;

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
    /** The timer thread, made at the first start; it parks while the clock stands. */
    private Thread timer;
    /** True while the clock ticks: the timer thread hands a tick over every period. */
    private volatile boolean ticking;
    /** A tick handed to the FX thread and not run yet: the timer hands over no second one meanwhile. */
    private final AtomicBoolean tickPending = new AtomicBoolean();
    /** The time of the last tick the views saw, 0 before the first since the clock started. */
    private long lastTick;
    private long ticks;

    /** @param source where playback is now, in milliseconds; read on the FX thread once per pulse */
    public PlaybackClock(LongSupplier source) {
        this.source = source;
        position.set(source.getAsLong());
    }

    /** Where playback is, in milliseconds: changes at most once per tick (about 15 a second). */
    public ReadOnlyLongProperty positionProperty() { return position.getReadOnlyProperty(); }

    public long position() { return position.get(); }

    /** The time of the last tick ({@link System#nanoTime()}), set after the position: for views that animate or compare every tick. */
    public ReadOnlyLongProperty pulseProperty() { return pulse.getReadOnlyProperty(); }

    /** Keeps the clock ticking until {@code holder} lets go. */
    public void hold(Object holder) {
        holders.add(holder);
        start();
    }

    public void release(Object holder) {
        holders.remove(holder);
    }

    /** Something moved the position (a seek, a stop, a new entry): tick a little while to show it. */
    public void wake() {
        tail = TAIL_TICKS;
        start();
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
        if (seen && (!holders.isEmpty() || tail > 0)) {
            start();
        } else if (!seen) {
            stop();
        }
    }

    /** True while the clock ticks. */
    public boolean isTicking() { return ticking; }

    /** Ticks the views have seen so far (a test's count: none while unseen). */
    public long ticks() { return ticks; }

    private void start() {
        if (ticking || !seen.get()) return;
        if (timer == null) {
            timer = new Thread(this::runTimer, "bufferdeck-clock");
            timer.setDaemon(true);
            timer.start();
        }
        lastTick = 0;
        ticking = true;
        LockSupport.unpark(timer);   // the first tick at once
    }

    private void stop() {
        ticking = false;   // the timer thread parks at its next turn
    }

    /**
     * The timer thread: a tick for the FX thread every period while the clock ticks. A plain parking
     * loop: with a scheduled executor's queue and locks this thread took a third more CPU per tick
     * (measured 150 against 110 ms per minute of ticks; most of the rest is {@code Platform.runLater}).
     */
    private void runTimer() {
        while (true) {
            if (!ticking) {
                LockSupport.park(this);
                continue;
            }
            if (tickPending.compareAndSet(false, true)) Platform.runLater(this::tick);
            LockSupport.parkNanos(this, PERIOD_NANOS);
        }
    }

    private void tick() {
        tickPending.set(false);
        if (!ticking) return;
        long now = System.nanoTime();
        boolean last = holders.isEmpty() && --tail <= 0;
        // the last tick before stopping always counts: the views are left where playback is
        if (last || lastTick == 0 || now - lastTick >= FRAME_NANOS) {
            lastTick = now;
            ticks++;
            position.set(source.getAsLong());
            pulse.set(now);
        }
        // a view told of this tick may have woken or held the clock again
        if (last && holders.isEmpty() && tail <= 0) stop();
    }
}
