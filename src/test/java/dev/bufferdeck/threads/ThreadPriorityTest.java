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

/**
 * Real threads, real nice values read back from /proc, lowered by the real renice(1). The lowering
 * happens once per JVM: the first test here to need it asks for it, and the tests hold for threads
 * started before it as for threads started after.
 */
class ThreadPriorityTest {
    @BeforeAll
    static void onLinuxWithRenice() {
        assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "needs Linux /proc");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")) || Files.isExecutable(Path.of("/bin/renice")), "needs renice(1)");
        assumeTrue(ThreadPriority.NORMAL_NICE < 19, "the tests run at the lowest priority already: nothing can be lower");
    }

    @Test
    void aLowThreadStartedBeforeTheLoweringRunsNormalThenIsLoweredWithItAndOneStartedAfterStartsLow() throws Exception {
        assertEquals(expectedProbe(), probe().replaceAll(" waited-s .*", ""));
    }

    @Test
    void withNothingAskingTheLoweringComesByItselfSecondsAfterTheFirstLowThread() throws Exception {
        String out = probe("wait");
        assertEquals(expectedProbe(), out.replaceAll(" waited-s .*", ""));
        int waited = Integer.parseInt(out.replaceAll(".* waited-s ", ""));
        assertTrue(waited >= 3 && waited <= 10, "lowered after " + waited + " s");
    }

    /** Normal before the lowering, low after it, and the main thread normal throughout. */
    private static String expectedProbe() {
        int normal = ThreadPriority.NORMAL_NICE, low = ThreadPriority.LOW_NICE;
        return "early-before " + normal + " early-after " + low + " late " + low + " main " + normal;
    }

    /** {@link LoweringProbe} in a JVM of its own, where nothing was lowered before. */
    private static String probe(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoweringProbe.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    @Test
    void aLowThreadStartedHereRunsLowOnceLoweredAndItsStarterKeepsItsPriority() throws Exception {
        ThreadPriority.lowerNow();
        CompletableFuture<Integer> after = new CompletableFuture<>();
        Thread t = ThreadPriority.lowDaemon(() -> after.complete(nice()), "test-late");
        assertTrue(t.isDaemon());
        t.start();
        assertEquals(ThreadPriority.LOW_NICE, after.get(10, TimeUnit.SECONDS));
        assertEquals(ThreadPriority.NORMAL_NICE, nice(), "the thread that started it keeps its priority");
    }

    @Test
    void aPoolOfItsThreadsRunsEveryTaskAtTheLowPriorityWithNamesThatCount() throws Exception {
        ThreadPriority.lowerNow();
        ExecutorService pool = Executors.newFixedThreadPool(2, ThreadPriority.lowDaemons("test-pool"));
        try {
            List<CompletableFuture<String>> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                CompletableFuture<String> f = new CompletableFuture<>();
                seen.add(f);
                pool.execute(() -> {
                    sleep(50);
                    f.complete(Thread.currentThread().getName() + " " + nice());
                });
            }
            for (CompletableFuture<String> f : seen) {
                String[] nameAndNice = f.get(10, TimeUnit.SECONDS).split(" ");
                assertTrue(nameAndNice[0].matches("test-pool-[12]"), nameAndNice[0]);
                assertEquals(String.valueOf(ThreadPriority.LOW_NICE), nameAndNice[1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNormalThreadStartedByALowOneRunsAtTheNormalPriorityAndAPlainThreadItStartsStaysLow() throws Exception {
        ThreadPriority.lowerNow();
        CompletableFuture<Integer> normal = new CompletableFuture<>(), inherited = new CompletableFuture<>();
        Thread low = ThreadPriority.lowDaemon(() -> {
            ThreadPriority.normalDaemon(() -> normal.complete(nice()), "test-normal").start();
            new Thread(() -> inherited.complete(nice()), "test-plain").start();
        }, "test-low-starts");
        low.start();
        assertEquals(ThreadPriority.NORMAL_NICE, normal.get(10, TimeUnit.SECONDS), "made by the normal starter, whichever thread starts it");
        assertEquals(ThreadPriority.LOW_NICE, inherited.get(10, TimeUnit.SECONDS), "a plain thread takes its starter's nice value");
        low.join(10_000);
    }

    @Test
    void aThreadIsStartedOnceAndASecondStartFailsAsForAnyThread() throws Exception {
        CompletableFuture<Integer> runs = new CompletableFuture<>();
        Thread t = ThreadPriority.lowDaemon(() -> {
            runs.complete(1);
            sleep(200);
        }, "test-twice");
        t.start();
        assertThrows(IllegalThreadStateException.class, t::start);
        assertEquals(1, runs.get(10, TimeUnit.SECONDS), "ran once");
        t.join(10_000);
        assertFalse(t.isAlive());
        Thread normal = ThreadPriority.normalDaemon(() -> sleep(50), "test-twice-normal");
        normal.start();
        assertThrows(IllegalThreadStateException.class, normal::start);
    }

    @Test
    void theCompilerThreadsAreLoweredWithThemAndTheVmAndGcThreadsAreNot() throws Exception {
        ThreadPriority.lowerNow();
        int compilers = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String comm;
                try {
                    comm = Files.readString(task.resolve("comm")).trim();
                } catch (java.nio.file.NoSuchFileException ended) {
                    continue;
                }
                int nice = ThreadPriority.niceOf(task.getFileName().toString());
                if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                    compilers++;
                    assertEquals(ThreadPriority.LOW_NICE, nice, comm);
                } else if (comm.startsWith("VM Thread") || comm.startsWith("GC Thread") || comm.equals("bufferdeck-norm")) {
                    assertEquals(ThreadPriority.NORMAL_NICE, nice, comm);
                }
            }
        }
        assertTrue(compilers >= 1, "at least one JIT compiler thread");
    }

    private static int nice() {
        return ThreadPriority.niceOf(ThreadPriority.currentTid());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
