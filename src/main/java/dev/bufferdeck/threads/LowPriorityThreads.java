package dev.bufferdeck.threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for work that can wait (loading, hashing, analysis, building ahead, the JIT compilers): on
 * a busy machine they leave the cores to the FX thread, its renderer and pulse timer, and the audio
 * threads, which run at the normal priority. On a 2-core machine a load, the compilers and another
 * program kept the FX thread waiting for a core for 20–130 ms at a time.
 *
 * <p>Java's thread priorities change nothing on Linux (without root the JVM ignores them), so these
 * threads run at nice {@value #NICE} instead. A Linux thread takes the nice value of the thread that
 * starts it: one starter thread lowers its own priority once, with {@code renice(1)}, and starts every
 * low-priority thread. Where that cannot be done (no /proc, no renice) the threads run at the normal
 * priority, as before. {@code -Dbufferdeck.lowPriority=false} turns it off, and
 * {@code -Dbufferdeck.lowPriority.compilers=false} leaves the compilers at the normal priority (for
 * comparisons: with both lowered the FX thread had the fewest long gaps in every scenario).
 */
public final class LowPriorityThreads {
    /** The nice value of these threads: a weight of 110 against the FX thread's 1,024. */
    public static final int NICE = 10;
    private static final boolean ENABLED = !"false".equals(System.getProperty("bufferdeck.lowPriority"));
    private static final boolean COMPILERS = ENABLED && !"false".equals(System.getProperty("bufferdeck.lowPriority.compilers"));
    private static final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bufferdeck-low-starter");
        t.setDaemon(true);
        return t;
    });
    private static volatile Thread starterThread;

    static {
        if (ENABLED) {
            starter.execute(() -> {
                starterThread = Thread.currentThread();
                renice(List.of(currentTid()));
            });
        }
    }

    private LowPriorityThreads() {}

    /** Daemon threads named {@code name-1}, {@code name-2}…, started at low priority. */
    public static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> daemon(r, name + "-" + n.incrementAndGet());
    }

    /** One daemon thread, not started; {@link Thread#start()} starts it at low priority. */
    public static Thread daemon(Runnable task, String name) {
        Thread t = new LowThread(task, name);
        t.setDaemon(true);
        return t;
    }

    /** {@link #lowerCompilerThreads()} on the starter thread, soon: it runs a process. */
    public static void lowerCompilerThreadsSoon() {
        if (COMPILERS) starter.execute(LowPriorityThreads::lowerCompilerThreads);
    }

    /**
     * Lowers the JIT compiler threads' priority too: once the window is up, compiling is the work
     * that most often takes a core from the FX thread. Returns how many threads it lowered.
     */
    public static int lowerCompilerThreads() {
        if (!ENABLED) return 0;
        List<String> tids = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                String comm = comm(t);
                if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) tids.add(t.getFileName().toString());
            });
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return renice(tids) ? tids.size() : 0;
    }

    /** The nice value of a thread of this process ({@code tid} as in /proc/self/task), or 0 where it cannot be read. */
    public static int niceOf(String tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The calling thread's id as the kernel knows it, or "" where there is no /proc. */
    public static String currentTid() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static boolean renice(List<String> tids) {
        if (tids.isEmpty() || tids.contains("")) return false;
        List<String> command = new ArrayList<>(List.of("renice", "-n", String.valueOf(NICE), "-p"));
        command.addAll(tids);
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** A thread whose native thread is made by the starter thread, so that it takes the starter's nice value. */
    private static final class LowThread extends Thread {
        LowThread(Runnable task, String name) {
            super(task, name);
        }

        // not synchronized: Thread.start() is, on this object, and the starter thread calls it
        @Override
        public void start() {
            if (!ENABLED || Thread.currentThread() == starterThread) {
                super.start();
                return;
            }
            var started = starter.submit(() -> super.start());
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        started.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
    }
}
