package dev.bufferdeck.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one rule for every local read (media files and playlists alike): only a regular file is
 * opened. Opening a FIFO blocks until a writer appears and a device may never end, so both are
 * refused before the open.
 */
public final class LocalFiles {
    private LocalFiles() {}

    /** Why {@code path} must not be read, or null when it may be (a missing file is left to the open to report). */
    public static String refusal(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            return null;
        }
        if (attributes.isDirectory()) return "is a folder, not a file";
        if (!attributes.isRegularFile()) return "not a regular file (a device or pipe)";
        return null;
    }
}
