package dev.bufferdeck.ui.hex;

import java.util.Locale;
import java.util.OptionalLong;

/** Offsets typed by people: {@code 4096}, {@code 4,096}, {@code 0x1000}, {@code 1000h}. */
public final class Offsets {
    private Offsets() {}

    public static OptionalLong parse(String text) {
        if (text == null) return OptionalLong.empty();
        String s = text.strip().replace(",", "").replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("0x")) return nonNegative(Long.parseLong(s.substring(2), 16));
            if (s.endsWith("h") && s.length() > 1) return nonNegative(Long.parseLong(s.substring(0, s.length() - 1), 16));
            return nonNegative(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong nonNegative(long v) {
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** {@code 0x0001F400 (128000)} */
    public static String describe(long offset) {
        return String.format(Locale.ROOT, "0x%08X (%,d)", offset, offset);
    }
}
