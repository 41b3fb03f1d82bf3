package dev.bufferdeck.ui.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the now-playing format line: {@code MP3 · 44.1 kHz · stereo · 192 kbps VBR · 4:12}. */
public final class FormatLines {
    private FormatLines() {}

    /** @param quality e.g. "192 kbps VBR" or "16-bit"; may be empty */
    public static String of(String codec, int sampleRate, int channels, String quality, long durationMillis) {
        List<String> parts = new ArrayList<>();
        parts.add(codec);
        if (sampleRate > 0) parts.add(kiloHertz(sampleRate));
        if (channels > 0) parts.add(channels(channels));
        if (quality != null && !quality.isBlank()) parts.add(quality);
        if (durationMillis >= 0) parts.add(TimeText.of(durationMillis));
        return String.join(" · ", parts);
    }

    public static String kiloHertz(int rate) {
        double k = rate / 1000.0;
        return (k == Math.rint(k) ? String.format(Locale.ROOT, "%.0f", k) : String.format(Locale.ROOT, "%.1f", k)) + " kHz";
    }

    public static String channels(int channels) {
        return switch (channels) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> channels + " ch";
        };
    }
}
