package dev.bufferdeck.ui.services;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.BudgetExceededException;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.repository.Reservation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Temporary loader until the sources package lands: files, folders and http(s) URLs. */
public final class StandInSourceLoading implements SourceLoading {
    private static final List<String> MEDIA = List.of(".mp3", ".wav", ".ogg", ".oga", ".opus", ".flac",
            ".aif", ".aiff", ".au", ".m4a", ".mp4", ".webm", ".mka", ".mid");
    private final MediaRepository repository;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();

    public StandInSourceLoading(MediaRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<String> expand(String pathOrUrl) {
        if (isUrl(pathOrUrl)) return List.of(pathOrUrl);
        Path path = Path.of(pathOrUrl);
        if (!Files.isDirectory(path)) return List.of(pathOrUrl);
        try (Stream<Path> walk = Files.walk(path, 8)) {
            return walk.filter(Files::isRegularFile).filter(StandInSourceLoading::looksLikeMedia)
                    .sorted().map(Path::toString).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean looksLikeMedia(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return MEDIA.stream().anyMatch(name::endsWith);
    }

    private static boolean isUrl(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    @Override
    public AddResult load(String pathOrUrl, ProgressSink progress, CancelFlag cancel) throws LoadFailure {
        return isUrl(pathOrUrl) ? loadUrl(pathOrUrl, progress, cancel) : loadFile(Path.of(pathOrUrl), progress, cancel);
    }

    private AddResult loadFile(Path path, ProgressSink progress, CancelFlag cancel) throws LoadFailure {
        try {
            long size = Files.size(path);
            if (size > MediaRepository.MAX_BUFFER_SIZE) throw new LoadFailure(path + ": too large for one buffer");
            try (Reservation r = repository.reserve(size); InputStream in = Files.newInputStream(path)) {
                byte[] bytes = readFully(in, (int) size, progress, cancel, path.toString());
                return repository.add(r, bytes, null, path.getFileName().toString(), new Origin.File(path),
                        extension(path.getFileName().toString()));
            }
        } catch (BudgetExceededException e) {
            throw new LoadFailure(path + ": " + e.getMessage());
        } catch (IOException e) {
            throw new LoadFailure(path + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private AddResult loadUrl(String url, ProgressSink progress, CancelFlag cancel) throws LoadFailure {
        URI uri = URI.create(url);
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() >= 400) {
                    throw new LoadFailure(url + ": HTTP " + response.statusCode());
                }
                long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                byte[] bytes;
                try (Reservation r = repository.reserve(Math.max(length, 0))) {
                    bytes = length >= 0 ? readFully(in, (int) length, progress, cancel, url) : in.readAllBytes();
                    if (length < 0) r.grow(bytes.length);
                    String path = response.uri().getPath();
                    String name = path == null || path.isEmpty() || path.endsWith("/") ? response.uri().getHost()
                            : path.substring(path.lastIndexOf('/') + 1);
                    Origin origin = new Origin.Url(uri, response.uri(), response.statusCode(), response.headers().map());
                    return repository.add(r, bytes, null, name, origin,
                            response.headers().firstValue("Content-Type").orElse(extension(name)));
                }
            }
        } catch (BudgetExceededException e) {
            throw new LoadFailure(url + ": " + e.getMessage());
        } catch (IOException e) {
            throw new LoadFailure(url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailure(url + ": interrupted");
        }
    }

    private static byte[] readFully(InputStream in, int size, ProgressSink progress, CancelFlag cancel, String name)
            throws IOException, LoadFailure {
        byte[] bytes = new byte[size];
        int off = 0;
        while (off < size) {
            if (cancel.isCancelled()) throw new LoadFailure(name + ": cancelled");
            int n = in.read(bytes, off, Math.min(1 << 20, size - off));
            if (n < 0) throw new LoadFailure(name + ": ended after " + off + " of " + size + " bytes");
            off += n;
            progress.progress(off, size);
        }
        return bytes;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public AddResult addDropped(byte[] bytes, String mimeType, String name) throws LoadFailure {
        try {
            return repository.add(bytes, name, new Origin.Dropped(mimeType, name), mimeType);
        } catch (BudgetExceededException e) {
            throw new LoadFailure(name + ": " + e.getMessage());
        }
    }

}
