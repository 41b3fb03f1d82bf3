package dev.bufferdeck.playlist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** PLS: an INI-like {@code [playlist]} section with {@code FileN}, {@code TitleN}, {@code LengthN}. */
final class PlsCodec {
    private PlsCodec() {}

    private static final class Numbered {
        String file;
        String title = "";
        long durationMillis = PlaylistEntry.UNKNOWN_DURATION;
    }

    static List<PlaylistEntry> read(PlaylistSource source, String playlistOrigin) throws IOException, PlaylistFormatException {
        TreeMap<Long, Numbered> byNumber = new TreeMap<>();
        boolean sawHeader = false;
        try (PlaylistLines lines = PlaylistLines.open(source, StandardCharsets.ISO_8859_1)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.startsWith(";") || line.startsWith("#")) continue;
                if (line.startsWith("[")) {
                    sawHeader |= line.equalsIgnoreCase("[playlist]");
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) continue;
                String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String name = key.replaceAll("[0-9]+$", "");
                if (name.length() == key.length() || !(name.equals("file") || name.equals("title") || name.equals("length"))) {
                    continue;
                }
                long number;
                try {
                    number = Long.parseLong(key.substring(name.length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                Numbered n = byNumber.get(number);
                if (n == null) {
                    PlaylistLimits.roomForOneMore(byNumber.size());
                    n = new Numbered();
                    byNumber.put(number, n);
                }
                String value = line.substring(eq + 1).strip();
                switch (name) {
                    case "file" -> n.file = value;
                    case "title" -> n.title = value;
                    default -> n.durationMillis = seconds(value);
                }
            }
        }
        if (!sawHeader && byNumber.isEmpty()) {
            throw new PlaylistFormatException("not a PLS playlist: no [playlist] section and no File1= line");
        }
        List<PlaylistEntry> entries = new ArrayList<>();
        for (Numbered n : byNumber.values()) {
            if (n.file == null || n.file.isEmpty()) continue;
            entries.add(PlaylistEntry.unloaded(Locations.resolve(n.file, playlistOrigin), n.title, n.durationMillis));
        }
        return entries;
    }

    static byte[] write(List<PlaylistEntry> entries) {
        StringBuilder sb = new StringBuilder("[playlist]\n");
        int n = 0;
        for (PlaylistEntry e : entries) {
            if (PlaylistText.hasLineBreak(e.origin())) continue;
            n++;
            sb.append("File").append(n).append('=').append(e.origin()).append('\n');
            if (!e.title().isEmpty()) sb.append("Title").append(n).append('=').append(PlaylistText.oneLine(e.title())).append('\n');
            long seconds = e.durationMillis() < 0 ? -1 : Math.round(e.durationMillis() / 1000.0);
            sb.append("Length").append(n).append('=').append(seconds).append('\n');
        }
        sb.append("NumberOfEntries=").append(n).append('\n').append("Version=2\n");
        return PlaylistText.encodeLatin1OrUtf8(sb.toString());
    }

    private static long seconds(String value) {
        try {
            long s = Long.parseLong(value);
            return s < 0 || s > Long.MAX_VALUE / 1000 ? PlaylistEntry.UNKNOWN_DURATION : s * 1000;
        } catch (NumberFormatException e) {
            return PlaylistEntry.UNKNOWN_DURATION;
        }
    }
}
