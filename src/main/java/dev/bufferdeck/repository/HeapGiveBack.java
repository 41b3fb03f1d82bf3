package dev.bufferdeck.repository;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * Gives the memory of a large buffer removed or let go, or of a large load that failed, back to the
 * system. G1 uncommits heap only at a concurrent cycle's remark or a full collection, a piece outside
 * the heap is freed only once a collection has found its buffer object unreferenced, and after a large
 * load nothing starts a cycle: removing a 500 MiB buffer left the process at 680-800 MiB of RSS a minute
 * later (scripts/bench-memory-given-back.sh). So removals adding up to {@link #LARGE} bytes or more ask
 * for a collection on a thread of its own, which starts a concurrent cycle where the launchers set
 * {@code -XX:+ExplicitGCInvokesConcurrent}; removals meanwhile share it. Without that option (a JVM
 * started otherwise) it asks for nothing: there the request would be a full collection, stopping every
 * thread for as long as it takes.
 *
 * <p>A cycle frees only what nothing referred to when it began, and right after a removal the window
 * still shows the buffer (its row, its bytes) until it hears of it: a cycle asked for at once kept the
 * 500 MiB where the buffer's holder had reached the old generation. So the request waits
 * {@link #SETTLE_MILLIS} after the last removal, and when the heap did not shrink by half of what
 * was removed (something held the buffer a while longer), it asks again after each of {@link #RETRY_MILLIS}.
 */
final class HeapGiveBack {
    /**
     * Removals adding up to less than this since the last request are left to G1. They add up: many
     * small buffers outside the heap hold as much as one large one, and nothing else frees them (their
     * buffer objects are small and old; G1 starts no cycle for memory it does not count).
     */
    static final long LARGE = 64L << 20;
    static final long SETTLE_MILLIS = 1_000;
    static final long[] RETRY_MILLIS = {5_000, 30_000};
    /** How long the JDK's cleaner thread is given to free the direct buffers a cycle found unreferenced. */
    private static final long CLEANED_MILLIS = 200;
    private static final boolean CONCURRENT = explicitCollectionIsConcurrent();
    private static final Object lock = new Object();
    /** When to ask (System.nanoTime), guarded by {@link #lock}. */
    private static long due;
    /** Bytes removed since the last request, guarded by {@link #lock}. */
    private static long removed;
    private static Thread asker;

    private HeapGiveBack() {}

    /**
     * After {@code bytes} of media left the repository (a buffer removed or let go, a load's reservation
     * closed unused). Any thread.
     */
    static void afterRemoving(long bytes) {
        if (bytes <= 0 || !CONCURRENT) return;
        Thread started;
        synchronized (lock) {
            removed += bytes;
            if (removed < LARGE) return;
            due = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
            lock.notifyAll();
            if (asker != null) return;
            started = asker = new Thread(HeapGiveBack::askWhenSettled, "bufferdeck-give-back");
        }
        started.setDaemon(true);
        started.start();
    }

    private static void askWhenSettled() {
        try {
            while (true) {
                long bytes;
                synchronized (lock) {
                    if (removed < LARGE) {
                        asker = null;
                        return;
                    }
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        lock.wait(Math.max(1, wait / 1_000_000));
                    }
                    bytes = removed;
                    removed = 0;
                }
                ask(bytes);
            }
        } catch (InterruptedException e) {
            synchronized (lock) {
                asker = null;
            }
        }
    }

    /** Asks for a cycle, and again later while the heap kept what was removed. */
    private static void ask(long bytes) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            long before = memoryUsed();
            System.gc();   // returns once the concurrent cycle has ended
            Thread.sleep(CLEANED_MILLIS);
            if (before - memoryUsed() >= bytes / 2 || attempt == RETRY_MILLIS.length) return;
            Thread.sleep(RETRY_MILLIS[attempt]);
        }
    }

    /**
     * The heap in use and the memory of direct buffers (large pieces are held there, and freed once a
     * cycle has found their buffer objects unreferenced).
     */
    private static long memoryUsed() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) used += pool.getMemoryUsed();
        }
        return used;
    }

    /** True when this JVM runs {@link System#gc()} as a concurrent cycle. */
    static boolean explicitCollectionIsConcurrent() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm != null && Boolean.parseBoolean(vm.getVMOption("ExplicitGCInvokesConcurrent").getValue());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }
}
