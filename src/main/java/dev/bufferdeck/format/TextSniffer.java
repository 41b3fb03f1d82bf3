package dev.bufferdeck.format;

import dev.bufferdeck.repository.MediaFormat;

import dev.bufferdeck.repository.ByteSource;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Tells text from binary on a prefix of the data, then HTML, XML and JSON from plain text. */
final class TextSniffer {
    static final int PREFIX = 8 * 1024;
    private static final List<String> HTML_CUES = List.of("<!doctype html", "<html", "<head", "<body",
            "<title", "<script", "<meta", "<style", "<link", "<div", "<p>", "<h1", "<h2", "<br", "<center",
            "<table", "<iframe", "<pre>");

    private TextSniffer() {}

    /**
     * HTML, XML, JSON or TEXT when the prefix is UTF-8 (or UTF-16 with a BOM) without control bytes.
     * Markup in a legacy 8-bit encoding (an ISO-8859-1 error page) counts too, but not as plain
     * text: without markup, such bytes are as likely binary. Else null.
     */
    static MediaFormat classify(ByteSource b) {
        String text = decodePrefix(b);
        if (text != null) return classify(text);
        String legacy = latin1Prefix(b);
        if (legacy == null) return null;
        MediaFormat format = classify(legacy);
        return format == MediaFormat.HTML || format == MediaFormat.XML ? format : null;
    }

    private static String latin1Prefix(ByteSource b) {
        int length = Math.min(b.limit(), PREFIX);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = (char) (b.get(i) & 0xFF);
            if (c < 0x20 && isControl(c)) return null;
            sb.append(c);
        }
        return sb.toString();
    }

    private static String decodePrefix(ByteSource b) {
        int skip = 0;
        Charset charset = StandardCharsets.UTF_8;
        if (Bytes.matches(b, 0, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (Bytes.matches(b, 0, 0xFF, 0xFE, 0, 0) || Bytes.matches(b, 0, 0, 0, 0xFE, 0xFF)) {
            return null; // UTF-32 text is too rare to be worth a decoder of our own
        } else if (Bytes.matches(b, 0, 0xFF, 0xFE)) {
            skip = 2;
            charset = StandardCharsets.UTF_16LE;
        } else if (Bytes.matches(b, 0, 0xFE, 0xFF)) {
            skip = 2;
            charset = StandardCharsets.UTF_16BE;
        }
        ByteBuffer prefix = b.region(skip, Math.min(b.limit(), PREFIX) - skip);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(Math.min(PREFIX, b.limit()));
        boolean whole = b.limit() <= PREFIX;
        CoderResult result = decoder.decode(prefix, chars, whole);
        if (result.isError()) return null;
        if (whole && prefix.hasRemaining()) return null;
        chars.flip();
        for (int i = 0; i < chars.length(); i++) {
            if (isControl(chars.charAt(i))) return null;
        }
        return chars.toString();
    }

    private static boolean isControl(char c) {
        if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == 0x1B) return false;
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    static MediaFormat classify(String text) {
        String t = text.strip();
        if (t.isEmpty()) return MediaFormat.TEXT;
        String lower = t.substring(0, Math.min(t.length(), 2048)).toLowerCase(Locale.ROOT);
        if (lower.startsWith("<")) {
            if (lower.startsWith("<?xml")) return lower.contains("<html") ? MediaFormat.HTML : MediaFormat.XML;
            for (String cue : HTML_CUES) {
                if (lower.contains(cue)) return MediaFormat.HTML;
            }
            if (lower.length() > 1 && (Character.isLetter(lower.charAt(1)) || lower.startsWith("<!"))) {
                return MediaFormat.XML;
            }
            return MediaFormat.TEXT;
        }
        if (lower.startsWith("{") || lower.startsWith("[")) {
            String rest = lower.substring(1).stripLeading();
            if (rest.isEmpty()) return MediaFormat.JSON;
            char next = rest.charAt(0);
            if (lower.charAt(0) == '{' ? next == '"' || next == '}' : "{[\"-0123456789tfn]".indexOf(next) >= 0) {
                return MediaFormat.JSON;
            }
        }
        return MediaFormat.TEXT;
    }
}
