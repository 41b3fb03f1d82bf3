package dev.bufferdeck.repository;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteSizesTest {
    @Test
    void writesSizesInTheLargestUnitWithOneDecimalWhereNeeded() {
        assertEquals("0 B", ByteSizes.human(0));
        assertEquals("1023 B", ByteSizes.human(1023));
        assertEquals("1 KiB", ByteSizes.human(1024));
        assertEquals("1.5 KiB", ByteSizes.human(1536));
        assertEquals("312.4 MiB", ByteSizes.human(327_574_323));
        assertEquals("4 GiB", ByteSizes.human(4L << 30));
        assertEquals("1024 TiB", ByteSizes.human(1L << 50));
    }

    /** The figures String.format(Locale.ROOT, "%.1f") wrote before: the same rounding, halves up included. */
    @Test
    void roundsAsStringFormatDid() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 200_000; i++) {
            long bytes = i < 100_000 ? random.nextLong(1, 1L << 42) : random.nextLong(1024, 1L << 21);
            assertEquals(formatted(bytes), ByteSizes.human(bytes), "bytes " + bytes);
        }
        for (long tenths = 10; tenths < 10_240; tenths++) {
            long halfway = Math.round((tenths + 0.5) / 10 * 1024);
            for (long bytes = halfway - 2; bytes <= halfway + 2; bytes++) assertEquals(formatted(bytes), ByteSizes.human(bytes), "bytes " + bytes);
        }
    }

    private static String formatted(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.1f", value) + " " + units[unit];
    }
}
