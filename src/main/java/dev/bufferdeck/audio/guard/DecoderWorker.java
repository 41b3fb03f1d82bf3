package dev.bufferdeck.audio.guard;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread a guarded decoder runs on. Calls wait for their answer only so long; a call that
 * overruns gets the worker abandoned: its thread is interrupted (which a looping decoder ignores), left
 * to end by itself as a daemon, and never given work again. An idle worker's thread ends after a few
 * seconds, so a decoder nobody closes keeps no thread.
 */
final class DecoderWorker {
    static final String THREAD_PREFIX = "bufferdeck-decoder-";
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ThreadPoolExecutor executor;
    private volatile boolean abandoned;

    DecoderWorker() {
        executor = new ThreadPoolExecutor(1, 1, 3, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, THREAD_PREFIX + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

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
        Future<T> future = executor.submit(call);
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
     * Runs {@code task} on the worker and returns at once; the task holds the thread until it returns
     * (the decode-ahead loop of playback). Calls made meanwhile wait behind it.
     */
    void start(Runnable task) {
        executor.execute(task);
    }

    /** Lets the thread end once its current task returns, without waiting; callable from the worker itself. */
    void finish() {
        executor.shutdown();
    }

    boolean isAbandoned() {
        return abandoned;
    }

    /** Lets the thread end once its current call (if any) returns; waits at most {@code timeoutNanos}. */
    void shutdown(long timeoutNanos) {
        executor.shutdown();
        if (abandoned || Thread.currentThread().isInterrupted()) return;
        try {
            executor.awaitTermination(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void abandon() {
        abandoned = true;
        executor.shutdownNow();
    }
}
