package dev.bufferdeck.source;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoadProgressTest {

    @Test
    void throttledProgressPassesFirstAndLastCallsOnly() {
        List<Long> seen = new ArrayList<>();
        LoadProgress p = LoadProgress.atMostEvery(Duration.ofHours(1), (read, total) -> seen.add(read));
        for (long r = 0; r <= 1000; r += 10) p.progress(r, 1000);
        assertEquals(List.of(0L, 1000L), seen);
    }

    @Test
    void throttledProgressWithoutIntervalPassesEverything() {
        List<Long> seen = new ArrayList<>();
        LoadProgress p = LoadProgress.atMostEvery(Duration.ZERO, (read, total) -> seen.add(read));
        for (long r = 1; r <= 5; r++) p.progress(r, -1);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seen);
    }
}
