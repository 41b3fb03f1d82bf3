package dev.bufferdeck.session;

import dev.bufferdeck.playlist.Repeat;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The session as ONE file, so that a single atomic rename covers the playlist and the settings
 * together: an M3U8 playlist of the origins (any player can open it) whose settings ride in
 * {@code #BUFFERDECK:key=value} comment lines, closed by an end line that proves it is complete.
 */
final class SessionFormat {
    static final String HEADER = "#EXTM3U";
    static final String MAGIC = "#BUFFERDECK-SESSION:1";
    static final String SETTING = "#BUFFERDECK:";
    static final String END = "#BUFFERDECK-END";

    private SessionFormat() {}

    /** Origins that cannot be a line of the file (empty, starting with #, holding a line break) are left out. */
    static byte[] write(Session s) {
        List<String> origins = new ArrayList<>();
        int current = -1;
        for (int i = 0; i < s.playlistOrigins().size(); i++) {
            String origin = s.playlistOrigins().get(i);
            if (origin.isEmpty() || origin.startsWith("#") || origin.indexOf('\n') >= 0 || origin.indexOf('\r') >= 0) continue;
            if (i == s.currentIndex()) current = origins.size();
            origins.add(origin);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(HEADER).append('\n').append(MAGIC).append('\n');
        setting(sb, "current", current);
        setting(sb, "position", current < 0 ? 0 : s.positionMillis());
        setting(sb, "volume", s.volume());
        setting(sb, "muted", s.muted());
        setting(sb, "repeat", s.repeat().name());
        setting(sb, "shuffle", s.shuffle());
        if (s.mainWindow() != null) setting(sb, "mainWindow", bounds(s.mainWindow()));
        if (s.playlistWindow() != null) setting(sb, "playlistWindow", bounds(s.playlistWindow()));
        setting(sb, "playlistShowing", s.playlistShowing());
        setting(sb, "mainMaximized", s.mainMaximized());
        if (s.dividers() != null) {
            setting(sb, "dividers", s.dividers().library() + "," + s.dividers().regions());
            setting(sb, "regionTreeShown", s.dividers().regionTreeShown());
        }
        if (!s.theme().isEmpty()) setting(sb, "theme", s.theme());
        if (!s.libraryColumns().isEmpty()) setting(sb, "libraryColumns", s.libraryColumns());
        SoundChoices sound = s.sound();
        if (!sound.outputDevice().isEmpty()) setting(sb, "outputDevice", sound.outputDevice());
        if (!sound.equalizer().isEmpty()) setting(sb, "equalizer", sound.equalizer());
        if (!sound.replayGain().isEmpty()) setting(sb, "replayGain", sound.replayGain());
        for (Map.Entry<String, String> preset : sound.userPresets().entrySet()) {
            setting(sb, PRESET + preset.getKey(), preset.getValue());
        }
        setting(sb, "letGoOfUrls", s.letGoOfUrls());
        if (s.spectrumShown() != null) setting(sb, "spectrumShown", s.spectrumShown());
        setting(sb, "entries", origins.size());
        for (String origin : origins) sb.append(origin).append('\n');
        sb.append(END).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a session. A file that is not a whole BufferDeck session gives the defaults and a
     * warning; a single bad setting gives that setting's default and a warning.
     */
    static Session read(byte[] bytes, String fileName, List<String> warnings) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            warnings.add("session file " + fileName + " is not UTF-8 text; starting with an empty session");
            return Session.defaults();
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r?\n", -1);
        if (lines.length < 2 || !lines[0].equals(HEADER) || !lines[1].equals(MAGIC)) {
            warnings.add("session file " + fileName + " is not a BufferDeck session; starting with an empty session");
            return Session.defaults();
        }
        Map<String, String> settings = new HashMap<>();
        List<String> origins = new ArrayList<>();
        boolean ended = false;
        for (int i = 2; i < lines.length && !ended; i++) {
            String line = lines[i];
            if (line.equals(END)) ended = true;
            else if (line.startsWith(SETTING)) {
                int eq = line.indexOf('=');
                if (eq > SETTING.length()) settings.put(line.substring(SETTING.length(), eq), line.substring(eq + 1));
            } else if (!line.isEmpty() && !line.startsWith("#")) origins.add(line);
        }
        if (!ended || !String.valueOf(origins.size()).equals(settings.get("entries"))) {
            warnings.add("session file " + fileName + " is incomplete; starting with an empty session");
            return Session.defaults();
        }
        Session d = Session.defaults();
        Values v = new Values(settings, fileName, warnings);
        int current = v.integer("current", d.currentIndex());
        if (current < -1 || current >= origins.size()) {
            warnings.add("session file " + fileName + ": current entry " + current + " is not in the playlist; none is current");
            current = -1;
        }
        return new Session(origins, current, v.volume(), v.bool("muted", d.muted()), v.repeat(),
                v.bool("shuffle", d.shuffle()), v.bounds("mainWindow"), v.bounds("playlistWindow"),
                v.bool("playlistShowing", d.playlistShowing()), Math.max(0, v.longValue("position", 0)),
                v.bool("mainMaximized", d.mainMaximized()), v.dividers(), settings.getOrDefault("theme", ""),
                settings.getOrDefault("libraryColumns", ""), sound(settings), v.bool("letGoOfUrls", d.letGoOfUrls()),
                v.choice("spectrumShown", "the default"));
    }

    private static final String PRESET = "equalizerPreset.";

    private static SoundChoices sound(Map<String, String> settings) {
        Map<String, String> presets = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith(PRESET)) presets.put(k.substring(PRESET.length()), v);
        });
        return new SoundChoices(settings.getOrDefault("outputDevice", ""), settings.getOrDefault("equalizer", ""),
                settings.getOrDefault("replayGain", ""), presets);
    }

    private static void setting(StringBuilder sb, String key, Object value) {
        sb.append(SETTING).append(key).append('=').append(value).append('\n');
    }

    private static String bounds(WindowBounds b) {
        return b.x() + "," + b.y() + "," + b.width() + "," + b.height();
    }

    /** Typed access to the settings, each falling back to its default with a warning. */
    private record Values(Map<String, String> settings, String fileName, List<String> warnings) {

        private void bad(String key, String value, String fallback) {
            warnings.add("session file " + fileName + ": " + key + "=" + value + " is not valid; using " + fallback);
        }

        int integer(String key, int fallback) {
            String value = settings.get(key);
            if (value == null) return fallback;
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                bad(key, value, String.valueOf(fallback));
                return fallback;
            }
        }

        long longValue(String key, long fallback) {
            String value = settings.get(key);
            if (value == null) return fallback;
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                bad(key, value, String.valueOf(fallback));
                return fallback;
            }
        }

        boolean bool(String key, boolean fallback) {
            Boolean value = choice(key, String.valueOf(fallback));
            return value == null ? fallback : value;
        }

        /** A true/false setting the user may not have chosen: null when absent or unreadable ({@code fallback} names what is used then). */
        Boolean choice(String key, String fallback) {
            String value = settings.get(key);
            if (value == null) return null;
            if (value.equals("true") || value.equals("false")) return Boolean.parseBoolean(value);
            bad(key, value, fallback);
            return null;
        }

        double volume() {
            String value = settings.get("volume");
            if (value == null) return Session.DEFAULT_VOLUME;
            try {
                double v = Double.parseDouble(value);
                if (v >= 0 && v <= 1) return v;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            bad("volume", value, String.valueOf(Session.DEFAULT_VOLUME));
            return Session.DEFAULT_VOLUME;
        }

        Repeat repeat() {
            String value = settings.get("repeat");
            if (value == null) return Repeat.OFF;
            try {
                return Repeat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                bad("repeat", value, "OFF");
                return Repeat.OFF;
            }
        }

        PaneDividers dividers() {
            String value = settings.get("dividers");
            if (value == null) return null;
            String[] parts = value.split(",");
            try {
                if (parts.length == 2) {
                    return new PaneDividers(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                            bool("regionTreeShown", true));
                }
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            bad("dividers", value, "the default layout");
            return null;
        }

        WindowBounds bounds(String key) {
            String value = settings.get(key);
            if (value == null) return null;
            String[] parts = value.split(",");
            try {
                if (parts.length == 4) {
                    return new WindowBounds(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                            Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
                }
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            bad(key, value, "the default placement");
            return null;
        }
    }
}
