package dev.bufferdeck.playlist;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.repository.UrlRedaction;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sources a user names (paths, folders, URLs) with the playlists among them replaced by their
 * entries, as mpv and VLC do: M3U, M3U8, PLS and XSPF by name, local or at a URL; entries relative
 * to the playlist; playlists listed in playlists followed to {@link PlaylistLimits#MAX_NESTING}
 * levels; a playlist that lists itself (directly or through others) refused; the whole expansion
 * within {@link PlaylistLimits#MAX_ENTRIES}. Runs off the FX thread: it reads files and URLs.
 */
public final class SourceExpansion {
    /** Loads a URL into the repository; the exception's message is one line naming the URL. */
    @FunctionalInterface
    public interface UrlLoads {
        AddResult load(String url) throws Exception;
    }

    /**
     * What one source stands for.
     *
     * @param sources  the media sources, in order
     * @param problems one line for each playlist that could not be read or was left out
     */
    public record Result(List<String> sources, List<String> problems) {}

    private final Function<String, List<String>> folders;
    private final UrlLoads urls;
    private final MediaRepository repository;

    /**
     * @param folders    what a non-playlist source stands for (a folder: the media inside; else itself)
     * @param urls       how a playlist at a URL is loaded
     * @param repository where {@code urls} puts what it loads; a playlist's buffer is removed once read
     */
    public SourceExpansion(Function<String, List<String>> folders, UrlLoads urls, MediaRepository repository) {
        this.folders = folders;
        this.urls = urls;
        this.repository = repository;
    }

    /** True when the name (a path, or a URL's path) ends in a playlist extension. */
    public static boolean isPlaylist(String source) {
        String name = source.strip();
        if (isHttp(name)) {
            try {
                name = String.valueOf(URI.create(name).getPath());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return PlaylistFormat.forFileName(name).isPresent();
    }

    public Result expand(String given) {
        Expansion e = new Expansion();
        e.expand(given, 0);
        return new Result(List.copyOf(e.sources), e.problems.stream().map(UrlRedaction::redact).toList());
    }

    private final class Expansion {
        final List<String> sources = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<String> chain = new ArrayList<>();
        boolean full;

        void expand(String source, int depth) {
            if (full) return;
            if (!isPlaylist(source)) {
                for (String s : folders.apply(source)) {
                    if (sources.size() >= PlaylistLimits.MAX_ENTRIES) {
                        full = true;
                        problems.add("more than " + PlaylistLimits.entries() + " from playlists (the limit), the rest left out");
                        return;
                    }
                    sources.add(s);
                }
                return;
            }
            String key = identity(source);
            if (chain.contains(key)) {
                problems.add("playlist " + source + ": lists itself (" + String.join(" → ", chain) + " → "
                        + key + "), left out");
                return;
            }
            if (depth >= PlaylistLimits.MAX_NESTING) {
                problems.add("playlist " + source + ": playlists nested deeper than " + PlaylistLimits.MAX_NESTING
                        + " levels, left out");
                return;
            }
            List<PlaylistEntry> entries;
            try {
                entries = read(source);
            } catch (PlaylistFormatException e) {
                problems.add(e.getMessage());
                return;
            }
            if (entries.isEmpty()) {
                problems.add("playlist " + source + ": no entries");
                return;
            }
            chain.add(key);
            for (PlaylistEntry entry : entries) expand(entry.origin(), depth + 1);
            chain.remove(chain.size() - 1);
        }
    }

    private List<PlaylistEntry> read(String source) throws PlaylistFormatException {
        String s = source.strip();
        if (!isHttp(s)) return PlaylistFiles.read(localPath(s));
        AddResult loaded;
        try {
            loaded = urls.load(s);
        } catch (Exception e) {
            throw new PlaylistFormatException(String.valueOf(e.getMessage()), e);
        }
        MediaBuffer buffer = loaded.buffer();
        try {
            if (buffer.size() > PlaylistLimits.MAX_BYTES) {
                throw new PlaylistFormatException("playlist " + s + ": larger than " + PlaylistLimits.bytes()
                        + " (the limit for a playlist), not read");
            }
            PlaylistSource bytes = buffer::openStream;
            String base = buffer.origin() instanceof Origin.Url u ? u.finalUri().toString() : s;
            Optional<PlaylistFormat> format = PlaylistFormat.forFileName(String.valueOf(URI.create(base).getPath()))
                    .or(() -> PlaylistFormat.forFileName(String.valueOf(URI.create(s).getPath())));
            try {
                return format.orElseThrow().read(bytes, base);
            } catch (PlaylistFormatException e) {
                throw new PlaylistFormatException("playlist " + s + ": " + e.getMessage(), e);
            }
        } finally {
            if (!loaded.duplicate()) repository.remove(buffer);
        }
    }

    private static Path localPath(String source) throws PlaylistFormatException {
        try {
            if (source.regionMatches(true, 0, "file:", 0, 5)) return Path.of(URI.create(source));
            return Path.of(source);
        } catch (RuntimeException e) {
            throw new PlaylistFormatException("playlist " + source + ": not a valid path", e);
        }
    }

    /** The same playlist named two ways (relative, with "..", as a file: URL) has one identity. */
    private static String identity(String source) {
        String s = source.strip();
        if (isHttp(s)) return s;
        try {
            return localPath(s).toAbsolutePath().normalize().toString();
        } catch (PlaylistFormatException | RuntimeException e) {
            return s;
        }
    }

    private static boolean isHttp(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
