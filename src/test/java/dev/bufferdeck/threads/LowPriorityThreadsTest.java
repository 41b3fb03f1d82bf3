package dev.bufferdeck.threads;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real threads, real nice values read back from /proc, lowered by the real renice(1). */
class LowPriorityThreadsTest {
    @BeforeAll
    static void onLinuxWithRenice() {
        assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "needs Linux /proc");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")) || Files.isExecutable(Path.of("/bin/renice")), "needs renice(1)");
        assumeTrue(LowPriorityThreads.niceOf(LowPriorityThreads.currentTid()) == 0, "the tests themselves must run at nice 0");
    }

    @Test
    void aThreadItMakesRunsAtTheLowPriorityAndItsStarterDoesNot() throws Exception {
        CompletableFuture<Integer> nice = new CompletableFuture<>();
        Thread t = LowPriorityThreads.daemon(() -> nice.complete(LowPriorityThreads.niceOf(LowPriorityThreads.currentTid())), "test-low");
        assertTrue(t.isDaemon());
        t.start();
        assertEquals(LowPriorityThreads.NICE, nice.get(10, TimeUnit.SECONDS));
        assertEquals(0, LowPriorityThreads.niceOf(LowPriorityThreads.currentTid()), "the thread that started it keeps its priority");
        t.join(10_000);
    }

    @Test
    void aPoolOfItsThreadsRunsEveryTaskAtTheLowPriorityWithNamesThatCount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, LowPriorityThreads.daemons("test-pool"));
        try {
            List<CompletableFuture<String>> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                CompletableFuture<String> f = new CompletableFuture<>();
                seen.add(f);
                pool.execute(() -> {
                    sleep(50);
                    f.complete(Thread.currentThread().getName() + " " + LowPriorityThreads.niceOf(LowPriorityThreads.currentTid()));
                });
            }
            for (CompletableFuture<String> f : seen) {
                String[] nameAndNice = f.get(10, TimeUnit.SECONDS).split(" ");
                assertTrue(nameAndNice[0].matches("test-pool-[12]"), nameAndNice[0]);
                assertEquals(String.valueOf(LowPriorityThreads.NICE), nameAndNice[1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aThreadIsStartedOnceAndASecondStartFailsAsForAnyThread() throws Exception {
        Thread t = LowPriorityThreads.daemon(() -> sleep(200), "test-twice");
        t.start();
        assertThrows(IllegalThreadStateException.class, t::start);
        t.join(10_000);
        assertFalse(t.isAlive());
    }

    @Test
    void theCompilerThreadsAreLoweredAndNoOtherThread() throws Exception {
        assertTrue(LowPriorityThreads.lowerCompilerThreads() >= 1, "at least one JIT compiler thread");
        int compilers = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String comm = Files.readString(task.resolve("comm")).trim();
                int nice = LowPriorityThreads.niceOf(task.getFileName().toString());
                if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                    compilers++;
                    assertEquals(LowPriorityThreads.NICE, nice, comm);
                } else if (comm.startsWith("VM Thread") || comm.startsWith("GC Thread") || comm.equals("main")) {
                    assertEquals(0, nice, comm);
                }
            }
        }
        assertTrue(compilers >= 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
