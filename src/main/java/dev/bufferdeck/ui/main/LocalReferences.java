package dev.bufferdeck.ui.main;

import dev.bufferdeck.repository.LocalFiles;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** A cheap look at a reference's local file (no read), so a gone file is marked before its turn. */
final class LocalReferences {
    private LocalReferences() {}

    /** Why the file at {@code location} cannot be read, or null when it can, or it is not a local file (a URL). */
    static String whyUnreadable(String location) {
        if (location == null) return null;
        Path path;
        try {
            if (location.startsWith("file:")) path = Path.of(URI.create(location));
            else if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !location.matches("^[a-zA-Z]:[\\\\/].*")) return null;
            else path = Path.of(location);
        } catch (IllegalArgumentException e) { // a bad URI or path
            return null; // the load in its turn says what is wrong with it
        }
        if (!Files.exists(path)) return "no such file";
        return LocalFiles.refusal(path);
    }
}
