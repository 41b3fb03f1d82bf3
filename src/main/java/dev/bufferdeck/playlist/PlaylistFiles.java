package dev.bufferdeck.playlist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reading and writing playlist files, the format chosen by the file name (or the content). */
public final class PlaylistFiles {
    /** A playlist larger than this is refused rather than read into memory. */
    public static final int MAX_PLAYLIST_BYTES = 32 * 1024 * 1024;

    private PlaylistFiles() {}

    public static List<PlaylistEntry> read(Path file) throws PlaylistFormatException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_PLAYLIST_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new PlaylistFormatException("playlist " + file + ": no such file", e);
        } catch (IOException e) {
            throw new PlaylistFormatException("playlist " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        if (bytes.length > MAX_PLAYLIST_BYTES) {
            throw new PlaylistFormatException("playlist " + file + ": larger than " + (MAX_PLAYLIST_BYTES >> 20) + " MiB, not read");
        }
        PlaylistFormat format = PlaylistFormat.forFileName(file.getFileName().toString())
                .or(() -> PlaylistFormat.sniff(bytes))
                .orElseThrow(() -> new PlaylistFormatException("playlist " + file
                        + ": not a known playlist format (use .m3u, .m3u8, .pls or .xspf)"));
        try {
            return format.read(bytes, file.toAbsolutePath().toString());
        } catch (PlaylistFormatException e) {
            throw new PlaylistFormatException("playlist " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the entries in the format the file name's extension names. */
    public static void write(Path file, List<PlaylistEntry> entries) throws PlaylistFormatException {
        PlaylistFormat format = PlaylistFormat.forFileName(file.getFileName().toString())
                .orElseThrow(() -> new PlaylistFormatException("cannot save " + file
                        + ": choose a name ending in .m3u, .m3u8, .pls or .xspf"));
        try {
            Files.write(file, format.write(entries));
        } catch (IOException e) {
            throw new PlaylistFormatException("cannot save playlist " + file + ": " + e.getMessage(), e);
        }
    }
}
