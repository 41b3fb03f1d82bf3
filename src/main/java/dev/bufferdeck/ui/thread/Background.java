package dev.bufferdeck.ui.thread;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The small pool that loads, parses and hashes off the FX thread. */
public final class Background {
    private Background() {}

    public static ExecutorService newPool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, daemons(name));
    }

    /** A thread for each task that finds none idle: for work that may last (downloads, radio streams). */
    public static ExecutorService newGrowingPool(String name) {
        return Executors.newCachedThreadPool(daemons(name));
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
