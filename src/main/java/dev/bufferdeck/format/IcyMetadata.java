package dev.bufferdeck.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of an ICY metadata block: {@code StreamTitle='Artist - Song';StreamUrl='...';}. */
public final class IcyMetadata {
    private static final Pattern TITLE = Pattern.compile("StreamTitle='(.*?)';", Pattern.DOTALL);

    private IcyMetadata() {}

    /** The StreamTitle, or null when the block names none (or names an empty one). */
    public static String streamTitle(String block) {
        if (block == null) return null;
        Matcher m = TITLE.matcher(block);
        if (!m.find()) {
            int at = block.indexOf("StreamTitle='");
            if (at < 0) return null;
            String rest = block.substring(at + 13);
            int end = rest.lastIndexOf('\'');
            return blankToNull(end >= 0 ? rest.substring(0, end) : rest);
        }
        return blankToNull(m.group(1));
    }

    private static String blankToNull(String s) {
        s = s.strip();
        return s.isEmpty() ? null : s;
    }
}
