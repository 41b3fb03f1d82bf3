package dev.bufferdeck.ui.library;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Durations read as players show them (built by hand, since the seek bar asks every frame). */
class TimeTextTest {
    @Test
    void minutesAndSecondsThenHours() {
        assertEquals("0:00", TimeText.of(0));
        assertEquals("0:07", TimeText.of(7_999));
        assertEquals("4:12", TimeText.of(252_000));
        assertEquals("10:00", TimeText.of(600_000));
        assertEquals("59:59", TimeText.of(3_599_000));
        assertEquals("1:00:00", TimeText.of(3_600_000));
        assertEquals("1:02:03", TimeText.of(3_723_000));
        assertEquals("12:34:56", TimeText.of(((12 * 60 + 34) * 60 + 56) * 1000L));
        assertEquals("--:--", TimeText.of(-1));
    }
}
