package dev.bufferdeck.playlist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An XML document's bytes as characters, decoded here rather than by the JDK's parser (which prints
 * "[Fatal Error]" lines to stderr for malformed bytes): the byte-order mark, else the encoding the
 * XML declaration names, else UTF-8, as the XML specification's appendix F says. Malformed bytes
 * end the read with a {@link java.nio.charset.CharacterCodingException}.
 */
final class XmlText {
    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]{1,40})[\"']");

    private XmlText() {}

    static Reader reader(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 8192);
        in.mark(512);
        byte[] head = in.readNBytes(512);
        in.reset();
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
        } else if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0x00, 0x3C, 0x00, 0x3F)) {
            charset = StandardCharsets.UTF_16BE;
            bom = head[0] == (byte) 0xFE ? 2 : 0;
        } else if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0x3C, 0x00, 0x3F, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
            bom = head[0] == (byte) 0xFF ? 2 : 0;
        } else {
            Matcher m = DECLARED.matcher(new String(head, StandardCharsets.ISO_8859_1));
            if (m.find()) charset = supported(m.group(1));
        }
        in.skipNBytes(bom);
        return new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The declared charset; UTF-8 for one the JDK lacks or that cannot be ASCII-compatible here (UTF-16 without its mark). */
    private static Charset supported(String name) {
        try {
            Charset c = Charset.forName(name);
            return c.name().toUpperCase(Locale.ROOT).startsWith("UTF-16") || c.name().toUpperCase(Locale.ROOT).startsWith("UTF-32")
                    ? StandardCharsets.UTF_8 : c;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
