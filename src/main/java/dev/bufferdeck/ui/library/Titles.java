package dev.bufferdeck.ui.library;

/** Titles for buffers without tags. */
public final class Titles {
    private Titles() {}

    /** "01 - Intro.mp3" → "01 - Intro"; URL names arrive already cut at the last '/'. */
    public static String fromName(String rawName) {
        String name = DisplayText.safe(rawName);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base.isBlank() ? name : base;
    }
}
