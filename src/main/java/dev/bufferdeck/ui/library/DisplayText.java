package dev.bufferdeck.ui.library;

/**
 * Names and messages from outside (file names, server headers, tags) made safe to show: control
 * characters become their visible Unicode pictures (ESC as ␛, a line break as ␊), so a name stays
 * one line in a table row or a notice and shows what it holds.
 */
public final class DisplayText {
    private DisplayText() {}

    public static String safe(String s) {
        if (s == null) return "";
        int i = 0;
        while (i < s.length() && !isControl(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) sb.append(c);
            else if (c < 0x20) sb.append((char) (0x2400 + c));
            else if (c == 0x7F) sb.append('\u2421');
            else sb.append('\uFFFD');
        }
        return sb.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
    }
}
