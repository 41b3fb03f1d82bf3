package dev.bufferdeck.repository;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives the memory of a large buffer removed or let go, or of a large load that failed, back to the
 * system. G1 uncommits heap only at a concurrent cycle's remark or a full collection, and after a large
 * load nothing starts a cycle: removing a 500 MiB buffer left the process at 680-800 MiB of RSS a minute
 * later (scripts/bench-memory-given-back.sh). So a removal of {@link #LARGE} bytes or more asks for a
 * collection on a thread of its own, which starts a concurrent cycle where the launchers set
 * {@code -XX:+ExplicitGCInvokesConcurrent}; removals meanwhile share it. Without that option (a JVM started otherwise) it asks for nothing: there the request would
 * be a full collection, stopping every thread for as long as it takes.
 */
final class HeapGiveBack {
    /** Removals freeing less than this leave the heap to G1. */
    static final long LARGE = 64L << 20;
    private static final boolean CONCURRENT = explicitCollectionIsConcurrent();
    private static final AtomicBoolean asked = new AtomicBoolean();

    private HeapGiveBack() {}

    /**
     * After {@code bytes} of media left the repository (a buffer removed or let go, a load's reservation
     * closed unused). Any thread.
     */
    static void afterRemoving(long bytes) {
        if (bytes < LARGE || !CONCURRENT || !asked.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try {
                System.gc();   // returns once the concurrent cycle has ended
            } finally {
                asked.set(false);
            }
        }, "bufferdeck-give-back");
        t.setDaemon(true);
        t.start();
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
