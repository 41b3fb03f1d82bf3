package dev.bufferdeck.playlist;

import dev.bufferdeck.repository.LocalFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reading and writing playlist files, the format chosen by the file name (or the content). */
public final class PlaylistFiles {
    private PlaylistFiles() {}

    /**
     * Reads a playlist file, streaming and within {@link PlaylistLimits}; a folder, FIFO or device
     * is refused by the same rule as media files. Every failure is one line naming the file.
     */
    public static List<PlaylistEntry> read(Path file) throws PlaylistFormatException {
        try {
            String refusal = LocalFiles.refusal(file);
            if (refusal != null) throw new PlaylistFormatException(refusal);
            PlaylistSource source = () -> Files.newInputStream(file);
            PlaylistFormat format = PlaylistFormat.forFileName(String.valueOf(file.getFileName()))
                    .or(() -> sniffQuietly(source))
                    .orElseThrow(() -> new PlaylistFormatException("not a known playlist format (use .m3u, .m3u8, .pls or .xspf)"));
            return format.read(source, file.toAbsolutePath().toString());
        } catch (PlaylistFormatException e) {
            String reason = e.getCause() instanceof NoSuchFileException ? "no such file" : e.getMessage();
            throw new PlaylistFormatException("playlist " + file + ": " + reason, e);
        } catch (OutOfMemoryError e) {
            throw new PlaylistFormatException("playlist " + file + ": not enough memory to read it", e);
        }
    }

    private static Optional<PlaylistFormat> sniffQuietly(PlaylistSource source) {
        try {
            return PlaylistFormat.sniff(source);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the entries in the format the file name's extension names, leaving out those it cannot
     * hold so that a player reads them back ({@link PlaylistFormat#canHold}).
     *
     * @return how many entries were left out
     */
    public static int write(Path file, List<PlaylistEntry> entries) throws PlaylistFormatException {
        PlaylistFormat format = PlaylistFormat.forFileName(file.getFileName().toString())
                .orElseThrow(() -> new PlaylistFormatException("cannot save " + file
                        + ": choose a name ending in .m3u, .m3u8, .pls or .xspf"));
        List<PlaylistEntry> kept = entries.stream().filter(format::canHold).toList();
        try {
            Files.write(file, format.write(kept));
        } catch (IOException e) {
            throw new PlaylistFormatException("cannot save playlist " + file + ": " + e.getMessage(), e);
        }
        return entries.size() - kept.size();
    }
}
