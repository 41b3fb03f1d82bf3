package dev.bufferdeck.repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Byte counts for people: 1023 B, 1.5 KiB, 312.4 MiB, 4 GiB. */
public final class ByteSizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private ByteSizes() {}

    public static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        // what String.format(Locale.ROOT, "%.1f") writes, without the locale data it loads (the status bar's
        // first figure, in the window's first frame, paid ~6 ms for them)
        int scale = value == Math.rint(value) ? 0 : 1;
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString() + " " + UNITS[unit];
    }

    /**
     * A size as people write it: "4096", "512K", "64M", "1.5G" (powers of 1024; "KiB", "MB" and the
     * like are accepted too). Returns -1 for anything else.
     */
    public static long parse(String text) {
        if (text == null) return -1;
        String t = text.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (t.endsWith("IB")) t = t.substring(0, t.length() - 2);
        else if (t.endsWith("B")) t = t.substring(0, t.length() - 1);
        if (t.isEmpty()) return -1;
        int unit = "KMGT".indexOf(t.charAt(t.length() - 1)) + 1;
        String number = unit > 0 ? t.substring(0, t.length() - 1) : t;
        if (number.isEmpty() || !Character.isDigit(number.charAt(0))) return -1;
        try {
            double value = Double.parseDouble(number) * Math.pow(1024, unit);
            return value >= 0 && value < Long.MAX_VALUE && !number.endsWith(".") ? (long) value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
