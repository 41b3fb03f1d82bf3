package dev.bufferdeck.audio.loudness;

import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.threads.ThreadPriority;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scanned loudness by the buffer's SHA-256 (the last {@code capacity} kept), and the scans still
 * running, one at a time on a daemon thread of low priority. Asking twice for the same buffer joins
 * the scan already queued; a scan nobody wants any more (every {@link Scan#release}) is cancelled.
 * A buffer without a SHA-256 yet (still loading, or live) is not scanned.
 */
public final class LoudnessLibrary implements AutoCloseable {
    private final int capacity;
    private final Map<String, Loudness> cache;
    private final Map<String, Scan> running = new HashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> ThreadPriority.lowDaemon(r, "bufferdeck-loudness"));

    public LoudnessLibrary(int capacity) {
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Loudness> eldest) {
                return size() > LoudnessLibrary.this.capacity;
            }
        };
    }

    /** The loudness already scanned for {@code buffer}'s bytes. */
    public synchronized Optional<Loudness> cached(MediaBuffer buffer) {
        if (!scannable(buffer)) return Optional.empty();
        return Optional.ofNullable(cache.get(buffer.sha256()));
    }

    public synchronized void put(String sha256, Loudness loudness) {
        cache.put(sha256, loudness);
    }

    /**
     * The scan of {@code buffer}: already done when cached, else queued (or joined). Call
     * {@link Scan#release} when the answer is no longer wanted.
     */
    public synchronized Scan scan(MediaBuffer buffer) {
        if (!scannable(buffer)) {
            Scan refused = new Scan(null);
            refused.result.completeExceptionally(new IllegalArgumentException(buffer.name() + " is still loading or live; its loudness is scanned when it is complete"));
            return refused;
        }
        String sha = buffer.sha256();
        Loudness known = cache.get(sha);
        if (known != null) {
            Scan done = new Scan(sha);
            done.progress = 1;
            done.result.complete(known);
            return done;
        }
        Scan scan = running.get(sha);
        if (scan != null) {
            scan.wanted++;
            return scan;
        }
        Scan fresh = new Scan(sha);
        running.put(sha, fresh);
        worker.execute(() -> run(buffer, fresh));
        return fresh;
    }

    private void run(MediaBuffer buffer, Scan scan) {
        try {
            Loudness l = LoudnessScanner.scan(buffer, p -> scan.progress = p, () -> scan.cancelled);
            synchronized (this) {
                cache.put(scan.sha256, l);
                running.remove(scan.sha256, scan);
            }
            scan.progress = 1;
            scan.result.complete(l);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            synchronized (this) {
                running.remove(scan.sha256, scan);
            }
            scan.result.completeExceptionally(e);
        }
    }

    private synchronized void release(Scan scan) {
        if (scan.sha256 == null || scan.result.isDone() || --scan.wanted > 0) return;
        scan.cancelled = true;
        running.remove(scan.sha256, scan);
        scan.result.completeExceptionally(new CancellationException("loudness scan no longer wanted"));
    }

    private static boolean scannable(MediaBuffer buffer) {
        return buffer != null && !buffer.isLive() && !buffer.sha256().isEmpty();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** One buffer's scan: its progress (0…1) and its result. */
    public final class Scan {
        private final String sha256;
        private final CompletableFuture<Loudness> result = new CompletableFuture<>();
        private volatile double progress;
        private volatile boolean cancelled;
        private int wanted = 1;

        private Scan(String sha256) {
            this.sha256 = sha256;
        }

        public double progress() { return progress; }

        /** Completes with the loudness, or exceptionally with why there is none (cancelled, not decodable). */
        public CompletableFuture<Loudness> result() { return result; }

        /** Says this asker no longer needs the answer; the scan stops when nobody does. */
        public void release() {
            LoudnessLibrary.this.release(this);
        }
    }
}
