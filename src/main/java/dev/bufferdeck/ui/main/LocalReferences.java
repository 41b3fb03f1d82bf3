package dev.bufferdeck.ui.main;

import dev.bufferdeck.repository.LocalFiles;
import dev.bufferdeck.source.FileGlimpse;

import java.nio.file.Files;
import java.nio.file.Path;

/** A cheap look at a reference's local file (no read), so a gone file is marked before its turn. */
final class LocalReferences {
    private LocalReferences() {}

    /** Why the file at {@code location} cannot be read, or null when it can, or it is not a local file (a URL). */
    static String whyUnreadable(String location) {
        Path path = FileGlimpse.localPath(location);
        if (path == null) return null; // a URL, or a bad name the load in its turn explains
        if (!Files.exists(path)) return "no such file";
        return LocalFiles.refusal(path);
    }
}
