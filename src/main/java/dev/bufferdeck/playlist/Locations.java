package dev.bufferdeck.playlist;

import java.io.File;
import java.io.IOError;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Turning what a playlist file says into an origin (absolute path or URL), and back. */
final class Locations {
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);

    private Locations() {}

    /** A URL such as {@code http://…} or {@code file:/…}; not a Windows drive path such as {@code C:\…}. */
    static boolean isUrl(String s) {
        if (!URL.matcher(s).matches()) return false;
        int colon = s.indexOf(':');
        return s.startsWith("//", colon + 1) || s.regionMatches(true, 0, "file:", 0, 5);
    }

    /**
     * The origin for a location written as a path or URL (M3U, PLS): URLs are kept, {@code file:}
     * URLs become paths, relative paths are resolved against the playlist's own folder (or URL).
     *
     * @param playlistOrigin path or URL of the playlist itself, or null when unknown
     */
    static String resolve(String location, String playlistOrigin) {
        String s = location.strip();
        if (isUrl(s)) return fileUrlToPath(s);
        if (File.separatorChar == '/' && s.indexOf('\\') >= 0 && !looksLikeDrivePath(s)) {
            s = s.replace('\\', '/');
        }
        if (playlistOrigin == null) return s;
        if (File.separatorChar == '/' && looksLikeDrivePath(s)) return s;
        if (isUrl(playlistOrigin) && !playlistOrigin.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                return URI.create(playlistOrigin).resolve(new URI(null, null, s, null)).toString();
            } catch (IllegalArgumentException | URISyntaxException e) {
                return s;
            }
        }
        try {
            Path path = Path.of(s);
            if (path.isAbsolute()) return path.normalize().toString();
            Path folder = basePath(playlistOrigin).getParent();
            return folder == null ? path.toString() : folder.resolve(path).normalize().toString();
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The origin for a location written as a URI reference (XSPF): relative ones resolve like URLs. */
    static String resolveUri(String uriReference, String playlistOrigin) {
        String s = uriReference.strip();
        if (isUrl(s)) return fileUrlToPath(s);
        if (playlistOrigin == null) return percentDecoded(s);
        try {
            URI base = isUrl(playlistOrigin) ? URI.create(playlistOrigin) : basePath(playlistOrigin).toUri();
            return fileUrlToPath(base.resolve(URI.create(s)).toString());
        } catch (IllegalArgumentException e) {
            return resolve(percentDecoded(s), playlistOrigin);
        }
    }

    /** How an origin is written where a URI is expected: URLs as they are, paths as {@code file:} URIs. */
    static String toUri(String origin) {
        if (isUrl(origin)) return origin;
        try {
            return Path.of(origin).toAbsolutePath().toUri().toASCIIString();
        } catch (IllegalArgumentException | IOError | SecurityException e) {
            return origin;
        }
    }

    private static Path basePath(String playlistOrigin) {
        if (playlistOrigin.regionMatches(true, 0, "file:", 0, 5)) return Path.of(URI.create(playlistOrigin));
        return Path.of(playlistOrigin).toAbsolutePath();
    }

    private static String fileUrlToPath(String s) {
        if (!s.regionMatches(true, 0, "file:", 0, 5)) return s;
        try {
            return Path.of(URI.create(s)).toString();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return s;
        }
    }

    private static String percentDecoded(String s) {
        try {
            return new URI(s).getPath() != null ? new URI(s).getPath() : s;
        } catch (URISyntaxException e) {
            return s;
        }
    }

    private static boolean looksLikeDrivePath(String s) {
        return s.length() >= 2 && Character.isLetter(s.charAt(0)) && s.charAt(1) == ':';
    }
}
