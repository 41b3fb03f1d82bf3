package dev.bufferdeck.audio;

import dev.bufferdeck.threads.ThreadPriority;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The daemon threads playback runs on (output loops, decoder workers), kept a while after their task
 * ends so the next play hands its work to a thread that already exists: on a 2-core machine a new
 * thread took 1–3 ms to run its first line, a third of the 5 ms budget from Play to sound.
 *
 * <p>A task runs under the name and priority it is given, so a thread dump and the tests that look
 * for a running audio thread see what runs; an idle thread is named {@link #IDLE_NAME}. An interrupt
 * aimed at a task that already ended is cleared before the thread takes the next one. The threads run
 * at the normal priority even when low-priority work (a waveform, a loudness scan) is the first to
 * open a decoder and make one.
 */
public final class WarmThreads {
    public static final String IDLE_NAME = "bufferdeck-warm-idle";
    private static final long KEEP_SECONDS = 60;
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, KEEP_SECONDS,
            TimeUnit.SECONDS, new SynchronousQueue<>(), r -> ThreadPriority.normalDaemon(r, IDLE_NAME));

    private WarmThreads() {}

    /** Runs {@code task} on an idle thread, or a new one when none is idle, named {@code name} while it runs. */
    public static void run(String name, int priority, Runnable task) {
        POOL.execute(() -> {
            Thread t = Thread.currentThread();
            t.setName(name);
            t.setPriority(priority);
            try {
                task.run();
            } finally {
                t.setName(IDLE_NAME);
                t.setPriority(Thread.NORM_PRIORITY);
                Thread.interrupted();
            }
        });
    }
}
