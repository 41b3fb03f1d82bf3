package dev.bufferdeck.format.regions;

import java.util.Locale;

/** Small formatting helpers for region descriptions. */
final class Describe {
    private Describe() {}

    static String hz(long rate) {
        if (rate % 1000 == 0) return (rate / 1000) + " kHz";
        return String.format(Locale.ROOT, "%.1f kHz", rate / 1000.0);
    }

    static String channels(int n) {
        return switch (n) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> n + " channels";
        };
    }

    static String bytes(long n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }

    static String hex(long offset) {
        return String.format("0x%X", offset);
    }

    static String quote(String text, int max) {
        String clean = text.replaceAll("[\\p{Cntrl}]", " ").strip();
        if (clean.length() > max) clean = clean.substring(0, max - 1) + "…";
        return "\"" + clean + "\"";
    }
}
