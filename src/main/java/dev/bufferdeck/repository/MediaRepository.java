package dev.bufferdeck.repository;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All buffers the user has loaded, under a memory budget that is never exceeded: every byte held or
 * being loaded is counted, and a load must reserve its bytes before it reads them. Thread-safe.
 *
 * <p>When a reservation does not fit, buffers that can be loaded again are let go first, least
 * recently used first, until it fits: files always, URLs only when {@link #setLetGoOfUrls} allows
 * it (they cost a new download). Dropped or pasted bytes, built-in resources, live windows and
 * loads in progress have nothing to reload from and are never let go; nor is a buffer that is
 * {@linkplain MediaBuffer#use() in use} or {@linkplain #pin pinned}. A buffer let go stays listed as
 * a reference; loading its origin again fills it (the digest must match).
 */
public final class MediaRepository {
    /** The largest array the JVM will allocate. */
    public static final int MAX_BUFFER_SIZE = Integer.MAX_VALUE - 8;

    private final FormatDetector detector;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, MediaBuffer> byId = new LinkedHashMap<>();
    private final Map<String, MediaBuffer> bySha = new LinkedHashMap<>();
    private final Map<Long, BufferWriter> loading = new LinkedHashMap<>();
    private final List<RepositoryListener> listeners = new CopyOnWriteArrayList<>();
    private long budget;
    private long held;
    private long reserved;
    private volatile boolean letGoOfUrls;

    public MediaRepository(long budget, FormatDetector detector) {
        if (budget < 0) throw new IllegalArgumentException("budget must be >= 0");
        this.budget = budget;
        this.detector = detector;
    }

    public MediaRepository(FormatDetector detector) {
        this(defaultBudget(), detector);
    }

    /**
     * Bytes read for a look at a source that is not loaded (its first bytes, say), as a buffer of
     * their own that parsers can read: listed in no repository and counted in no budget, so hold it
     * only while parsing.
     */
    public static MediaBuffer unlisted(byte[] bytes, String name, Origin origin, FormatDetector detector) {
        FormatDetector.Detection detection;
        try {
            detection = detector.detect(ByteSource.of(bytes), "");
        } catch (RuntimeException e) {
            detection = FormatDetector.Detection.UNKNOWN;
        }
        return new MediaBuffer(0, name, origin, GrowingBytes.whole(bytes), "", Instant.now(), "",
                detection == null ? FormatDetector.Detection.UNKNOWN : detection);
    }

    /**
     * System property: KiB in each small piece (a power of two, default 256), which a body of a few
     * MiB of known length is held in. Small pieces let tests cross piece boundaries.
     */
    public static final String PIECE_PROPERTY = "bufferdeck.piece.kib";

    /** System property that sets the default budget ("512M", "2G"). */
    public static final String BUDGET_PROPERTY = "bufferdeck.budget";

    /** {@value #BUDGET_PROPERTY} when set to a size, else half of the JVM's maximum heap. */
    public static long defaultBudget() {
        long set = ByteSizes.parse(System.getProperty(BUDGET_PROPERTY));
        return set >= 0 ? set : Runtime.getRuntime().maxMemory() / 2;
    }

    public void addListener(RepositoryListener listener) { listeners.add(listener); }
    public void removeListener(RepositoryListener listener) { listeners.remove(listener); }

    public synchronized MemoryFigures figures() {
        int references = 0;
        long referenceBytes = 0;
        for (MediaBuffer b : byId.values()) {
            if (!b.isResident()) {
                references++;
                referenceBytes += b.sourceSize();
            }
        }
        return new MemoryFigures(held, reserved, budget, byId.size(), references, referenceBytes);
    }

    /** Whether buffers loaded from URLs may be let go to make room (loading them again downloads them again). */
    public void setLetGoOfUrls(boolean allowed) { letGoOfUrls = allowed; }

    public boolean letsGoOfUrls() { return letGoOfUrls; }

    /** Pins a buffer (never let go) or unpins it. Pinning a reference takes effect once it is loaded again. */
    public void pin(MediaBuffer buffer, boolean pinned) {
        if (buffer.isPinned() == pinned) return;
        buffer.pinned(pinned);
        for (RepositoryListener l : listeners) l.changed(buffer);
    }

    /** Marks the buffer as just used (the user looked at it), so it is let go after the others. */
    public void touch(MediaBuffer buffer) {
        buffer.touch();
    }

    /** True when the buffer's bytes could be let go now to make room. */
    public boolean canLetGo(MediaBuffer buffer) {
        if (!buffer.isResident() || !buffer.isComplete() || buffer.isLive() || buffer.isPinned() || buffer.isInUse()) {
            return false;
        }
        Origin origin = buffer.origin();
        return origin instanceof Origin.File || (origin instanceof Origin.Url && letGoOfUrls);
    }

    /** Lets go of the buffer's bytes now, if it can be let go; it stays listed as a reference. */
    public boolean letGo(MediaBuffer buffer) {
        boolean done;
        long freed;
        synchronized (this) {
            long before = held;
            done = byId.get(buffer.id()) == buffer && canLetGo(buffer) && release(buffer);
            freed = before - held;
        }
        if (done) {
            for (RepositoryListener l : listeners) l.evicted(buffer);
            fireMemory();
            HeapGiveBack.afterRemoving(freed);
        }
        return done;
    }

    /** Caller holds the lock. */
    private boolean release(MediaBuffer buffer) {
        long freed = buffer.letGo();
        if (freed < 0) return false;
        held -= freed;
        return true;
    }

    /** How long a reservation waits for buffers in use to be let go by their users before it is refused. */
    private static final long RELEASE_PATIENCE_NANOS = 1_000_000_000L;

    /** Bytes of buffers that could be let go but for their use. Caller holds the lock. */
    private long inUseButReloadable() {
        long sum = 0;
        for (MediaBuffer b : byId.values()) {
            if (b.isInUse() && b.isResident() && b.isComplete() && !b.isLive() && !b.isPinned()
                    && (b.origin() instanceof Origin.File || (b.origin() instanceof Origin.Url && letGoOfUrls))) {
                sum += b.store().held();
            }
        }
        return sum;
    }

    /**
     * Lets go of the least recently used buffers that can be reloaded until {@code bytes} are free
     * or nothing more can go. Caller holds the lock; the buffers let go are added to {@code gone}.
     */
    private void makeRoom(long bytes, List<MediaBuffer> gone) {
        while (bytes > budget - held - reserved) {
            MediaBuffer oldest = null;
            for (MediaBuffer b : byId.values()) {
                if (canLetGo(b) && (oldest == null || b.lastUsed() - oldest.lastUsed() < 0)) oldest = b;
            }
            if (oldest == null) return;
            if (release(oldest)) gone.add(oldest);
        }
    }

    public synchronized long budget() { return budget; }
    public synchronized long bytesHeld() { return held; }
    public synchronized int count() { return byId.size(); }
    public synchronized long available() { return Math.max(0, budget - held - reserved); }

    /**
     * Sets aside {@code bytes} of the budget for a load; refused before any byte is read when they
     * are not free. Use {@code reserve(0)} for a load of unknown size and grow it as bytes arrive.
     */
    public Reservation reserve(long bytes) throws BudgetExceededException {
        if (bytes < 0) throw new IllegalArgumentException("bytes must be >= 0");
        take(bytes);
        return new Reservation(this, bytes);
    }

    void take(long bytes) throws BudgetExceededException {
        List<MediaBuffer> gone = new ArrayList<>();
        long deadline = System.nanoTime() + RELEASE_PATIENCE_NANOS;
        try {
            synchronized (this) {
                while (true) {
                    makeRoom(bytes, gone);
                    long free = budget - held - reserved;
                    if (bytes <= free) break;
                    // a track that just ended lets go of its buffer a moment after the next one is heard
                    if (bytes > free + inUseButReloadable() || System.nanoTime() - deadline > 0) {
                        throw new BudgetExceededException(bytes, Math.max(0, free), budget);
                    }
                    try {
                        wait(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new BudgetExceededException(bytes, Math.max(0, free), budget);
                    }
                }
                reserved += bytes;
            }
        } finally {
            for (MediaBuffer b : gone) for (RepositoryListener l : listeners) l.evicted(b);
        }
        fireMemory();
    }

    void giveBack(long bytes) {
        synchronized (this) { reserved -= bytes; }
        fireMemory();
    }

    /**
     * Adds loaded bytes, which must be covered by {@code reservation} (it is closed either way).
     * When a buffer with the same SHA-256 is already held, that one is returned and the new bytes
     * are dropped.
     *
     * @param sha256 the lower-case hex digest if the loader computed it while reading, else null
     */
    public AddResult add(Reservation reservation, byte[] bytes, String sha256, String name,
                         Origin origin, String declaredType) {
        try (reservation) {
            if (reservation.bytes() < bytes.length) {
                throw new IllegalArgumentException("reservation of " + reservation.bytes()
                        + " bytes does not cover " + bytes.length + " bytes");
            }
            String digest = sha256 != null ? sha256 : sha256(bytes);
            MediaBuffer existing;
            synchronized (this) { existing = bySha.get(digest); }
            if (existing != null) {
                if (!existing.isResident() && refill(existing, reservation, GrowingBytes.whole(bytes))) {
                    fireMemory();
                }
                return new AddResult(existing, true);
            }

            FormatDetector.Detection detection = detect(ByteSource.of(bytes), declaredType);
            MediaBuffer buffer = new MediaBuffer(nextId.getAndIncrement(), name, origin, GrowingBytes.whole(bytes), digest,
                    Instant.now(), declaredType, detection);
            long handed = reservation.handOver();
            synchronized (this) {
                reserved -= handed;
                existing = bySha.get(digest);
                if (existing == null) {
                    held += bytes.length;
                    byId.put(buffer.id(), buffer);
                    bySha.put(digest, buffer);
                }
            }
            if (existing != null) {
                fireMemory();
                return new AddResult(existing, true);
            }
            for (RepositoryListener l : listeners) l.added(buffer);
            fireMemory();
            return new AddResult(buffer, false);
        }
    }

    /** Adds bytes already in memory (a drop payload, a built-in resource), reserving them first. */
    public AddResult add(byte[] bytes, String name, Origin origin, String declaredType)
            throws BudgetExceededException {
        return add(reserve(bytes.length), bytes, null, name, origin, declaredType);
    }

    /**
     * Starts a load whose bytes will arrive over time: a buffer of {@code expectedLength} bytes
     * (reserved now, refused before any byte is read when they are not free), or of unknown length
     * ({@code -1}: it reserves as it grows). Nothing is listed until the writer publishes or completes.
     */
    public BufferWriter startLoad(String name, Origin origin, String declaredType, long expectedLength)
            throws BudgetExceededException {
        if (expectedLength > MAX_BUFFER_SIZE) throw new IllegalArgumentException("above the largest array");
        Reservation reservation = reserve(Math.max(0, expectedLength));
        GrowingBytes store;
        try {
            store = GrowingBytes.empty(expectedLength);
        } catch (OutOfMemoryError e) {
            reservation.close();
            throw e;
        }
        return new BufferWriter(this, pending(name, origin, declaredType, store), reservation,
                expectedLength >= 0);
    }

    /**
     * Starts a live buffer: the most recent {@code window} bytes of an endless stream, reserved now.
     */
    public BufferWriter startLive(String name, Origin origin, String declaredType, int window)
            throws BudgetExceededException {
        Reservation reservation = reserve(window);
        return new BufferWriter(this, pending(name, origin, declaredType, new LiveWindow(window)), reservation, true);
    }

    private MediaBuffer pending(String name, Origin origin, String declaredType, ByteStore store) {
        return new MediaBuffer(nextId.getAndIncrement(), name, origin, store, "", Instant.now(), declaredType,
                FormatDetector.Detection.UNKNOWN);
    }

    void publish(BufferWriter writer) {
        MediaBuffer buffer = writer.buffer();
        buffer.detected(detect(buffer.bytes(), buffer.declaredType()));
        synchronized (this) {
            byId.put(buffer.id(), buffer);
            loading.put(buffer.id(), writer);
        }
        for (RepositoryListener l : listeners) l.added(buffer);
        fireMemory();
    }

    AddResult completed(BufferWriter writer, String digest) {
        MediaBuffer buffer = writer.buffer();
        Reservation reservation = writer.reservation();
        FormatDetector.Detection detection = detect(buffer.bytes(), buffer.declaredType());
        boolean wasListed;
        MediaBuffer existing;
        synchronized (this) {
            wasListed = loading.remove(buffer.id()) != null;
            existing = bySha.get(digest);
        }
        if (existing != null) {
            boolean refilled = !existing.isResident() && refill(existing, reservation, buffer.store());
            if (!refilled) reservation.close();
            if (wasListed) {
                synchronized (this) { byId.remove(buffer.id()); }
                for (RepositoryListener l : listeners) l.removed(buffer);
            }
            fireMemory();
            return new AddResult(existing, true);
        }
        buffer.completed(digest, detection);
        long handed = reservation.handOver();
        synchronized (this) {
            reserved -= handed;
            held += handed;
            byId.put(buffer.id(), buffer);
            bySha.put(digest, buffer);
        }
        for (RepositoryListener l : listeners) {
            if (wasListed) l.changed(buffer);
            else l.added(buffer);
        }
        fireMemory();
        return new AddResult(buffer, false);
    }

    /**
     * A reference gets its bytes back from a load with the same digest: the load's reservation
     * becomes bytes held. False when it was filled meanwhile (the caller closes the reservation).
     */
    private boolean refill(MediaBuffer reference, Reservation reservation, ByteStore bytes) {
        synchronized (this) {
            if (reference.isResident() || byId.get(reference.id()) != reference) return false;
            long handed = reservation.handOver();
            reserved -= handed;
            held += bytes.held();
            reference.refill(bytes);
        }
        for (RepositoryListener l : listeners) l.changed(reference);
        return true;
    }

    void failed(BufferWriter writer) {
        MediaBuffer buffer = writer.buffer();
        writer.reservation().close();
        boolean wasListed;
        synchronized (this) {
            wasListed = loading.remove(buffer.id()) != null;
            if (wasListed) byId.remove(buffer.id());
        }
        if (wasListed) for (RepositoryListener l : listeners) l.removed(buffer);
        fireMemory();
    }

    void changed(MediaBuffer buffer) {
        for (RepositoryListener l : listeners) l.changed(buffer);
    }

    /**
     * "Record": keeps what a live buffer's window holds now as an ordinary buffer: its media bytes
     * (metadata blocks left out), reserved before they are copied, named after the stream.
     */
    public AddResult record(MediaBuffer live) throws BudgetExceededException, IOException {
        if (!live.isLive()) throw new IllegalArgumentException(live.name() + " is not a live stream");
        int size = live.size();
        Reservation reservation = reserve(size);
        byte[] media;
        try (InputStream in = live.openStream(0, size)) {
            media = in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            reservation.close();
            throw e;
        }
        String stamp = LocalTime.now().withNano(0).toString();
        return add(reservation, media, null, live.name() + " (recorded " + stamp + ")", live.origin(),
                live.declaredType());
    }

    /** Buffers listed while their bytes are still arriving (or live). */
    public synchronized List<MediaBuffer> loadingBuffers() {
        List<MediaBuffer> out = new ArrayList<>();
        for (BufferWriter w : loading.values()) out.add(w.buffer());
        return out;
    }

    private FormatDetector.Detection detect(ByteSource bytes, String declaredType) {
        try {
            FormatDetector.Detection d = detector.detect(bytes, declaredType == null ? "" : declaredType);
            return d == null ? FormatDetector.Detection.UNKNOWN : d;
        } catch (RuntimeException e) {
            return new FormatDetector.Detection(MediaFormat.UNKNOWN, false, "format detection failed: " + e);
        }
    }

    /** Drops the buffer; its bytes no longer count against the budget. A load still running is stopped. */
    public boolean remove(MediaBuffer buffer) {
        BufferWriter writer;
        synchronized (this) {
            writer = loading.get(buffer.id());
        }
        if (writer != null) {
            writer.removedFromRepository();
            writer.fail("removed from the library");
            return true;
        }
        long freed;
        synchronized (this) {
            if (byId.remove(buffer.id()) == null) return false;
            bySha.remove(buffer.sha256());
            freed = buffer.store().held();
            held -= freed;
        }
        for (RepositoryListener l : listeners) l.removed(buffer);
        fireMemory();
        HeapGiveBack.afterRemoving(freed);
        return true;
    }

    public synchronized Optional<MediaBuffer> findById(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized Optional<MediaBuffer> findBySha256(String sha256) {
        return Optional.ofNullable(bySha.get(sha256.toLowerCase(Locale.ROOT)));
    }

    /** The buffers in the order they were added. */
    public synchronized List<MediaBuffer> buffers() {
        return List.copyOf(new ArrayList<>(byId.values()));
    }

    private void fireMemory() {
        MemoryFigures f = figures();
        for (RepositoryListener l : listeners) l.memoryChanged(f);
    }

    public static String sha256(byte[] bytes) {
        MessageDigest md = newSha256();
        md.update(bytes);
        return HexFormat.of().formatHex(md.digest());
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
