package dev.bufferdeck.source;

import java.util.Locale;
import java.util.Set;

/** Which file names a folder walk picks up. */
public final class MediaExtensions {
    public static final Set<String> MEDIA = Set.of(
            "mp3", "ogg", "oga", "opus", "flac", "wav", "wave", "aif", "aiff", "aifc", "au", "snd",
            "mid", "midi", "m4a", "m4b", "aac", "mp4", "m4v", "mov", "mka", "mkv", "webm");
    public static final Set<String> PLAYLISTS = Set.of("m3u", "m3u8", "pls", "xspf");

    private MediaExtensions() {}

    /** The lower-case extension without the dot, or "" when the name has none. */
    public static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) return "";
        return fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static boolean isMedia(String fileName) {
        return MEDIA.contains(of(fileName));
    }

    public static boolean isPlaylist(String fileName) {
        return PLAYLISTS.contains(of(fileName));
    }
}
