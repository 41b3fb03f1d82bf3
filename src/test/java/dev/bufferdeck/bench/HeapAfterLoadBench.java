package dev.bufferdeck.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.source.Cancellation;
import dev.bufferdeck.source.LoadProgress;
import dev.bufferdeck.source.SourceLoader;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap held after loading a 512 MiB body, and the peak while loading, both divided by 512 MiB and
 * measured from a heap settled by GC before the load (the server runs in its own process, so its
 * buffers are not in this heap). Peak = the highest of a 1 ms poll of heap use
 * and the heap use GC notifications report just before each collection. Goals: held <= 1.05, peak
 * <= 1.1 (Content-Length known). The chunked case is printed too: its assembly holds chunks and the
 * final array at once, so about 2.0 is expected there.
 */
public final class HeapAfterLoadBench {

    public static void main(String[] args) throws Exception {
        long size = args.length > 0 ? Long.parseLong(args[0]) << 20 : 512L << 20;
        try (BenchServer server = new BenchServer()) {
            MediaRepository repository = new MediaRepository(Runtime.getRuntime().maxMemory(), FormatDetector.NONE);
            try (SourceLoader loader = new SourceLoader(repository)) {
                // warm-up on a small body so class loading and JIT do not count
                measure(loader, repository, server.url("/known/" + (8L << 20)), 8L << 20, false);
                measure(loader, repository, server.url("/chunked/" + (8L << 20)), 8L << 20, false);
                measure(loader, repository, server.url("/known/" + size), size, true);
                measure(loader, repository, server.url("/chunked/" + size), size, true);
            }
        }
    }

    private static void measure(SourceLoader loader, MediaRepository repository, String url, long size, boolean print)
            throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = settledHeap(memory);
        AtomicLong peak = new AtomicLong(baseline);
        NotificationListener beforeGc = (Notification n, Object handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long used = 0;
            for (MemoryUsage u : info.getGcInfo().getMemoryUsageBeforeGc().values()) used += u.getUsed();
            peak.accumulateAndGet(used, Math::max);
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(beforeGc, null, null);
        }
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-poller");
        poller.setDaemon(true);
        poller.start();

        AddResult r = loader.load(url, LoadProgress.NONE, new Cancellation());

        poller.interrupt();
        poller.join();
        long held = settledHeap(memory);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).removeNotificationListener(beforeGc);
        }
        if (print) {
            boolean chunked = url.contains("/chunked/");
            System.out.printf(Locale.ROOT, "%s body of %d MiB: heap held after load / body = %.3f (goal <= 1.05), "
                            + "peak during load / body = %.3f (goal <= 1.1%s)%n",
                    chunked ? "chunked" : "Content-Length", size >> 20,
                    (held - baseline) / (double) size, (peak.get() - baseline) / (double) size,
                    chunked ? "; chunked assembly is expected near 2" : "");
        }
        if (r.buffer().size() != size) throw new IllegalStateException("loaded " + r.buffer().size());
        repository.remove(r.buffer());
    }

    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
