package dev.bufferdeck.playlist;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes of a text playlist to lines: byte-order marks, UTF-8 or Latin-1, CR/LF/CRLF. */
final class PlaylistText {
    private PlaylistText() {}

    /**
     * Decodes with the charset a byte-order mark names; without one, as UTF-8 when the bytes are
     * valid UTF-8 (plain ASCII is), else as {@code fallback}.
     */
    static String decode(byte[] bytes, Charset fallback) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        if (startsWith(bytes, 0xFE, 0xFF)) return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        if (startsWith(bytes, 0xFF, 0xFE)) return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        if (fallback.equals(StandardCharsets.UTF_8)) return new String(bytes, StandardCharsets.UTF_8);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, fallback);
        }
    }

    /**
     * Bytes for a format that older programs read as Latin-1 (M3U, PLS): Latin-1 when every
     * character fits and the result cannot be mistaken for UTF-8 by {@link #decode}; else UTF-8.
     */
    static byte[] encodeLatin1OrUtf8(String text) {
        if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
            byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
            if (decode(latin1, StandardCharsets.ISO_8859_1).equals(text)) return latin1;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces line breaks (which would start a new line of the file) with spaces. */
    static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }

    static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
