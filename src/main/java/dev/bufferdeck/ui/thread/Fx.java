package dev.bufferdeck.ui.thread;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.util.concurrent.atomic.AtomicBoolean;

/** The one way across to the FX thread: news from the loader, engine and event threads comes in here. */
public final class Fx {
    private Fx() {}

    /** Runs {@code r} on the FX thread: at once when called there, else at its next turn. */
    public static void run(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run(); else Platform.runLater(r);
    }

    /**
     * An update that many calls, from any thread, ask for and that runs once for all of them: a
     * call while one is still waiting for the FX thread adds nothing. The update reads the latest
     * state itself, so none is lost.
     */
    public static Runnable coalesced(Runnable update) {
        AtomicBoolean pending = new AtomicBoolean();
        return () -> {
            if (pending.compareAndSet(false, true)) {
                run(() -> {
                    pending.set(false);
                    update.run();
                });
            }
        };
    }

    /**
     * Runs {@code then} on the FX thread once {@code scene} has been through its next pulse (laid out
     * and handed to the renderer, which draws it while {@code then} runs). FX thread.
     */
    public static void afterNextPulse(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(then);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /**
     * Runs {@code then} once the renderer has drawn {@code scene}'s next frame (its first, for a scene
     * just set on a shown stage): when the window shows it. On the renderer thread, so keep it short
     * and leave JavaFX's nodes alone (for timing lines such as {@link dev.bufferdeck.ui.BufferDeckApp#FILLED}).
     * JavaFX tells of a rendered frame only through its internal performance tracker; where that cannot
     * be reached, after the next pulse on the FX thread instead. FX thread.
     */
    public static void afterNextFrame(Scene scene, Runnable then) {
        try {
            com.sun.javafx.perf.PerformanceTracker tracker = com.sun.javafx.perf.PerformanceTracker.getSceneTracker(scene);
            Runnable before = tracker.getOnRenderedFrameTask();
            AtomicBoolean ran = new AtomicBoolean();
            Runnable[] task = new Runnable[1];
            // after those asked for before this one, in the same frame
            task[0] = () -> {
                if (before != null) before.run();
                if (!ran.compareAndSet(false, true)) return;
                boolean last = tracker.getOnRenderedFrameTask() == task[0];
                if (last) tracker.setOnRenderedFrameTask(null);
                then.run();
                // the tracker counts every pulse and frame while on the scene: off it once nothing waits on it
                if (last) Platform.runLater(() -> releaseIdleTracker(scene));
            };
            tracker.setOnRenderedFrameTask(task[0]);
            Platform.requestNextPulse();
        } catch (RuntimeException | LinkageError unreachable) {
            afterNextPulse(scene, then);
        }
    }

    /** Takes the performance tracker off {@code scene} unless a frame is still waited on (one asked for since). FX thread. */
    private static void releaseIdleTracker(Scene scene) {
        if (com.sun.javafx.perf.PerformanceTracker.getSceneTracker(scene).getOnRenderedFrameTask() == null) {
            com.sun.javafx.perf.PerformanceTracker.releaseSceneTracker(scene);
        }
    }

    /**
     * Runs {@code r} on the FX thread at the next pulse, before that pulse's CSS and layout: work that
     * would otherwise be laid out in the same pulse as other work, split across two.
     */
    public static void atNextPulse(Runnable r) {
        NextPulse.run(r);
    }

    /**
     * An update that runs at most once per pulse: at the next pulse (the turn in which the scene is
     * laid out and drawn) after it was asked for, from any thread, the FX thread too. For news that
     * comes faster than the screen can show it (a download's progress, buffers growing, rows
     * arriving): asking again before that pulse adds nothing. The update reads the latest state
     * itself, so none is lost; one asked for while it runs runs at the following pulse.
     */
    public static Runnable perPulse(Runnable update) {
        AtomicBoolean pending = new AtomicBoolean();
        Runnable due = () -> {
            pending.set(false);
            update.run();
        };
        return () -> {
            if (pending.compareAndSet(false, true)) NextPulse.run(due);
        };
    }
}
