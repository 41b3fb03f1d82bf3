package dev.bufferdeck.threads;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run in a JVM of its own by {@link ThreadPriorityTest}, where nothing has lowered anything yet:
 * prints the nice value of a low-priority thread started before the lowering (read before and after
 * it), of one started after, and of the main thread. With the argument {@code wait} it does not ask
 * for the lowering and waits for the one that comes by itself.
 */
public final class LoweringProbe {
    public static void main(String[] args) throws Exception {
        boolean waitForIt = args.length > 0 && args[0].equals("wait");
        CountDownLatch lowered = new CountDownLatch(1);
        CompletableFuture<Integer> early = new CompletableFuture<>(), earlyLater = new CompletableFuture<>(), late = new CompletableFuture<>();
        Thread t = ThreadPriority.lowDaemon(() -> {
            early.complete(nice());
            try {
                lowered.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            earlyLater.complete(nice());
        }, "probe-early");
        t.start();
        int before = early.get(10, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        if (waitForIt) {
            while (nice(t) != ThreadPriority.LOW_NICE && System.nanoTime() - t0 < 20_000_000_000L) Thread.sleep(50);
        } else {
            ThreadPriority.lowerNow();
        }
        long waited = (System.nanoTime() - t0) / 1_000_000_000L;
        lowered.countDown();
        ThreadPriority.lowDaemon(() -> late.complete(nice()), "probe-late").start();
        System.out.println("early-before " + before + " early-after " + earlyLater.get(10, TimeUnit.SECONDS)
                + " late " + late.get(10, TimeUnit.SECONDS) + " main " + nice() + " waited-s " + waited);
    }

    private static int nice() {
        return ThreadPriority.niceOf(ThreadPriority.currentTid());
    }

    /** A running thread's nice value, found by its name in /proc (the kernel keeps 15 characters). */
    private static int nice(Thread t) throws java.io.IOException {
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                if (java.nio.file.Files.readString(task.resolve("comm")).trim().equals(t.getName())) {
                    return ThreadPriority.niceOf(task.getFileName().toString());
                }
            }
        }
        return 0;
    }
}
