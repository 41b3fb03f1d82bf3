package dev.bufferdeck.playlist;

import java.util.Locale;

/**
 * The limits every playlist read holds to, whatever the format or where the bytes come from. A
 * playlist over one is refused with one line naming the limit; under them a read needs memory for
 * a few buffers of fixed size plus the entries it keeps, never the whole file at once.
 */
public final class PlaylistLimits {
    /** Bytes in one playlist file or URL body. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    /** Entries one playlist may list (and one command line may expand to, nested playlists included). */
    public static final int MAX_ENTRIES = 100_000;
    /** Characters in one line of M3U or PLS, or in one XSPF field; blank lines and leading white space are free. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    /** Element nesting in an XSPF document (a playlist needs four levels). */
    public static final int MAX_XML_DEPTH = 64;
    /** Playlists listing playlists, as sources on a command line: how deep the expansion follows. */
    public static final int MAX_NESTING = 4;

    private PlaylistLimits() {}

    /** Refuses one entry more when {@code count} entries are kept already. */
    static void roomForOneMore(int count) throws PlaylistFormatException {
        if (count >= MAX_ENTRIES) throw new PlaylistFormatException("more than " + entries() + " (the limit for a playlist)");
    }

    static String bytes() {
        return (MAX_BYTES >> 20) + " MiB";
    }

    static String entries() {
        return String.format(Locale.ROOT, "%,d entries", MAX_ENTRIES);
    }

    static String lineChars() {
        return String.format(Locale.ROOT, "%,d characters", MAX_LINE_CHARS);
    }
}
