package dev.bufferdeck.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict JSON parser for tests (RFC 8259 grammar): throws on anything that is not one valid value. */
final class MiniJsonParser {
    private final String s;
    private int p;

    private MiniJsonParser(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        MiniJsonParser parser = new MiniJsonParser(text);
        parser.ws();
        Object value = parser.value();
        parser.ws();
        if (parser.p != text.length()) throw parser.error("trailing text");
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        return (Map<String, Object>) parse(text);
    }

    private Object value() {
        if (p >= s.length()) throw error("unexpected end");
        char c = s.charAt(p);
        switch (c) {
            case '{' -> {
                p++;
                Map<String, Object> map = new LinkedHashMap<>();
                ws();
                if (peek('}')) return map;
                do {
                    ws();
                    String key = string();
                    ws();
                    expect(':');
                    ws();
                    if (map.put(key, value()) != null) throw error("duplicate key " + key);
                    ws();
                } while (accept(','));
                expect('}');
                return map;
            }
            case '[' -> {
                p++;
                List<Object> list = new ArrayList<>();
                ws();
                if (peek(']')) return list;
                do {
                    ws();
                    list.add(value());
                    ws();
                } while (accept(','));
                expect(']');
                return list;
            }
            case '"' -> { return string(); }
            case 't' -> { literal("true"); return true; }
            case 'f' -> { literal("false"); return false; }
            case 'n' -> { literal("null"); return null; }
            default -> { return number(); }
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (p >= s.length()) throw error("unterminated string");
            char c = s.charAt(p++);
            if (c == '"') return sb.toString();
            if (c < 0x20) throw error("raw control character in string");
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(p++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
                    p += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private BigDecimal number() {
        int start = p;
        if (accept('-')) { }
        if (accept('0')) { } else digits();
        if (accept('.')) digits();
        if (p < s.length() && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            p++;
            if (!accept('+')) accept('-');
            digits();
        }
        return new BigDecimal(s.substring(start, p));
    }

    private void digits() {
        int start = p;
        while (p < s.length() && Character.isDigit(s.charAt(p))) p++;
        if (p == start) throw error("digit expected");
    }

    private void literal(String word) {
        if (!s.startsWith(word, p)) throw error(word + " expected");
        p += word.length();
    }

    private void ws() {
        while (p < s.length() && " \t\n\r".indexOf(s.charAt(p)) >= 0) p++;
    }

    private boolean peek(char c) {
        if (p < s.length() && s.charAt(p) == c) {
            p++;
            return true;
        }
        return false;
    }

    private boolean accept(char c) {
        return peek(c);
    }

    private void expect(char c) {
        if (!accept(c)) throw error("'" + c + "' expected");
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + p + " in " + s);
    }
}
