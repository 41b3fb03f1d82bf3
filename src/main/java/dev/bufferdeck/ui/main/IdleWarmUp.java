package dev.bufferdeck.ui.main;

import dev.bufferdeck.threads.ThreadPriority;
import dev.bufferdeck.ui.thread.Fx;
import javafx.scene.Scene;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds what the window will need later (a library row's cells, a downloads line, the icon shapes'
 * parser) once the filled window has been drawn: one FX step per pulse, each a few milliseconds, so
 * the first load or download does not pay for class loading and CSS in one long gap. The background
 * step (no scene-graph work) runs on a daemon thread beside them.
 */
public final class IdleWarmUp {
    private final Deque<Runnable> fxSteps;
    private final Runnable background;
    private final AtomicInteger done = new AtomicInteger();
    private final int total;
    private volatile boolean backgroundDone;
    /** Run on the FX thread once everything is done (set before the warm-up starts); null for nothing. */
    private volatile Runnable whenDone;
    private final AtomicBoolean toldDone = new AtomicBoolean();

    public IdleWarmUp(List<Runnable> fxSteps, Runnable background) {
        this.fxSteps = new ArrayDeque<>(fxSteps);
        this.total = fxSteps.size();
        this.background = background;
    }

    /** Starts after {@code scene}'s next pulse (FX thread); call once the filled scene is on the stage. */
    public void startAfterNextPulse(Scene scene) {
        Fx.afterNextPulse(scene, () -> {
            ThreadPriority.lowerSoon();
            ThreadPriority.lowDaemon(() -> {
                try {
                    background.run();
                } finally {
                    backgroundDone = true;
                    tellIfDone();
                }
            }, "warm-up").start();
            nextStep(scene);
        });
    }

    private void nextStep(Scene scene) {
        Runnable step = fxSteps.poll();
        if (step == null) return;
        try {
            step.run();
        } finally {
            done.incrementAndGet();
        }
        if (!fxSteps.isEmpty()) Fx.afterNextPulse(scene, () -> nextStep(scene));
        else tellIfDone();
    }

    /** Runs {@code then} on the FX thread once every step has run (call before the warm-up starts). */
    public void whenDone(Runnable then) {
        whenDone = then;
        tellIfDone();
    }

    private void tellIfDone() {
        Runnable then = whenDone;
        if (then != null && isDone() && toldDone.compareAndSet(false, true)) Fx.run(then);
    }

    /** FX steps run so far. */
    public int stepsDone() { return done.get(); }

    /** True once every FX step and the background step have run. */
    public boolean isDone() { return done.get() == total && backgroundDone; }
}
