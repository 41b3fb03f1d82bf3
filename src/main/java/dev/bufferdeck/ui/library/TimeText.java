package dev.bufferdeck.ui.library;

/** Durations as players show them: 0:07, 4:12, 1:02:03. */
public final class TimeText {
    private TimeText() {}

    /** Built by hand, not with {@code String.format}: the seek bar asks for it on every frame while playing. */
    public static String of(long millis) {
        if (millis < 0) return "--:--";
        long s = millis / 1000;
        long h = s / 3600, m = s / 60 % 60, sec = s % 60;
        StringBuilder text = new StringBuilder(8);
        if (h > 0) twoDigits(text.append(h).append(':'), m);
        else text.append(m);
        return twoDigits(text.append(':'), sec).toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, long n) {
        return text.append(n < 10 ? "0" : "").append(n);
    }
}
