package dev.bufferdeck.fuzz;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs one fuzz input and holds it to the hardening goals: no uncaught exception (the caller lets
 * only documented ones through), at most one second, and no more heap allocated on this thread than
 * four times the input plus a fixed allowance for the parser's own bookkeeping.
 */
final class FuzzLimits {
    static final long MAX_NANOS = 1_000_000_000L;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzLimits() {}

    interface Body {
        void run() throws Exception;
    }

    /** Runs the body twice: once to load classes and fill caches, then measured. */
    static void check(int inputSize, long fixedAllowance, Body body) throws Exception {
        body.run();
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        body.run();
        long nanos = System.nanoTime() - start;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long limit = 4L * inputSize + fixedAllowance;
        assertTrue(allocated <= limit, "allocated " + allocated + " bytes for a " + inputSize + "-byte input (limit " + limit + ")");
        assertTrue(nanos <= MAX_NANOS, "took " + nanos / 1_000_000 + " ms for a " + inputSize + "-byte input");
    }

}
