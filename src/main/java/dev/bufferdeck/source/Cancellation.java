package dev.bufferdeck.source;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets another thread stop a load. Cancelling runs the hooks the load registered (they abort the
 * HTTP request or close the stream), so a read that is blocked ends promptly.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (!cancelled.compareAndSet(false, true)) return;
        for (Runnable hook : hooks) runOnce(hook);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Runs {@code hook} when cancelled (at once if already cancelled). Close the returned handle
     * when the guarded work is over.
     */
    public Registration onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled.get()) runOnce(hook);
        return () -> hooks.remove(hook);
    }

    private void runOnce(Runnable hook) {
        if (hooks.remove(hook)) hook.run();
    }

    /** A registered hook; closing it unregisters the hook. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override void close();
    }
}
