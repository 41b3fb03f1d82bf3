package dev.bufferdeck.bench;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.source.Cancellation;
import dev.bufferdeck.source.LoadProgress;
import dev.bufferdeck.source.SourceLoader;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;

/**
 * HTTP load over loopback: SourceLoader vs {@code curl -s -o /dev/null} (and a plain JDK socket read)
 * on the same 512 MiB body from the same server, which runs in its own process ({@link BenchServer}).
 * Prints MiB/s per run and the ratio of medians.
 * Goal: loader / curl >= 0.9. Run with -Xmx3g (see scripts/bench-sources.sh).
 */
public final class HttpThroughputBench {
    private static final long SIZE = 512L << 20;
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        long size = args.length > 0 ? Long.parseLong(args[0]) << 20 : SIZE;
        boolean curl = curlAvailable();
        try (BenchServer server = new BenchServer()) {
            String url = server.url("/known/" + size);
            MediaRepository repository = new MediaRepository(Runtime.getRuntime().maxMemory() - (256L << 20), FormatDetector.NONE);
            try (SourceLoader loader = new SourceLoader(repository)) {
                // warm-up: JIT, connection code paths, page cache of curl's binary
                for (int i = 0; i < 3; i++) {
                    loadOnce(loader, repository, server.url("/known/" + (64L << 20)));
                    for (Sink sink : Sink.values()) socketRead(server, 64L << 20, sink);
                    if (curl) curlOnce(server.url("/known/" + (64L << 20)));
                }
                double[] ours = new double[RUNS];
                double[] theirs = new double[RUNS];
                double[] socket = new double[RUNS];
                double[] array = new double[RUNS];
                double[] floor = new double[RUNS];
                double[] oursCpu = new double[RUNS];
                double[] theirsCpu = new double[RUNS];
                double[] floorCpu = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long cpu0 = processCpu();
                    ours[i] = mibPerSecond(size, loadOnce(loader, repository, url));
                    oursCpu[i] = (processCpu() - cpu0) / 1e9;
                    socket[i] = mibPerSecond(size, socketRead(server, size, Sink.DISCARD));
                    array[i] = mibPerSecond(size, socketRead(server, size, Sink.ARRAY));
                    cpu0 = processCpu();
                    floor[i] = mibPerSecond(size, socketRead(server, size, Sink.ARRAY_AND_SHA256));
                    floorCpu[i] = (processCpu() - cpu0) / 1e9;
                    if (curl) {
                        long children0 = childrenCpu();
                        theirs[i] = mibPerSecond(size, curlOnce(url));
                        theirsCpu[i] = (childrenCpu() - children0) / 1e9;
                    }
                    System.out.printf(Locale.ROOT, "run %d: loader %.0f MiB/s | jdk socket: discarded %.0f, into one "
                                    + "array %.0f, into one array + SHA-256 %.0f MiB/s%s%n", i + 1,
                            ours[i], socket[i], array[i], floor[i],
                            curl ? String.format(Locale.ROOT, " | curl %.0f MiB/s", theirs[i]) : "");
                }
                double loaderMedian = median(ours);
                double baseline = curl ? median(theirs) : median(socket);
                System.out.printf(Locale.ROOT, "body %d MiB, median of %d runs: loader %.0f MiB/s, %s %.0f MiB/s, "
                                + "jdk socket discarded %.0f / into one array %.0f / + SHA-256 %.0f MiB/s%n",
                        size >> 20, RUNS, loaderMedian, curl ? "curl" : "(no curl)", curl ? median(theirs) : Double.NaN,
                        median(socket), median(array), median(floor));
                System.out.printf(Locale.ROOT, "SHA-256 alone over %d MiB already in memory: %.0f MiB/s%n",
                        size >> 20, shaAlone(size));
                System.out.printf(Locale.ROOT, "RATIO loader / %s = %.2f (goal >= 0.90)%n",
                        curl ? "curl -s -o /dev/null" : "plain JDK socket read", loaderMedian / baseline);
                System.out.printf(Locale.ROOT, "ratio loader / (jdk socket into one array + SHA-256) = %.2f "
                        + "(what HttpClient and the loader cost beyond keeping and hashing the bytes)%n",
                        loaderMedian / median(floor));
                // CPU seconds, which a busy machine disturbs far less than the clock: the loader's whole process
                // (GC and JIT included; the server is another process), curl's own
                double gib = size / (double) (1L << 30);
                System.out.printf(Locale.ROOT, "CPU s per GiB, median: loader %.2f (process), jdk socket into one array + SHA-256 %.2f%s%n",
                        median(oursCpu) / gib, median(floorCpu) / gib,
                        curl ? String.format(Locale.ROOT, ", curl %.2f", median(theirsCpu) / gib) : "");
                System.out.printf(Locale.ROOT, "RATIO by CPU, speed per CPU second: loader / (socket + SHA-256) = %.2f%s%n",
                        median(floorCpu) / median(oursCpu),
                        curl ? String.format(Locale.ROOT, ", loader / curl = %.2f (curl keeps and hashes nothing)",
                                median(theirsCpu) / median(oursCpu)) : "");
            }
        }
    }

    private static long loadOnce(SourceLoader loader, MediaRepository repository, String url) throws Exception {
        System.gc();
        long t0 = System.nanoTime();
        AddResult r = loader.load(url, LoadProgress.NONE, new Cancellation());
        long t = System.nanoTime() - t0;
        repository.remove(r.buffer());
        return t;
    }

    private static long curlOnce(String url) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("curl", "-s", "-o", "/dev/null", url).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException("curl failed: " + p.exitValue());
        return System.nanoTime() - t0;
    }

    /**
     * Reads the body straight off a socket, no HTTP client: into a reused 1 MiB buffer, into one
     * exact array, or into one exact array with SHA-256 on the way (what any loader that keeps and
     * hashes the bytes has to pay).
     */
    private enum Sink { DISCARD, ARRAY, ARRAY_AND_SHA256 }

    private static long socketRead(BenchServer server, long size, Sink sink) throws Exception {
        System.gc();
        long t0 = System.nanoTime();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /known/" + size + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            BenchServer.readHead(in);
            long total = 0;
            if (sink != Sink.DISCARD) {
                byte[] body = new byte[(int) size];
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (int n; total < size && (n = in.read(body, (int) total, (int) Math.min(256 * 1024, size - total))) >= 0; ) {
                    if (sink == Sink.ARRAY_AND_SHA256) sha.update(body, (int) total, n);
                    total += n;
                }
                sha.digest();
            } else {
                byte[] buf = new byte[1 << 20];
                for (int n; (n = in.read(buf)) >= 0; ) total += n;
            }
            if (total != size) throw new IllegalStateException("read " + total);
        }
        return System.nanoTime() - t0;
    }

    /** The hashing every load does, without any I/O: the ceiling for a loader that hashes inline. */
    private static double shaAlone(long size) throws Exception {
        byte[] bytes = new byte[(int) size];
        java.util.Arrays.fill(bytes, (byte) 1);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long t0 = System.nanoTime();
        for (int off = 0; off < bytes.length; off += 256 * 1024) sha.update(bytes, off, Math.min(256 * 1024, bytes.length - off));
        sha.digest();
        return mibPerSecond(size, System.nanoTime() - t0);
    }

    private static boolean curlAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, "curl").canExecute()) return true;
        }
        System.out.println("curl not found: the baseline is a plain JDK socket read");
        return false;
    }

    /** CPU time of this whole process, in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of this process's children that have ended and were waited for (Linux: /proc/self/stat), in nanoseconds. */
    private static long childrenCpu() throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state is field 3, cutime 16 and cstime 17, in clock ticks (100 per second)
        return (Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3])) * 10_000_000L;
    }

    static double mibPerSecond(long bytes, long nanos) {
        return (bytes / 1048576.0) / (nanos / 1e9);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
