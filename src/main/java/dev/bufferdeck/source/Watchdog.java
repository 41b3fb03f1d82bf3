package dev.bufferdeck.source;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread per URL load that aborts it when a deadline passes: the response head not arriving in
 * time, or the body going without a byte for the idle timeout. The load re-arms it after each read;
 * {@link #close()} ends the thread before the load returns, so none is left behind.
 */
final class Watchdog implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Thread thread;
    private final Runnable onExpiry;
    private volatile long deadline;
    private volatile String reason;
    private volatile String expiredReason;
    private volatile boolean closed;

    Watchdog(Runnable onExpiry) {
        this.onExpiry = onExpiry;
        this.deadline = System.nanoTime() + Long.MAX_VALUE / 4;
        this.thread = new Thread(this::watch, "bufferdeck-http-watchdog-" + COUNTER.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /** Sets the deadline {@code timeout} from now; {@code why} becomes the message when it passes. */
    void arm(Duration timeout, String why) {
        reason = why;
        deadline = System.nanoTime() + timeout.toNanos();
        LockSupport.unpark(thread);
    }

    /** Moves the deadline on without waking the thread (called once per read; cheap). */
    void touch(Duration timeout) {
        deadline = System.nanoTime() + timeout.toNanos();
    }

    /** The reason of the deadline that passed, or null when none did. */
    String expired() {
        return expiredReason;
    }

    private void watch() {
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                expiredReason = reason;
                onExpiry.run();
                return;
            }
            LockSupport.parkNanos(this, left);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
