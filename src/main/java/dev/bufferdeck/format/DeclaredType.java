package dev.bufferdeck.format;

import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.repository.MediaFormat.Family;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a file extension ("mp3", ".FLAC") or a Content-Type ("audio/mpeg; charset=x") promises.
 * Only media promises matter for mismatches; anything else promises nothing.
 *
 * @param raw the declaration as given, trimmed
 * @param media true when it names an audio or video type
 * @param families the format families that keep the promise; empty for a generic "audio/..." type
 * @param contentType true for a MIME type, false for a file extension
 */
public record DeclaredType(String raw, boolean media, Set<Family> families, boolean contentType) {

    public static final DeclaredType NOTHING = new DeclaredType("", false, Set.of(), false);

    private static final Map<String, Set<Family>> EXTENSIONS = Map.ofEntries(
            Map.entry("mp3", Set.of(Family.MPEG)), Map.entry("mp2", Set.of(Family.MPEG)),
            Map.entry("mp1", Set.of(Family.MPEG)), Map.entry("mpga", Set.of(Family.MPEG)),
            Map.entry("mpa", Set.of(Family.MPEG)),
            Map.entry("wav", Set.of(Family.WAV)), Map.entry("wave", Set.of(Family.WAV)),
            Map.entry("rf64", Set.of(Family.WAV)), Map.entry("bwf", Set.of(Family.WAV)),
            Map.entry("aif", Set.of(Family.AIFF)), Map.entry("aiff", Set.of(Family.AIFF)),
            Map.entry("aifc", Set.of(Family.AIFF)),
            Map.entry("au", Set.of(Family.AU)), Map.entry("snd", Set.of(Family.AU)),
            Map.entry("ogg", Set.of(Family.OGG)), Map.entry("oga", Set.of(Family.OGG)),
            Map.entry("opus", Set.of(Family.OGG)), Map.entry("spx", Set.of(Family.OGG)),
            Map.entry("ogv", Set.of(Family.OGG)),
            Map.entry("flac", Set.of(Family.FLAC, Family.OGG)), Map.entry("fla", Set.of(Family.FLAC)),
            Map.entry("mid", Set.of(Family.MIDI)), Map.entry("midi", Set.of(Family.MIDI)),
            Map.entry("kar", Set.of(Family.MIDI)), Map.entry("rmi", Set.of(Family.MIDI)),
            Map.entry("m4a", Set.of(Family.MP4)), Map.entry("m4b", Set.of(Family.MP4)),
            Map.entry("m4p", Set.of(Family.MP4)), Map.entry("mp4", Set.of(Family.MP4)),
            Map.entry("m4v", Set.of(Family.MP4)), Map.entry("mov", Set.of(Family.MP4)),
            Map.entry("3gp", Set.of(Family.MP4)), Map.entry("aac", Set.of(Family.AAC, Family.MP4)),
            Map.entry("mka", Set.of(Family.MATROSKA)), Map.entry("mkv", Set.of(Family.MATROSKA)),
            Map.entry("webm", Set.of(Family.MATROSKA)), Map.entry("weba", Set.of(Family.MATROSKA)));

    private static final Map<String, Set<Family>> CONTENT_TYPES = Map.ofEntries(
            Map.entry("audio/mpeg", Set.of(Family.MPEG)), Map.entry("audio/mp3", Set.of(Family.MPEG)),
            Map.entry("audio/x-mp3", Set.of(Family.MPEG)), Map.entry("audio/mpeg3", Set.of(Family.MPEG)),
            Map.entry("audio/x-mpeg", Set.of(Family.MPEG)), Map.entry("audio/mpa", Set.of(Family.MPEG)),
            Map.entry("audio/wav", Set.of(Family.WAV)), Map.entry("audio/x-wav", Set.of(Family.WAV)),
            Map.entry("audio/wave", Set.of(Family.WAV)), Map.entry("audio/vnd.wave", Set.of(Family.WAV)),
            Map.entry("audio/aiff", Set.of(Family.AIFF)), Map.entry("audio/x-aiff", Set.of(Family.AIFF)),
            Map.entry("audio/basic", Set.of(Family.AU)), Map.entry("audio/au", Set.of(Family.AU)),
            Map.entry("audio/ogg", Set.of(Family.OGG)), Map.entry("application/ogg", Set.of(Family.OGG)),
            Map.entry("audio/vorbis", Set.of(Family.OGG)), Map.entry("audio/opus", Set.of(Family.OGG)),
            Map.entry("audio/x-vorbis+ogg", Set.of(Family.OGG)), Map.entry("video/ogg", Set.of(Family.OGG)),
            Map.entry("audio/flac", Set.of(Family.FLAC, Family.OGG)),
            Map.entry("audio/x-flac", Set.of(Family.FLAC, Family.OGG)),
            Map.entry("audio/midi", Set.of(Family.MIDI)), Map.entry("audio/x-midi", Set.of(Family.MIDI)),
            Map.entry("audio/mid", Set.of(Family.MIDI)),
            Map.entry("audio/mp4", Set.of(Family.MP4)), Map.entry("audio/m4a", Set.of(Family.MP4)),
            Map.entry("audio/x-m4a", Set.of(Family.MP4)), Map.entry("video/mp4", Set.of(Family.MP4)),
            Map.entry("video/quicktime", Set.of(Family.MP4)),
            Map.entry("audio/aac", Set.of(Family.AAC, Family.MP4)),
            Map.entry("audio/aacp", Set.of(Family.AAC, Family.MP4)),
            Map.entry("audio/webm", Set.of(Family.MATROSKA)), Map.entry("video/webm", Set.of(Family.MATROSKA)),
            Map.entry("audio/x-matroska", Set.of(Family.MATROSKA)),
            Map.entry("video/x-matroska", Set.of(Family.MATROSKA)));

    public static DeclaredType of(String declared) {
        if (declared == null) return NOTHING;
        String raw = declared.trim();
        String key = raw.toLowerCase(Locale.ROOT);
        int semicolon = key.indexOf(';');
        if (semicolon >= 0) key = key.substring(0, semicolon).trim();
        if (key.isEmpty()) return NOTHING;
        if (key.contains("/")) {
            Set<Family> families = CONTENT_TYPES.get(key);
            if (families != null) return new DeclaredType(raw, true, families, true);
            boolean media = key.startsWith("audio/") || key.startsWith("video/");
            return new DeclaredType(raw, media, Set.of(), true);
        }
        if (key.startsWith(".")) key = key.substring(1);
        Set<Family> families = EXTENSIONS.get(key);
        if (families != null) return new DeclaredType(raw, true, families, false);
        return new DeclaredType(raw, false, Set.of(), false);
    }

    /** True when bytes of {@code format} break this declaration's promise. */
    public boolean contradictedBy(MediaFormat format) {
        if (!media || format == MediaFormat.UNKNOWN) return false;
        if (!format.isMedia()) return true;
        return !families.isEmpty() && !families.contains(format.family());
    }

    /** "the name says MP3" or "the Content-Type says audio/mpeg". */
    public String describe() {
        if (contentType) return "the Content-Type says " + raw;
        String ext = raw.startsWith(".") ? raw.substring(1) : raw;
        return "the name says " + ext.toUpperCase(Locale.ROOT);
    }
}
