package dev.bufferdeck.bench;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.source.Cancellation;
import dev.bufferdeck.source.LoadProgress;
import dev.bufferdeck.source.SourceLoader;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Whether the process gives memory back after a large buffer is removed, under the JVM options it is
 * started with (run it with the launchers' options and with a GC option to compare: G1 returns memory
 * only after a concurrent cycle's remark or a full collection, and never below -Xms). Loads a body from
 * a server in its own process (BenchServer) into the repository, removes it, and prints RSS (VmRSS), the
 * committed and used heap and the collections so far: before, loaded, then 20 s and 60 s after the
 * removal, while a few MB a second of small short-lived garbage are made, as a playing window makes.
 * The bench itself asks for no collection; the repository does, as in the app (HeapGiveBack). Figures only.
 */
public final class MemoryGivenBackBench {
    private static final ArrayDeque<byte[]> recent = new ArrayDeque<>();

    public static void main(String[] args) throws Exception {
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 500) << 20;
        try (BenchServer server = new BenchServer();
             SourceLoader loader = new SourceLoader(new MediaRepository(Runtime.getRuntime().maxMemory(), FormatDetector.NONE))) {
            garbage(5_000);
            report("before");
            AddResult r = loader.load(server.url("/known/" + size), LoadProgress.NONE, new Cancellation());
            report("loaded " + (size >> 20) + " MiB");
            loader.repository().remove(r.buffer());
            r = null;
            garbage(20_000);
            report("removed, 20 s later");
            garbage(40_000);
            report("removed, 60 s later");
        }
    }

    /** About 5 MB a second in 10 kB arrays, the last 2,000 of them kept. */
    private static void garbage(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            for (int i = 0; i < 50; i++) {
                recent.add(new byte[10_000]);
                if (recent.size() > 2_000) recent.poll();
            }
            Thread.sleep(100);
        }
    }

    private static void report(String when) throws Exception {
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("\\D", "")) >> 10;
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long collections = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) collections += gc.getCollectionCount();
        System.out.printf(Locale.ROOT, "  %-22s RSS %5d MiB, heap committed %5d MiB, used %5d MiB, collections %d%n",
                when, rss, heap.getCommitted() >> 20, heap.getUsed() >> 20, collections);
    }
}
