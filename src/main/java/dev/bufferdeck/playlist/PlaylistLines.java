package dev.bufferdeck.playlist;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a text playlist (M3U, PLS), streamed. The charset is the one a byte-order mark
 * names; without one UTF-8 when the whole file is valid UTF-8 (a first pass that keeps nothing),
 * else the format's fallback. Lines end at CR, LF or CRLF and are stripped of surrounding white
 * space; blank lines are skipped without costing memory, and a line longer than
 * {@link PlaylistLimits#MAX_LINE_CHARS} is refused.
 */
final class PlaylistLines implements Closeable {
    private static final int CHUNK = 8192;

    private final Reader reader;
    private final char[] buffer = new char[CHUNK];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private int lineNumber;
    private boolean ended;
    private boolean afterCr;

    private PlaylistLines(Reader reader) {
        this.reader = reader;
    }

    static PlaylistLines open(PlaylistSource source, Charset fallback) throws IOException {
        Charset charset;
        int bom;
        try (InputStream in = BoundedInput.open(source)) {
            byte[] head = in.readNBytes(3);
            if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
                charset = StandardCharsets.UTF_8;
                bom = 3;
            } else if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE)) {
                charset = head[0] == (byte) 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
                bom = 2;
            } else {
                bom = 0;
                charset = fallback.equals(StandardCharsets.UTF_8) || isUtf8(head, in) ? StandardCharsets.UTF_8 : fallback;
            }
        }
        InputStream in = BoundedInput.open(source);
        try {
            in.skipNBytes(bom);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new PlaylistLines(new InputStreamReader(in, charset));
    }

    /** The next line that is not blank, stripped; null at the end. */
    String next() throws IOException, PlaylistFormatException {
        while (!ended) {
            if (position == limit) {
                limit = reader.read(buffer, 0, CHUNK);
                position = 0;
                if (limit < 0) {
                    ended = true;
                    limit = 0;
                    lineNumber++;
                    return take();
                }
            }
            while (position < limit) {
                char c = buffer[position++];
                boolean secondHalfOfCrLf = c == '\n' && afterCr;
                afterCr = c == '\r';
                if (secondHalfOfCrLf) continue;
                if (c == '\n' || c == '\r') {
                    lineNumber++;
                    String s = take();
                    if (s != null) return s;
                } else if (line.length() > 0 || !Character.isWhitespace(c)) {
                    if (line.length() == PlaylistLimits.MAX_LINE_CHARS) {
                        throw new PlaylistFormatException("line " + (lineNumber + 1) + " is longer than "
                                + PlaylistLimits.lineChars() + " (the limit for a line)");
                    }
                    line.append(c);
                }
            }
        }
        return null;
    }

    private String take() {
        if (line.length() == 0) return null;
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) end--;
        String s = line.substring(0, end);
        line.setLength(0);
        return s;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Whether the head and the rest of the stream decode as UTF-8 without a single error. */
    private static boolean isUtf8(byte[] head, InputStream rest) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        bytes.put(head);
        boolean end = false;
        while (true) {
            if (!end) {
                int n = rest.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) end = true;
                else bytes.position(bytes.position() + n);
            }
            bytes.flip();
            if (decoder.decode(bytes, chars, end).isError()) return false;
            chars.clear();
            bytes.compact();
            if (end) return !decoder.flush(chars).isError();
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
