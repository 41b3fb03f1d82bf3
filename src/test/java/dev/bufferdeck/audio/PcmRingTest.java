package dev.bufferdeck.audio;

import org.junit.jupiter.api.Test;

import java.time.Duration;

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
                    while (!ring.offer(c)) ring.parkProducer(50_000_000, () -> ring.size() == ring.capacity());
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
}
