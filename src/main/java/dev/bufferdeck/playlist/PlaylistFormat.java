package dev.bufferdeck.playlist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The playlist file formats BufferDeck reads and writes. */
public enum PlaylistFormat {
    /** Extended M3U, Latin-1 unless the bytes are UTF-8 (or have a byte-order mark). */
    M3U("m3u", "audio/x-mpegurl"),
    /** Extended M3U in UTF-8. */
    M3U8("m3u8", "application/vnd.apple.mpegurl"),
    /** PLS version 2. */
    PLS("pls", "audio/x-scpls"),
    /** XSPF version 1 (XML). */
    XSPF("xspf", "application/xspf+xml");

    private final String extension;
    private final String mimeType;

    PlaylistFormat(String extension, String mimeType) {
        this.extension = extension;
        this.mimeType = mimeType;
    }

    /** File name extension without the dot, e.g. "m3u8". */
    public String extension() { return extension; }

    public String mimeType() { return mimeType; }

    /** The format a file name's extension names. */
    public static Optional<PlaylistFormat> forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (PlaylistFormat f : values()) if (lower.endsWith("." + f.extension)) return Optional.of(f);
        return Optional.empty();
    }

    /** The format the first bytes look like; M3U8 for anything that looks like a list of lines. */
    public static Optional<PlaylistFormat> sniff(byte[] bytes) {
        String head = PlaylistText.decode(Arrays.copyOf(bytes, Math.min(bytes.length, 512)), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<?xml") || head.startsWith("<playlist")) return Optional.of(XSPF);
        if (head.startsWith("[playlist]")) return Optional.of(PLS);
        if (head.startsWith("#extm3u")) return Optional.of(M3U8);
        return Optional.empty();
    }

    /** {@link #sniff(byte[])} on the first bytes of a source. */
    public static Optional<PlaylistFormat> sniff(PlaylistSource source) throws IOException {
        try (InputStream in = source.open()) {
            return sniff(in.readNBytes(512));
        }
    }

    /** Reads entries from a playlist's bytes; see {@link #read(PlaylistSource, String)}. */
    public List<PlaylistEntry> read(byte[] bytes, String playlistOrigin) throws PlaylistFormatException {
        return read(PlaylistSource.of(bytes), playlistOrigin);
    }

    /**
     * Reads entries (not yet tied to buffers) from a playlist, streaming, within {@link PlaylistLimits}.
     *
     * @param playlistOrigin path or URL of the playlist itself, against which relative locations
     *                       resolve; null when there is none (relative locations stay relative)
     */
    public List<PlaylistEntry> read(PlaylistSource source, String playlistOrigin) throws PlaylistFormatException {
        try {
            return switch (this) {
                case M3U -> M3uCodec.read(source, playlistOrigin, false);
                case M3U8 -> M3uCodec.read(source, playlistOrigin, true);
                case PLS -> PlsCodec.read(source, playlistOrigin);
                case XSPF -> XspfCodec.read(source, playlistOrigin);
            };
        } catch (BoundedInput.TooLarge e) {
            throw new PlaylistFormatException(e.getMessage(), e);
        } catch (IOException e) {
            throw new PlaylistFormatException("cannot read it (" + e.getMessage() + ")", e);
        }
    }

    /** The file's bytes for these entries; origins are written as they are (absolute paths and URLs). */
    public byte[] write(List<PlaylistEntry> entries) {
        return switch (this) {
            case M3U -> M3uCodec.write(entries, false);
            case M3U8 -> M3uCodec.write(entries, true);
            case PLS -> PlsCodec.write(entries);
            case XSPF -> XspfCodec.write(entries);
        };
    }

    /**
     * Whether this format can hold the entry so that a player (BufferDeck included) reads it back:
     * its origin is a path or URL outside BufferDeck (not the built-in {@code bufferdeck:} clip, not
     * empty), and for the line-based formats it has no line break.
     */
    public boolean canHold(PlaylistEntry entry) {
        String origin = entry.origin();
        if (origin.isBlank() || origin.regionMatches(true, 0, "bufferdeck:", 0, "bufferdeck:".length())) return false;
        return this == XSPF || !PlaylistText.hasLineBreak(origin);
    }
}
