package dev.bufferdeck.ui.playback;

import dev.bufferdeck.threads.ThreadPriority;

import com.sun.glass.ui.Timer;
import com.sun.javafx.tk.Toolkit;

import java.lang.reflect.Field;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * JavaFX's pulse timer, made to pause on GTK. Quantum pauses its timer once nothing has asked for a
 * pulse for a quarter of a second and resumes it at the next request (a changed node, an animation),
 * but GTK's timer ignores both: it wakes the FX thread for a turn of the GTK main loop at every
 * period (60 times a second), with nothing to draw or not. This one is a thread of its own that
 * parks while paused, and whose wake-ups run Quantum's pulse check, which hands the FX thread a
 * pulse only when one is due (as on the platforms whose timers run on a thread of their own). It
 * pauses as soon as a check finds nothing due, not a quarter of a second later as Quantum would have
 * it: the window playing asks for a pulse a few times a second, and would keep the timer beating
 * between them. Resumed, it checks at once: a pulse asked for waits for no period.
 */
final class PausingPulseTimer extends Timer {
    private static final String GTK_TIMER = "com.sun.glass.ui.gtk.GtkTimer";
    /** The thread of the last start; its own state, so a stopped one ends though a new one runs. */
    private volatile Beat beat;
    private long started;
    private final Object lock;
    private final BooleanSupplier nothingDue;

    /**
     * @param nothingDue true after a check that found no pulse due, read holding {@code lock}
     * @param lock       held by whoever asks for a pulse while it clears what {@code nothingDue} reads and resumes this timer
     */
    PausingPulseTimer(Runnable pulseCheck, BooleanSupplier nothingDue, Object lock) {
        super(pulseCheck);
        this.nothingDue = nothingDue;
        this.lock = lock;
    }

    /**
     * From the FX thread once the toolkit runs: puts a pausing timer in place of the toolkit's GTK pulse
     * timer, at the same period. True when it did; nothing changes elsewhere (another platform, a vsync
     * timer, a JavaFX whose fields differ).
     */
    static boolean install() {
        try {
            Object toolkit = Toolkit.getToolkit();
            Field pulseTimer = toolkit.getClass().getDeclaredField("pulseTimer");
            pulseTimer.setAccessible(true);
            Field runnable = Timer.class.getDeclaredField("runnable");
            runnable.setAccessible(true);
            Field period = Timer.class.getDeclaredField("period");
            period.setAccessible(true);
            // set by Quantum's check when it found nothing to pulse for, cleared when a pulse is asked for (before it resumes the timer)
            Field pauseRequested = toolkit.getClass().getDeclaredField("pauseRequested");
            pauseRequested.setAccessible(true);
            BooleanSupplier nothingDue = () -> {
                try {
                    return pauseRequested.getBoolean(toolkit);
                } catch (IllegalAccessException e) {
                    return false;
                }
            };
            // Quantum pauses and resumes its timer holding the toolkit's lock: no call falls between the two timers
            synchronized (toolkit) {
                Timer own = (Timer) pulseTimer.get(toolkit);
                if (own == null || !own.getClass().getName().equals(GTK_TIMER) || !own.isRunning()) return false;
                int millis = (int) period.getDouble(own);
                if (millis <= 0) return false;
                PausingPulseTimer pausing = new PausingPulseTimer((Runnable) runnable.get(own), nothingDue, toolkit);
                own.stop();
                pausing.start(millis);
                pulseTimer.set(toolkit, pausing);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    protected long _start(Runnable pulseCheck) {
        throw new UnsupportedOperationException("no vsync timer");
    }

    @Override
    protected long _start(Runnable pulseCheck, int periodMillis) {
        Beat b = new Beat(pulseCheck, nothingDue, lock, periodMillis * 1_000_000L, ++started);
        beat = b;
        b.thread.start();
        return b.id;
    }

    @Override
    protected void _stop(long id) {
        Beat b = beat;
        if (b != null && b.id == id) {
            b.stopped = true;
            LockSupport.unpark(b.thread);
        }
    }

    @Override
    protected void _pause(long id) {
        Beat b = beat;
        if (b != null && b.id == id) b.paused = true;
    }

    @Override
    protected void _resume(long id) {
        Beat b = beat;
        if (b != null && b.id == id && b.paused) {
            b.paused = false;
            LockSupport.unpark(b.thread);
        }
    }

    /** One started timer: runs the pulse check every period until stopped, parked while paused. */
    private static final class Beat implements Runnable {
        final long id;
        final Thread thread;
        private final Runnable pulseCheck;
        private final BooleanSupplier nothingDue;
        private final Object lock;
        private final long periodNanos;
        volatile boolean paused;
        volatile boolean stopped;

        Beat(Runnable pulseCheck, BooleanSupplier nothingDue, Object lock, long periodNanos, long id) {
            this.pulseCheck = pulseCheck;
            this.nothingDue = nothingDue;
            this.lock = lock;
            this.periodNanos = periodNanos;
            this.id = id;
            thread = ThreadPriority.normalDaemon(this, "bufferdeck-pulse-timer");
        }

        @Override
        public void run() {
            long next = System.nanoTime() + periodNanos;
            while (!stopped) {
                if (paused) {
                    LockSupport.park(this);
                    next = System.nanoTime();   // resumed: a pulse is asked for, check at once
                    continue;
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                    continue;
                }
                pulseCheck.run();
                pauseIfNothingDue();
                // a late turn starts the beat anew rather than catching up
                next = Math.max(next + periodNanos, System.nanoTime() + periodNanos / 2);
            }
        }

        /** Under the lock a resume takes: a pulse asked for after the check finds the timer paused, and resumes it. */
        private void pauseIfNothingDue() {
            synchronized (lock) {
                if (nothingDue.getAsBoolean()) paused = true;
            }
        }
    }
}
