package dev.bufferdeck.desktop;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one message a second launch sends the running instance: a magic line, the mode, one source
 * per line, an end line. Anything else is refused with the reason, never half-read.
 */
public final class InstanceMessage {
    static final String MAGIC = "BUFFERDECK-OPEN 1";
    static final String END = "END";
    static final String REPLY = "OK\n";
    /** Far above any real command line; a sender cannot make the instance hold more. */
    public static final int MAX_BYTES = 1 << 20;
    static final int MAX_SOURCES = 10_000;

    private InstanceMessage() {}

    public static byte[] encode(LaunchArguments launch) {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        sb.append(launch.enqueue() ? "enqueue" : "open").append('\n');
        for (String source : launch.sources()) {
            if (source.isEmpty() || source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0 || source.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a source cannot hold line breaks or NUL: " + source);
            }
            sb.append(source).append('\n');
        }
        sb.append(END).append('\n');
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) throw new IllegalArgumentException("too many sources for one message");
        return bytes;
    }

    /** The launch a complete message asks for; throws {@link Malformed} with a one-line reason otherwise. */
    public static LaunchArguments decode(byte[] bytes, int length) throws Malformed {
        if (length > MAX_BYTES) throw new Malformed("longer than " + MAX_BYTES + " bytes");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("not UTF-8 text");
        }
        if (!text.endsWith("\n" + END + "\n")) throw new Malformed("no end line");
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (!lines[0].equals(MAGIC)) throw new Malformed("does not start with " + MAGIC);
        if (lines.length < 3) throw new Malformed("no mode line");
        boolean enqueue = switch (lines[1]) {
            case "enqueue" -> true;
            case "open" -> false;
            default -> throw new Malformed("unknown mode " + printable(lines[1]));
        };
        if (lines.length - 3 > MAX_SOURCES) throw new Malformed("more than " + MAX_SOURCES + " sources");
        List<String> sources = new ArrayList<>();
        for (int i = 2; i < lines.length - 1; i++) {
            String s = lines[i];
            if (s.isEmpty() || s.indexOf('\0') >= 0 || s.indexOf('\r') >= 0) throw new Malformed("bad source line " + (i + 1));
            sources.add(s);
        }
        return new LaunchArguments(sources, enqueue, false);
    }

    /** Whether the bytes so far hold a whole message (the reader stops there). */
    static boolean complete(byte[] bytes, int length) {
        byte[] tail = ("\n" + END + "\n").getBytes(StandardCharsets.US_ASCII);
        if (length < tail.length) return false;
        for (int i = 0; i < tail.length; i++) {
            if (bytes[length - tail.length + i] != tail[i]) return false;
        }
        return true;
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
    }

    /** A message that is not one BufferDeck sent. */
    public static final class Malformed extends Exception {
        public Malformed(String reason) {
            super(reason);
        }
    }
}
