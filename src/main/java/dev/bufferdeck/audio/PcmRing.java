package dev.bufferdeck.audio;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded ring of PCM chunks between exactly one producer thread (a track's decoder) and one
 * consumer thread (the output thread). Neither side takes a lock: the producer publishes a chunk by
 * advancing {@code tail}, the consumer frees a slot by advancing {@code head}. A side that finds the
 * ring full (producer) or empty (consumer) may park. The producer unparks the consumer after every
 * chunk; the consumer unparks the producer only once the ring has drained to its
 * {@linkplain #refillMark() refill mark}, so a decoder refills half the ring in one go rather than
 * waking for every chunk played (about 20 times a second).
 */
final class PcmRing {
    private final PcmChunk[] slots;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    private volatile Thread waitingProducer;
    private volatile Thread waitingConsumer;

    PcmRing(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity " + capacity);
        slots = new PcmChunk[capacity];
    }

    int capacity() { return slots.length; }

    /** A producer waiting for room wants the ring to hold at most this many chunks: it is woken then. */
    int refillMark() { return slots.length / 2; }

    /** Chunks waiting for the consumer. */
    int size() { return (int) (tail.get() - head.get()); }

    /** Producer: adds {@code chunk} unless the ring is full. */
    boolean offer(PcmChunk chunk) {
        long t = tail.get();
        if (t - head.get() == slots.length) return false;
        slots[(int) (t % slots.length)] = chunk;
        tail.set(t + 1);
        LockSupport.unpark(waitingConsumer);
        return true;
    }

    /** Consumer: the oldest chunk, or null when the ring is empty. */
    PcmChunk poll() {
        long h = head.get();
        if (h == tail.get()) return null;
        int i = (int) (h % slots.length);
        PcmChunk c = slots[i];
        slots[i] = null;
        head.set(h + 1);
        if (tail.get() - (h + 1) <= refillMark()) LockSupport.unpark(waitingProducer);
        return c;
    }

    /** Consumer: parks until the producer adds a chunk, {@link #wakeConsumer} is called, or the time is up. */
    void awaitChunk(long maxNanos) {
        waitingConsumer = Thread.currentThread();
        if (size() == 0) LockSupport.parkNanos(this, maxNanos);
        waitingConsumer = null;
    }

    /**
     * Producer: parks while {@code idle} holds, until {@link #wakeProducer} is called, the consumer
     * drains the ring to the {@linkplain #refillMark() refill mark} or the time is up (nothing to decode
     * meanwhile). {@code idle} is checked after the producer made itself wakeable, so a wake-up given
     * just before is not lost.
     */
    void parkProducer(long maxNanos, BooleanSupplier idle) {
        waitingProducer = Thread.currentThread();
        if (idle.getAsBoolean()) LockSupport.parkNanos(this, maxNanos);
        waitingProducer = null;
    }

    /** Any thread: ends a producer's wait early (a seek or a close it must see). */
    void wakeProducer() { LockSupport.unpark(waitingProducer); }

    /** Any thread: ends a consumer's wait early. */
    void wakeConsumer() { LockSupport.unpark(waitingConsumer); }
}
