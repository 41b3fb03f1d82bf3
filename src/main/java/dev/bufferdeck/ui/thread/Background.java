package dev.bufferdeck.ui.thread;

import dev.bufferdeck.threads.ThreadPriority;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The small pools that load, parse and hash off the FX thread, at low priority ({@link ThreadPriority}). */
public final class Background {
    private Background() {}

    public static ExecutorService newPool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, ThreadPriority.lowDaemons(name));
    }

    /**
     * For playback's own work, at the normal priority: JavaFX Media's player is made on such a thread,
     * and the threads it starts (GStreamer's) take its priority.
     */
    public static ExecutorService newNormalPool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, r -> ThreadPriority.normalDaemon(r, name));
    }

    /** A thread for each task that finds none idle: for work that may last (downloads, radio streams). */
    public static ExecutorService newGrowingPool(String name) {
        return Executors.newCachedThreadPool(ThreadPriority.lowDaemons(name));
    }
}
