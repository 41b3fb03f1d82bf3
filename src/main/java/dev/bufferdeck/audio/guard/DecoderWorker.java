package dev.bufferdeck.audio.guard;

import dev.bufferdeck.audio.WarmThreads;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread at a time a guarded decoder runs on: its calls run in order, one after the other, on
 * a {@linkplain WarmThreads warm thread} (named {@link #THREAD_PREFIX} and a number while it works
 * for this decoder), so opening a decoder at Play costs no thread creation. Calls wait for their
 * answer only so long; a call that overruns gets the worker abandoned: its thread is interrupted
 * (which a looping decoder ignores), left to end by itself as a daemon, and the worker never runs
 * anything again.
 */
final class DecoderWorker {
    static final String THREAD_PREFIX = "bufferdeck-decoder-";
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private final String name = THREAD_PREFIX + WORKERS.incrementAndGet();
    private final Object lock = new Object();
    private final Queue<Runnable> tasks = new ArrayDeque<>();   // guarded by lock
    private boolean draining;                                     // guarded by lock
    private boolean shut;                                         // guarded by lock
    private Thread running;                                       // guarded by lock
    private volatile boolean abandoned;

    /** What a call ended with when it did not return normally. */
    static final class Overrun extends Exception {
        Overrun() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs {@code call} on the worker and waits at most {@code timeoutNanos} for it. An interrupt of
     * the waiting thread does not cut the wait short (a plain decoder call would not notice it either);
     * the interrupt flag is restored afterwards.
     *
     * @throws Overrun when it took longer: the worker is abandoned
     * @throws Throwable whatever the call threw
     */
    <T> T call(Callable<T> call, long timeoutNanos) throws Throwable {
        if (abandoned) throw new Overrun();
        FutureTask<T> future = new FutureTask<>(call);
        if (!enqueue(future)) throw new Overrun();
        long deadline = System.nanoTime() + timeoutNanos;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw e.getCause();
                } catch (TimeoutException e) {
                    abandon();
                    throw new Overrun();
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code task} on the worker and returns at once; the task holds the worker until it returns
     * (the decode-ahead loop of playback). Calls made meanwhile wait behind it.
     */
    void start(Runnable task) {
        enqueue(task);
    }

    /** Takes no more work once what is queued has run; callable from the worker itself. */
    void finish() {
        synchronized (lock) {
            shut = true;
        }
    }

    boolean isAbandoned() {
        return abandoned;
    }

    /** Takes no more work; waits at most {@code timeoutNanos} for what is queued or running to end. */
    void shutdown(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (lock) {
            shut = true;
            if (abandoned || Thread.currentThread().isInterrupted()) return;
            try {
                while (draining && running != Thread.currentThread()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return;
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void abandon() {
        synchronized (lock) {
            abandoned = true;
            shut = true;
            tasks.clear();
            if (running != null) running.interrupt();
        }
    }

    private boolean enqueue(Runnable task) {
        synchronized (lock) {
            if (shut || abandoned) return false;
            tasks.add(task);
            if (draining) return true;
            draining = true;
        }
        WarmThreads.run(name, Thread.NORM_PRIORITY, this::drain);
        return true;
    }

    /** Runs the queued tasks in order on the current (warm) thread until none is left. */
    private void drain() {
        while (true) {
            Runnable task;
            synchronized (lock) {
                task = abandoned ? null : tasks.poll();
                if (task == null) {
                    draining = false;
                    running = null;
                    lock.notifyAll();
                    return;
                }
                running = Thread.currentThread();
            }
            try {
                task.run();
            } finally {
                synchronized (lock) {
                    running = null;
                    Thread.interrupted();   // an interrupt meant for this task stays with it
                    if (abandoned) {
                        draining = false;
                        lock.notifyAll();
                    }
                }
            }
            if (abandoned) return;
        }
    }
}
