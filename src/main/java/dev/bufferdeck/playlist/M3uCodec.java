package dev.bufferdeck.playlist;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** M3U and M3U8: one location per line, {@code #EXTINF:seconds,title} before it, other {@code #} lines ignored. */
final class M3uCodec {
    private static final String HEADER = "#EXTM3U";
    private static final String EXTINF = "#EXTINF:";

    private M3uCodec() {}

    static List<PlaylistEntry> read(PlaylistSource source, String playlistOrigin, boolean utf8)
            throws IOException, PlaylistFormatException {
        Charset fallback = utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        List<PlaylistEntry> entries = new ArrayList<>();
        String title = "";
        long durationMillis = PlaylistEntry.UNKNOWN_DURATION;
        try (PlaylistLines lines = PlaylistLines.open(source, fallback)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.regionMatches(true, 0, EXTINF, 0, EXTINF.length())) {
                    String info = line.substring(EXTINF.length());
                    int comma = firstCommaOutsideQuotes(info);
                    durationMillis = parseSeconds(comma < 0 ? info : info.substring(0, comma));
                    title = comma < 0 ? "" : info.substring(comma + 1).strip();
                    continue;
                }
                if (line.startsWith("#")) continue;
                PlaylistLimits.roomForOneMore(entries.size());
                entries.add(PlaylistEntry.unloaded(Locations.resolve(line, playlistOrigin), title, durationMillis));
                title = "";
                durationMillis = PlaylistEntry.UNKNOWN_DURATION;
            }
        }
        return entries;
    }

    /** Entries whose origin holds a line break cannot be written as a line and are left out. */
    static byte[] write(List<PlaylistEntry> entries, boolean utf8) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (PlaylistEntry e : entries) {
            if (PlaylistText.hasLineBreak(e.origin())) continue;
            if (!e.title().isEmpty() || e.durationMillis() >= 0) {
                long seconds = e.durationMillis() < 0 ? -1 : Math.round(e.durationMillis() / 1000.0);
                sb.append(EXTINF).append(seconds).append(',').append(PlaylistText.oneLine(e.title())).append('\n');
            }
            sb.append(e.origin()).append('\n');
        }
        String text = sb.toString();
        return utf8 ? text.getBytes(StandardCharsets.UTF_8) : PlaylistText.encodeLatin1OrUtf8(text);
    }

    /** IPTV lists put attributes such as {@code tvg-name="a, b"} between the duration and the comma. */
    private static int firstCommaOutsideQuotes(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) return i;
        }
        return -1;
    }

    private static long parseSeconds(String durationAndAttributes) {
        String s = durationAndAttributes.strip();
        int end = 0;
        while (end < s.length() && "+-.0123456789".indexOf(s.charAt(end)) >= 0) end++;
        try {
            double seconds = Double.parseDouble(s.substring(0, end));
            if (!(seconds >= 0) || seconds > Long.MAX_VALUE / 1000.0) return PlaylistEntry.UNKNOWN_DURATION;
            return Math.round(seconds * 1000);
        } catch (NumberFormatException e) {
            return PlaylistEntry.UNKNOWN_DURATION;
        }
    }
}
