package dev.bufferdeck.threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads at two priorities. Work that can wait (loading, hashing, analysis, building ahead, and the
 * JIT compilers once the window is up) runs {@value #LOWER_BY} nice levels below the app (nice 10 for an
 * app started as usual, at most 19): on a busy machine it leaves
 * the cores to the FX thread, its renderer and pulse timer, and the audio threads. On a 2-core machine
 * a load, the compilers and another program had kept the FX thread waiting for a core for 10–60 ms
 * at a time.
 *
 * <p>Java's thread priorities change nothing on Linux (without root the JVM ignores them), so the
 * nice value is used instead. A Linux thread takes the nice value of the thread that starts it, and
 * without privileges a thread's priority can be lowered but never raised again. So two starter
 * threads, made before any low-priority thread exists, start every thread made here: one lowers its
 * own priority with {@code renice(1)}, the other keeps the normal priority, so that a thread that must
 * not wait (audio, clocks) is normal even when low-priority work is the first to need it.
 *
 * <p>The lowering runs one process, so it waits until the window is up ({@link #lowerSoon()}), or
 * 5 s after the first low-priority thread starts where nothing asks for it (the command line): the
 * low-priority threads started before it are lowered with it, together with the compilers. Where
 * renice cannot be run (no /proc, no renice) every thread runs at the normal priority, as before.
 * {@code -Dbufferdeck.lowPriority=false} turns it off, and {@code -Dbufferdeck.lowPriority.compilers=false}
 * leaves the compilers at the normal priority (for comparisons: with both lowered the FX thread had
 * the fewest long gaps in every scenario).
 */
public final class ThreadPriority {
    /** How much lower than the app's own the low priority is: a weight of 110 against 1,024. */
    public static final int LOWER_BY = 10;
    /** The nice value the app was started at: the threads at the normal priority keep it. */
    public static final int NORMAL_NICE = niceOf(currentTid());
    /** The nice value of the low-priority threads (never above 19, the lowest priority). */
    public static final int LOW_NICE = Math.min(19, NORMAL_NICE + LOWER_BY);
    private static final long LOWER_AFTER_SECONDS = 5;
    private static final boolean ENABLED = !"false".equals(System.getProperty("bufferdeck.lowPriority"));
    private static final boolean COMPILERS = ENABLED && !"false".equals(System.getProperty("bufferdeck.lowPriority.compilers"));
    private static final Starter NORMAL = ENABLED ? new Starter("bufferdeck-normal-starter") : null;
    private static final Starter LOW = ENABLED ? new Starter("bufferdeck-low-starter") : null;
    /** Low-priority threads running that started before the lowering (their kernel thread ids). */
    private static final Set<String> startedBeforeLowering = ConcurrentHashMap.newKeySet();
    /** Written only on the low starter thread. */
    private static volatile boolean lowered;
    private static final AtomicBoolean lowerLaterAsked = new AtomicBoolean();

    private ThreadPriority() {}

    /** Daemon threads named {@code name-1}, {@code name-2}…, that run at low priority. */
    public static ThreadFactory lowDaemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> lowDaemon(r, name + "-" + n.incrementAndGet());
    }

    /** One daemon thread, not started, that runs at low priority once started. */
    public static Thread lowDaemon(Runnable task, String name) {
        return daemon(task, name, LOW);
    }

    /** One daemon thread, not started, that runs at the normal priority whichever thread starts it. */
    public static Thread normalDaemon(Runnable task, String name) {
        return daemon(task, name, NORMAL);
    }

    /** Lowers the low-priority threads (and the compilers) soon, on another thread: the window is up. */
    public static void lowerSoon() {
        if (ENABLED) LOW.run(ThreadPriority::lower);
    }

    /** Lowers now, and returns how many threads were lowered (0 when they already were, or where it cannot be done). */
    static int lowerNow() throws Exception {
        return ENABLED ? LOW.call(ThreadPriority::lower) : 0;
    }

    /** On the low starter thread: renices it, the low-priority threads it started and the compilers, once. */
    private static int lower() {
        if (lowered) return 0;
        lowered = true;
        List<String> tids = new ArrayList<>();
        tids.add(currentTid());
        tids.addAll(startedBeforeLowering);
        if (COMPILERS) tids.addAll(compilerThreads());
        return renice(tids) ? tids.size() : 0;
    }

    private static List<String> compilerThreads() {
        List<String> tids = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                String comm = comm(t);
                if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) tids.add(t.getFileName().toString());
            });
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return tids;
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

    private static Thread daemon(Runnable task, String name, Starter starter) {
        Thread t = new StartedBy(task, name, starter);
        t.setDaemon(true);
        return t;
    }

    private static boolean renice(List<String> tids) {
        if (tids.isEmpty() || tids.contains("")) return false;
        // a thread that has just ended makes renice exit 1 after lowering the others
        List<String> command = new ArrayList<>(List.of("renice", "-n", String.valueOf(LOW_NICE), "-p"));
        command.addAll(tids);
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS);
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

    /** A thread made now, by the thread that makes this, that starts the threads handed to it. */
    private static final class Starter {
        private final ScheduledThreadPoolExecutor executor;
        private volatile Thread thread;

        Starter(String name) {
            executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            executor.prestartCoreThread();
            executor.execute(() -> thread = Thread.currentThread());
        }

        Future<?> run(Runnable task) {
            return executor.submit(task);
        }

        void execute(Runnable task) {
            executor.execute(task);
        }

        <T> T call(java.util.concurrent.Callable<T> task) throws Exception {
            return executor.submit(task).get();
        }

        void runLater(Runnable task, long seconds) {
            executor.schedule(task, seconds, TimeUnit.SECONDS);
        }

        boolean isCurrent() {
            return Thread.currentThread() == thread;
        }
    }

    /** A thread whose native thread is made by a starter thread, so that it takes the starter's nice value. */
    private static final class StartedBy extends Thread {
        private final Starter starter;
        /** Counted down once a low-priority thread started before the lowering has said who it is. */
        private final CountDownLatch known = new CountDownLatch(1);
        private volatile boolean registers;
        private final AtomicBoolean startAsked = new AtomicBoolean();

        StartedBy(Runnable task, String name, Starter starter) {
            super(task, name);
            this.starter = starter;
        }

        @Override
        public void run() {
            String tid = null;
            if (registers) {
                tid = currentTid();
                startedBeforeLowering.add(tid);
                known.countDown();
            }
            try {
                super.run();
            } finally {
                if (tid != null) startedBeforeLowering.remove(tid);
            }
        }

        /**
         * A low-priority thread is started by the low starter later, and this returns at once: waiting
         * for a starter of low priority would hold the caller (the FX thread submitting a first load)
         * behind busy threads of normal priority, up to 41 ms on a saturated machine. A normal-priority
         * thread is started before this returns (its starter waits for no one). Either way a second
         * start is refused at once, as for any thread.
         */
        // not synchronized: Thread.start() is, on this object, and the starter thread calls it
        @Override
        public void start() {
            if (starter == null) {
                super.start();
                return;
            }
            if (!startAsked.compareAndSet(false, true)) throw new IllegalThreadStateException("started already: " + getName());
            if (starter.isCurrent()) {
                startHere();
            } else if (starter == LOW) {
                starter.execute(this::startHere);
            } else {
                awaitStarted(starter.run(this::startHere));
            }
        }

        private static void awaitStarted(Future<?> started) {
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

        /** On the starter thread: a low-priority thread started before the lowering is known to it before this returns. */
        private void startHere() {
            registers = starter == LOW && !lowered;
            super.start();
            if (!registers) return;
            if (lowerLaterAsked.compareAndSet(false, true)) LOW.runLater(ThreadPriority::lower, LOWER_AFTER_SECONDS);
            boolean interrupted = false;
            while (true) {
                try {
                    known.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
