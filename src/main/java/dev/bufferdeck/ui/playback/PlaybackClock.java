package dev.bufferdeck.ui.playback;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.value.ObservableBooleanValue;

import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The one frame clock of the window: where playback is, read once per pulse, for every view that
 * follows it (the seek bar, the hex playhead, the spectrum). It ticks only while someone holds it
 * (the player while it plays, the spectrum while its bars fall) and for a short while after
 * {@link #wake()}, so an idle window gets no pulses from it; and not at all while nothing it drives
 * is seen ({@link #seenWhile}: the window minimised or hidden). FX thread only.
 */
public final class PlaybackClock {
    /** Pulses after a {@link #wake()}: an engine command (seek, stop) is answered within them. */
    static final int TAIL_PULSES = 30;
    /**
     * The least time between two ticks the views see: about 15 a second (every second pulse at the
     * app's {@linkplain PulseRate 30 Hz}; every third at JavaFX's 60), so everything that follows
     * playback changes in the same pulses and the window is repainted at most that often (a repaint
     * copies the whole window to the screen when Prism renders in software).
     */
    static final long FRAME_NANOS = 45_000_000L;

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
    /** Made at the first start, so a clock can be built before the FX toolkit runs. */
    private AnimationTimer timer;
    /** The time of the last tick the views saw, 0 before the first since the timer started. */
    private long lastTick;

    /** @param source where playback is now, in milliseconds; read on the FX thread once per pulse */
    public PlaybackClock(LongSupplier source) {
        this.source = source;
        position.set(source.getAsLong());
    }

    /** Where playback is, in milliseconds: changes at most once per tick (about 15 a second). */
    public ReadOnlyLongProperty positionProperty() { return position.getReadOnlyProperty(); }

    public long position() { return position.get(); }

    /** The time of the last tick ({@link AnimationTimer} nanoseconds), set after the position: for views that animate or compare every tick. */
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
        tail = TAIL_PULSES;
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
        } else if (!seen && timer != null) {
            timer.stop();
            timer = null;
        }
    }

    /** True while the clock ticks. */
    public boolean isTicking() { return timer != null; }

    private void start() {
        if (timer != null || !seen.get()) return;
        lastTick = 0;
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                boolean last = holders.isEmpty() && --tail <= 0;
                // the last pulse before stopping always ticks: the views are left where playback is
                if (last || lastTick == 0 || now - lastTick >= FRAME_NANOS) {
                    lastTick = now;
                    position.set(source.getAsLong());
                    pulse.set(now);
                }
                // a view told of this tick may have woken or held the clock again
                if (last && holders.isEmpty() && tail <= 0) {
                    stop();
                    timer = null;
                }
            }
        };
        timer.start();
    }
}
