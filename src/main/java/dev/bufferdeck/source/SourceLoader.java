package dev.bufferdeck.source;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.BudgetExceededException;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Gets bytes into the repository from a path, a URL or a drop. Thread-safe: loads may run on several
 * threads at once. Close it to shut the HTTP client down.
 */
public final class SourceLoader implements AutoCloseable {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);
    private static final int MAX_FOLDER_DEPTH = 32;

    private final MediaRepository repository;
    private final HttpSettings settings;
    private final FileLoader files;
    private UrlLoader urls;
    private LiveSettings live = LiveSettings.DEFAULTS;
    private boolean closed;

    public SourceLoader(MediaRepository repository) {
        this(repository, HttpSettings.DEFAULTS);
    }

    public SourceLoader(MediaRepository repository, HttpSettings settings) {
        this.repository = repository;
        this.settings = settings;
        this.files = new FileLoader(repository);
    }

    public MediaRepository repository() {
        return repository;
    }

    /** Loads without progress and without a way to cancel. */
    public AddResult load(String pathOrUrl) throws LoadException {
        return load(pathOrUrl, LoadProgress.NONE, new Cancellation());
    }

    /**
     * Loads one file or URL into the repository. Nothing is added unless every byte arrived.
     *
     * @return the new buffer, or the one already holding the same bytes ({@code duplicate})
     */
    public AddResult load(String pathOrUrl, LoadProgress progress, Cancellation cancel) throws LoadException {
        return load(pathOrUrl, progress, cancel, LoadEvents.NONE);
    }

    /**
     * Loads like {@link #load(String, LoadProgress, Cancellation)}; a URL's buffer is listed in the
     * repository at its first bytes and handed to {@code events.started} then (on this thread), so
     * that it can play while the rest arrives. A file loads whole and is not handed over early.
     * Returns when every byte is here. An endless stream (Icecast/Shoutcast) becomes a live buffer
     * of the most recent bytes ({@link LiveSettings}); it is reconnected when it drops, and the load
     * returns when it is cancelled (the buffer stays, holding its window) or lost for good.
     */
    public AddResult load(String pathOrUrl, LoadProgress progress, Cancellation cancel,
                          LoadEvents events) throws LoadException {
        String source = pathOrUrl.strip();
        if (source.isEmpty()) throw new LoadException("(empty)", LoadException.Kind.NOT_FOUND, "no path or URL given");
        if (isUrl(source)) {
            URI uri = parseUrl(source);
            if ("file".equalsIgnoreCase(uri.getScheme())) {
                return files.load(fileUriToPath(source, uri), source, progress, cancel);
            }
            return urlLoader().load(source, uri, progress, cancel, events);
        }
        return files.load(toPath(source), source, progress, cancel);
    }

    /** Loads one local file. */
    public AddResult load(Path file, LoadProgress progress, Cancellation cancel) throws LoadException {
        return files.load(file, file.toString(), progress, cancel);
    }

    /**
     * What {@code pathOrUrl} stands for: a folder becomes the media files inside it and its
     * sub-folders (by extension, sorted, playlists and hidden files left out); anything else is
     * itself.
     */
    public List<String> expand(String pathOrUrl) {
        String source = pathOrUrl.strip();
        Path path;
        try {
            if (isUrl(source)) {
                URI uri = parseUrl(source);
                if (!"file".equalsIgnoreCase(uri.getScheme())) return List.of(source);
                path = fileUriToPath(source, uri);
            } else {
                path = toPath(source);
            }
        } catch (LoadException e) {
            return List.of(source);
        }
        if (!Files.isDirectory(path)) return List.of(source);
        return walk(path);
    }

    /** Loads everything a drop holds, one outcome per source; stops at a cancel. */
    public List<LoadOutcome> load(DropPayload payload, LoadProgress progress, Cancellation cancel) {
        List<LoadOutcome> outcomes = new ArrayList<>();
        for (String item : payload.sources()) {
            for (String source : expand(item)) {
                LoadOutcome outcome;
                try {
                    outcome = LoadOutcome.loaded(source, load(source, progress, cancel));
                } catch (LoadException e) {
                    outcome = LoadOutcome.failed(e);
                }
                outcomes.add(outcome);
                if (cancel.isCancelled()) return outcomes;
            }
        }
        for (DropPayload.Data data : payload.data()) {
            if (cancel.isCancelled()) {
                outcomes.add(LoadOutcome.failed(new LoadException(data.description(), LoadException.Kind.CANCELLED, "cancelled")));
                return outcomes;
            }
            try {
                progress.progress(0, data.bytes().length);
                AddResult result = repository.add(data.bytes(), data.name(),
                        new Origin.Dropped(data.mimeType(), data.description()), data.mimeType());
                progress.progress(data.bytes().length, data.bytes().length);
                outcomes.add(LoadOutcome.loaded(data.description(), result));
            } catch (BudgetExceededException e) {
                outcomes.add(LoadOutcome.failed(new LoadException(data.description(), LoadException.Kind.OVER_BUDGET, e.getMessage(), e)));
            }
        }
        return outcomes;
    }

    /** True when {@code text} names a URL (http, https, file, or another scheme to refuse), not a path. */
    public static boolean isUrl(String text) {
        // "C:\music" and "C:/music" are Windows paths, not a URL with scheme "c"
        return SCHEME.matcher(text).matches() && !text.matches("^[A-Za-z]:[\\\\/].*");
    }

    private static List<String> walk(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_FOLDER_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && !isHidden(file) && MediaExtensions.isMedia(name)) found.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // what was found before the failure is still worth loading
        }
        found.sort(Comparator.comparing((Path p) -> p.toString().toLowerCase(Locale.ROOT)).thenComparing(Path::toString));
        List<String> result = new ArrayList<>(found.size());
        for (Path p : found) result.add(p.toString());
        return result;
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static Path toPath(String source) throws LoadException {
        try {
            return Path.of(source);
        } catch (InvalidPathException e) {
            throw new LoadException(source, LoadException.Kind.NOT_FOUND, "not a valid path: " + e.getReason(), e);
        }
    }

    private static Path fileUriToPath(String source, URI uri) throws LoadException {
        try {
            return Path.of(uri);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new LoadException(source, LoadException.Kind.NOT_FOUND, "not a valid file URL", e);
        }
    }

    /** Accepts what people paste: spaces and non-ASCII characters in the path are quoted here. */
    static URI parseUrl(String source) throws LoadException {
        try {
            return new URI(source);
        } catch (URISyntaxException strict) {
            try {
                URL url = new URL(source);
                return new URI(url.getProtocol(), url.getUserInfo(), url.getHost(), url.getPort(),
                        url.getPath(), url.getQuery(), url.getRef());
            } catch (MalformedURLException | URISyntaxException e) {
                throw new LoadException(source, LoadException.Kind.UNSUPPORTED, "not a valid URL: "
                        + strict.getReason(), strict);
            }
        }
    }

    private synchronized UrlLoader urlLoader() {
        if (closed) throw new IllegalStateException("source loader closed");
        if (urls == null) urls = new UrlLoader(repository, settings, live);
        return urls;
    }

    /** Sets the live-stream window and reconnect policy for loads started after this call. */
    public synchronized void setLiveSettings(LiveSettings settings) {
        live = settings;
        if (urls != null) urls.setLiveSettings(settings);
    }

    /** HTTP connections handed out to loads and not yet returned (for tests: 0 when idle). */
    synchronized int leasedConnections() {
        return urls == null ? 0 : urls.leasedConnections();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (urls != null) urls.close();
        urls = null;
    }
}
