package dev.bufferdeck.desktop.mpris;

import dev.bufferdeck.format.tags.CoverArt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one cover image the desktop may read by URL ({@code mpris:artUrl}). It lives only in
 * {@code $XDG_RUNTIME_DIR} (a per-user tmpfs: memory, not disk), owner-only, and is removed when
 * the track changes and on exit. Without that directory there is no file and no artUrl.
 */
final class CoverFile {
    private final Path directory;
    private Path written;

    /** {@code directory} null: covers are never written. */
    CoverFile(Path directory) {
        this.directory = directory;
    }

    /** Replaces the current cover file with this one; its {@code file:} URL, or empty. */
    Optional<String> show(long bufferId, CoverArt cover) {
        remove();
        if (directory == null) return Optional.empty();
        Path file = directory.resolve("bufferdeck-cover-" + ProcessHandle.current().pid() + "-" + bufferId + extension(cover));
        try (SeekableByteChannel out = Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            written = file;
            ByteBuffer data = cover.data();
            while (data.hasRemaining()) out.write(data);
            return Optional.of(file.toUri().toString());
        } catch (IOException | UnsupportedOperationException e) {
            remove();
            return Optional.empty();
        }
    }

    /** Removes the file written last, if any. */
    void remove() {
        if (written == null) return;
        try {
            Files.deleteIfExists(written);
        } catch (IOException e) {
            System.err.println("BufferDeck: could not remove " + written + ": " + e.getMessage());
        }
        written = null;
    }

    private static String extension(CoverArt cover) {
        String mime = cover.mimeType() == null ? "" : cover.mimeType().toLowerCase(Locale.ROOT);
        if (mime.contains("png")) return ".png";
        if (mime.contains("gif")) return ".gif";
        if (mime.contains("webp")) return ".webp";
        return ".jpg";
    }
}
