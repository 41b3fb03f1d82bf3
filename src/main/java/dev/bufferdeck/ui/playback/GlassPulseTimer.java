package dev.bufferdeck.ui.playback;

import com.sun.glass.ui.Timer;
import com.sun.javafx.tk.Toolkit;

import java.lang.reflect.Field;
import java.util.Optional;

/**
 * The timer that wakes JavaFX for its pulses (Glass's, started by Quantum at the rate of
 * {@link PulseRate}), reached by reflection: JavaFX has no API to change its rate once started.
 * GTK's own never pauses (Quantum's pause is a no-op there): each wake-up is a turn of the GTK main
 * loop on the FX thread, with or without anything to draw; the app puts a {@link PausingPulseTimer}
 * in its place, which this finds as well. FX thread only.
 */
final class GlassPulseTimer {
    private final Timer timer;
    private final int ownPeriodMillis;
    private int periodMillis;

    private GlassPulseTimer(Timer timer, int periodMillis) {
        this.timer = timer;
        this.ownPeriodMillis = periodMillis;
        this.periodMillis = periodMillis;
    }

    /** The running toolkit's pulse timer, if it runs at a fixed period and can be reached; else empty. */
    static Optional<GlassPulseTimer> find() {
        try {
            Object toolkit = Toolkit.getToolkit();
            Field pulseTimer = toolkit.getClass().getDeclaredField("pulseTimer");
            pulseTimer.setAccessible(true);
            Timer timer = (Timer) pulseTimer.get(toolkit);
            Field period = Timer.class.getDeclaredField("period");
            period.setAccessible(true);
            double millis = period.getDouble(timer);
            // a vsync timer has no period (negative), nor has one not started
            if (timer == null || !timer.isRunning() || millis <= 0) return Optional.empty();
            return Optional.of(new GlassPulseTimer(timer, (int) millis));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The period the toolkit started the timer with. */
    int ownPeriodMillis() { return ownPeriodMillis; }

    int periodMillis() { return periodMillis; }

    /** Restarts the timer with {@code millis} between wake-ups (a pulse requested meanwhile waits for the next). */
    void runEvery(int millis) {
        if (millis == periodMillis) return;
        timer.start(millis);
        periodMillis = millis;
    }
}
