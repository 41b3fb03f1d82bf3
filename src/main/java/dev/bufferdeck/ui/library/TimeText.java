package dev.bufferdeck.ui.library;

/** Durations as players show them: 0:07, 4:12, 1:02:03. */
public final class TimeText {
    private TimeText() {}

    public static String of(long millis) {
        if (millis < 0) return "--:--";
        long s = millis / 1000;
        long h = s / 3600, m = s / 60 % 60, sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }
}
