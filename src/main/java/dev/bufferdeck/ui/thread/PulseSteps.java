package dev.bufferdeck.ui.thread;

import javafx.animation.AnimationTimer;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Work done ahead while the window is idle (building rows and lines before they are first shown),
 * split into steps of a few milliseconds: one step per pulse, in the order they were added, so that
 * steps from several places never add up in one pulse. A step may add its own next step. Its timer
 * runs only while steps wait; started, it lets one pulse go by first, so that the first step never
 * shares a pulse with the work that added it (the window's first layout, a scene filled). FX thread
 * only.
 */
public final class PulseSteps {
    private static final Queue<Runnable> waiting = new ArrayDeque<>();
    private static AnimationTimer timer;
    private static boolean running;
    private static boolean pulseLetGo;

    private PulseSteps() {}

    /** Runs {@code step} at a pulse of its own, after the steps added before it. FX thread. */
    public static void add(Runnable step) {
        waiting.add(step);
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    runOne();
                }
            };
        }
        if (!running) {
            running = true;
            pulseLetGo = false;
            timer.start();
        }
    }

    private static void runOne() {
        if (!pulseLetGo) {
            pulseLetGo = true;
            return;
        }
        Runnable step = waiting.poll();
        if (step == null) return;
        try {
            step.run();
        } catch (RuntimeException e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
        if (waiting.isEmpty()) {
            timer.stop();
            running = false;
        }
    }
}
