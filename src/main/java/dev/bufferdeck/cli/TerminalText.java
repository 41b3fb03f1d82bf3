package dev.bufferdeck.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Text made safe for a terminal, as {@code ls} does: control characters become visible escapes
 * ({@code \e}, {@code \a}, {@code \r}, {@code \x7f}, {@code \u009b}), so bytes from a server's reason
 * phrase, a header or a file name can neither move the cursor nor set the window title, and
 * bidirectional overrides cannot reorder what is shown. {@link Cli#run} puts every human-readable
 * stream through {@link #stream}: the one place this happens.
 */
final class TerminalText {
    private TerminalText() {}

    /** {@code s} as one line: line breaks inside it are escaped too (a message never splits). */
    static String oneLine(String s) {
        return escape(s, false);
    }

    /** {@code s} with its line breaks kept (text whose lines the program laid out). */
    static String lines(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepNewlines) {
        int i = 0;
        while (i < s.length() && !needsEscape(s.charAt(i), keepNewlines)) i++;
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!needsEscape(c, keepNewlines)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case 0x1B -> sb.append("\\e");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case 0x0B -> sb.append("\\v");
                default -> sb.append(c < 0x80 ? String.format(Locale.ROOT, "\\x%02x", (int) c)
                        : String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static boolean needsEscape(char c, boolean keepNewlines) {
        if (c >= 0x20 && c < 0x7F) return false;
        if (c == '\t' || (keepNewlines && c == '\n')) return false;
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x2028 || c == 0x2029;
    }

    /**
     * A stream that escapes what passes through it: {@code println(String)} prints one line whatever
     * the string holds; {@code print(String)} keeps the line breaks; a single {@code char} printed on
     * its own (the program's own carriage return before a progress line) passes as it is. Bytes
     * written with {@code write} pass unchanged: they are binary output, not text.
     */
    static PrintStream stream(PrintStream raw) {
        return raw instanceof SafeStream ? raw : new SafeStream(raw);
    }

    private static final class SafeStream extends PrintStream {
        private final PrintStream raw;

        SafeStream(PrintStream raw) {
            super(raw, false);
            this.raw = raw;
        }

        @Override public void print(String s) { raw.print(lines(String.valueOf(s))); }
        @Override public void print(Object o) { print(String.valueOf(o)); }
        @Override public void print(char[] s) { print(new String(s)); }
        @Override public void print(char c) {
            if (c == '\r' || c == '\n' || c == '\t') raw.print(c);
            else print(String.valueOf(c));
        }
        @Override public void println(String s) { raw.println(oneLine(String.valueOf(s))); }
        @Override public void println(Object o) { println(String.valueOf(o)); }
        @Override public void println(char[] s) { println(new String(s)); }
        @Override public void println(char c) { println(String.valueOf(c)); }
        @Override public void println() { raw.println(); }
        @Override public void write(int b) { raw.write(b); }
        @Override public void write(byte[] b, int off, int len) { raw.write(b, off, len); }
        @Override public void flush() { raw.flush(); }
        @Override public boolean checkError() { return raw.checkError(); }
        @Override public void close() { raw.close(); }
    }
}
