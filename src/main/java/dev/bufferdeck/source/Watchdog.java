package dev.bufferdeck.source;

import dev.bufferdeck.repository.ByteSizes;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread per URL load that aborts it when a deadline passes: the response head not arriving in
 * time, the body going without a byte for the idle timeout, or the body arriving slower than the
 * minimum progress (fewer than N bytes in a window: a byte every few seconds never trips the idle
 * timeout). The load reports each read; {@link #close()} ends the thread before the load returns,
 * so none is left behind.
 */
final class Watchdog implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Thread thread;
    private final Runnable onExpiry;
    private volatile long deadline;
    private volatile String reason;
    private volatile String expiredReason;
    private volatile boolean closed;
    private volatile long bytes;
    private volatile long minimumBytes = -1;
    private volatile long windowNanos;

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

    /** From now on, fewer than {@code minimum} bytes in any {@code window} is a stall. */
    void expectProgress(long minimum, Duration window) {
        windowNanos = window.toNanos();
        minimumBytes = minimum;
        LockSupport.unpark(thread);
    }

    /** One read of {@code n} bytes: moves the idle deadline on without waking the thread (cheap). */
    void counted(long n, Duration idleTimeout) {
        bytes += n;
        deadline = System.nanoTime() + idleTimeout.toNanos();
    }

    /** The reason of the deadline that passed, or null when none did. */
    String expired() {
        return expiredReason;
    }

    private void watch() {
        long windowStart = 0;
        long bytesAtWindowStart = 0;
        boolean watchingProgress = false;
        while (!closed) {
            long now = System.nanoTime();
            long left = deadline - now;
            if (left <= 0) {
                expire(reason);
                return;
            }
            long minimum = minimumBytes;
            if (minimum >= 0 && !watchingProgress) {
                watchingProgress = true;
                windowStart = now;
                bytesAtWindowStart = bytes;
            }
            if (watchingProgress) {
                long windowLeft = windowStart + windowNanos - now;
                if (windowLeft <= 0) {
                    long arrived = bytes - bytesAtWindowStart;
                    if (arrived < minimum) {
                        expire(tooSlow(arrived, now - windowStart, minimum));
                        return;
                    }
                    windowStart = now;
                    bytesAtWindowStart = bytes;
                    windowLeft = windowNanos;
                }
                left = Math.min(left, windowLeft);
            }
            LockSupport.parkNanos(this, left);
        }
    }

    private String tooSlow(long arrived, long nanos, long minimum) {
        double perSecond = arrived / (nanos / 1e9);
        String rate = perSecond < 10 ? String.format(Locale.ROOT, "%.1f B/s", perSecond)
                : ByteSizes.human(Math.round(perSecond)) + "/s";
        return "too slow (stalled): " + ByteSizes.human(arrived) + " arrived in "
                + UrlLoader.seconds(Duration.ofMillis(nanos / 1_000_000)) + " (" + rate + "), below the "
                + ByteSizes.human(minimum) + " per " + UrlLoader.seconds(Duration.ofNanos(windowNanos)) + " a load needs";
    }

    private void expire(String why) {
        expiredReason = why;
        onExpiry.run();
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
