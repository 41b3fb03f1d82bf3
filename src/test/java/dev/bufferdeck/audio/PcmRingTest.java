package dev.bufferdeck.audio;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class PcmRingTest {

    private static PcmChunk chunk(long frame) {
        return new PcmChunk(null, 0, frame, new byte[4], 4, null, false);
    }

    @Test
    void holdsAtMostItsCapacityAndGivesChunksBackInOrder() {
        PcmRing ring = new PcmRing(3);
        assertNull(ring.poll());
        assertTrue(ring.offer(chunk(0)));
        assertTrue(ring.offer(chunk(1)));
        assertTrue(ring.offer(chunk(2)));
        assertFalse(ring.offer(chunk(3)), "full");
        assertEquals(3, ring.size());
        assertEquals(0, ring.poll().sourceFrame());
        assertTrue(ring.offer(chunk(3)));
        for (long expected = 1; expected <= 3; expected++) assertEquals(expected, ring.poll().sourceFrame());
        assertNull(ring.poll());
        assertEquals(0, ring.size());
    }

    @Test
    void wrapsAroundManyTimes() {
        PcmRing ring = new PcmRing(3);
        for (long i = 0; i < 100; i++) {
            assertTrue(ring.offer(chunk(i)));
            if (i % 2 == 1) {
                assertEquals(i - 1, ring.poll().sourceFrame());
                assertEquals(i, ring.poll().sourceFrame());
            }
        }
    }

    @Test
    void aProducerAndAConsumerThreadPassEveryChunkInOrderParkingWhenFullOrEmpty() {
        PcmRing ring = new PcmRing(4);
        int count = 200_000;
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Thread producer = new Thread(() -> {
                for (long i = 0; i < count; i++) {
                    PcmChunk c = chunk(i);
                    while (!ring.offer(c)) ring.parkProducer(50_000_000, () -> ring.size() > ring.refillMark());
                }
            });
            producer.start();
            for (long expected = 0; expected < count; expected++) {
                PcmChunk c;
                while ((c = ring.poll()) == null) ring.awaitChunk(50_000_000);
                assertEquals(expected, c.sourceFrame());
            }
            producer.join();
            assertNull(ring.poll());
        });
    }

    @Test
    void aProducerWaitingForRoomIsWokenOnlyOnceTheRingDrainedToHalf() throws Exception {
        PcmRing ring = new PcmRing(8);
        for (long i = 0; i < 8; i++) assertTrue(ring.offer(chunk(i)));
        AtomicInteger wakes = new AtomicInteger();
        CountDownLatch parked = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            parked.countDown();
            // parks without a condition, so every unpark the consumer gives ends a wait and is counted
            while (!Thread.currentThread().isInterrupted()) {
                ring.parkProducer(10_000_000_000L, () -> true);
                if (!Thread.currentThread().isInterrupted()) wakes.incrementAndGet();
            }
        });
        producer.start();
        parked.await();
        Thread.sleep(50);
        for (int i = 0; i < 3; i++) {
            assertNotNull(ring.poll());
            Thread.sleep(30);
        }
        assertEquals(5, ring.size());
        assertEquals(0, wakes.get(), "polls above the refill mark leave the producer parked");
        assertNotNull(ring.poll());
        assertEquals(ring.refillMark(), ring.size());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (wakes.get() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(1, wakes.get(), "draining to the refill mark wakes the producer once");
        producer.interrupt();
        producer.join(5_000);
    }
}
