package dev.bufferdeck.ui.thread;

import javafx.beans.value.ObservableBooleanValue;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Lets the window's background analyses (waveform, regions, loudness) run only while the window is
 * seen. An analysis passes a checkpoint before each piece of work; while the window is minimised or
 * hidden the checkpoint holds it (a plain wait, woken when the window is seen again: nothing polls),
 * and it then goes on where it stopped. Counts the checkpoints passed: the analysis work done.
 * Checkpoints are passed on any thread; {@link #openWhile} is called on the FX thread.
 */
public final class AnalysisGate {
    private final AtomicLong passed = new AtomicLong();
    private boolean open = true;
    /** Held so that a binding given to {@link #openWhile} is not collected while it is followed. */
    private ObservableBooleanValue openSource;

    /** Open while {@code seen} is true (the window shows and is not minimised). */
    public void openWhile(ObservableBooleanValue seen) {
        openSource = seen;
        seen.addListener((o, was, now) -> setOpen(now));
        setOpen(seen.get());
    }

    public synchronized void setOpen(boolean open) {
        this.open = open;
        if (open) notifyAll();
    }

    public synchronized boolean isOpen() { return open; }

    /** Returns at once while open; else waits until open (an interrupt ends the wait, with the flag kept). */
    public void pass() {
        synchronized (this) {
            while (!open) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        passed.incrementAndGet();
    }

    /** How many checkpoints analyses have passed: it stands still while the gate is shut. */
    public long passed() { return passed.get(); }

    /** {@code cancelled} with a checkpoint before each answer: for builders that ask for cancellation between chunks. */
    public BooleanSupplier checkpoint(BooleanSupplier cancelled) {
        return () -> {
            pass();
            return cancelled.getAsBoolean();
        };
    }

    /** Runs each task on {@code executor} after a checkpoint: for analyses that are one piece of work. */
    public Executor gated(Executor executor) {
        return task -> executor.execute(() -> {
            pass();
            task.run();
        });
    }
}
