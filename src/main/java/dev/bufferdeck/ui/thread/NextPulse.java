package dev.bufferdeck.ui.thread;

import javafx.animation.AnimationTimer;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks on the FX thread at the next pulse (the turn in which the scene is laid out and drawn),
 * with one animation timer that runs only while tasks wait: nothing ticks when nothing is due.
 */
final class NextPulse {
    private static final Queue<Runnable> due = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean running = new AtomicBoolean();
    /** Made and used on the FX thread only. */
    private static AnimationTimer timer;

    private NextPulse() {}

    /** From any thread. */
    static void run(Runnable task) {
        due.add(task);
        if (running.compareAndSet(false, true)) Fx.run(NextPulse::start);
    }

    private static void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    runDue();
                }
            };
        }
        timer.start();
    }

    private static void runDue() {
        // what these tasks ask for waits for the next pulse
        for (int n = due.size(); n > 0; n--) {
            Runnable task = due.poll();
            if (task == null) break;
            try {
                task.run();
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
        if (!due.isEmpty()) return;
        timer.stop();
        running.set(false);
        // a task added after the look above, by a thread that still saw the timer running
        if (!due.isEmpty() && running.compareAndSet(false, true)) timer.start();
    }
}
