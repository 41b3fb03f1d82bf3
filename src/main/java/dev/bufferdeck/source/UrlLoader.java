package dev.bufferdeck.source;

import dev.bufferdeck.repository.UrlRedaction;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.BudgetExceededException;
import dev.bufferdeck.repository.BufferWriter;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import java.io.EOFException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Loads http and https URLs with one pooled Apache HttpClient. Redirects are followed here, not by
 * the client, so that each hop's scheme is checked and counted.
 *
 * <p>Compression: the request says {@code Accept-Encoding: identity}. Media is compressed already,
 * and an identity body's Content-Length is the exact size of the buffer, which lets the load reserve
 * and allocate once. A server that compresses anyway (gzip, x-gzip, deflate) is decoded here; its
 * Content-Length then counts the compressed bytes on the wire, so it is checked against those and the
 * decoded body is collected as one of unknown length.
 */
final class UrlLoader implements AutoCloseable {
    private static final int READ_SIZE = 256 * 1024;

    private final MediaRepository repository;
    private final HttpSettings settings;
    private volatile LiveSettings live;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;

    UrlLoader(MediaRepository repository, HttpSettings settings, LiveSettings live) {
        this.repository = repository;
        this.live = live;
        this.settings = settings;
        Duration socketTimeout = max(settings.responseTimeout(), settings.idleTimeout()).plusSeconds(5);
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(StrictLengthConnection.FACTORY)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(socketTimeout))
                        .build())
                .setMaxConnPerRoute(8)
                .setMaxConnTotal(32)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("BufferDeck")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(socketTimeout))
                        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                        .build())
                .build();
    }

    /** Connections handed out and not yet returned; 0 whenever no load is running. */
    int leasedConnections() {
        return connections.getTotalStats().getLeased();
    }

    void setLiveSettings(LiveSettings settings) {
        live = settings;
    }

    /**
     * Loads one URL, following redirects to the body. Credentials in a URL ({@code user:pw@}) go
     * into that request's Authorization header, and into the redirects that stay on the same scheme,
     * host and port; they are never sent elsewhere, and every message and origin shows them
     * redacted. A live stream that drops is requested again, up to the configured tries in a row,
     * each after a longer pause; its buffer keeps growing across reconnects.
     */
    AddResult load(String source, URI requested, LoadProgress progress, Cancellation cancel,
                   LoadEvents events) throws LoadException {
        LiveStream stream = new LiveStream(live);
        while (true) {
            try {
                return loadOnce(source, requested, progress, cancel, events, stream);
            } catch (LoadException e) {
                if (stream.writer == null) throw e;
                if (e.isCancelled() || !stream.writer.isOpen()) {
                    stream.writer.end();
                    return new AddResult(stream.writer.buffer(), false);
                }
                int tries = stream.settings.reconnectTries();
                if (++stream.failures > tries) {
                    stream.writer.end();
                    throw failure(source, e.kind(), e.reason() + (tries == 0 ? "" : "; "
                            + tries + " reconnect tries failed"), e);
                }
                events.notice(UrlRedaction.redact(source) + ": stream lost (" + e.reason() + "), reconnecting ("
                        + stream.failures + " of " + tries + ")");
                if (!pause(stream.settings.backoff().multipliedBy(1L << (stream.failures - 1)), cancel)) {
                    stream.writer.end();
                    return new AddResult(stream.writer.buffer(), false);
                }
            }
        }
    }

    /** Waits {@code d} unless cancelled first; false when cancelled. */
    private static boolean pause(Duration d, Cancellation cancel) {
        CountDownLatch cancelled = new CountDownLatch(1);
        try (Cancellation.Registration ignored = cancel.onCancel(cancelled::countDown)) {
            return !cancelled.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A live stream across its reconnects: the buffer it fills and the drops in a row. */
    private static final class LiveStream {
        final LiveSettings settings;
        BufferWriter writer;
        int failures;

        LiveStream(LiveSettings settings) {
            this.settings = settings;
        }
    }

    private AddResult loadOnce(String source, URI requested, LoadProgress progress, Cancellation cancel,
                               LoadEvents events, LiveStream stream) throws LoadException {
        checkScheme(source, requested, null);
        URI current = requested;
        String credentials = requested.getUserInfo();
        List<URI> chain = new ArrayList<>(List.of(requested));
        for (int hops = 0; ; hops++) {
            if (cancel.isCancelled()) throw failure(source, LoadException.Kind.CANCELLED, "cancelled");
            Exchange exchange;
            try {
                exchange = new Exchange(source, requested, current, credentials, progress, cancel, events, stream);
            } catch (IllegalArgumentException e) {
                throw failure(source, LoadException.Kind.UNSUPPORTED, "not a valid URL: " + Failures.describe(e), e);
            }
            URI next;
            try {
                next = exchange.run();
            } catch (LoadException e) {
                throw hops == 0 || e.isCancelled() ? e : atHop(e, chain);
            }
            if (next == null) return exchange.result;
            if (hops + 1 > settings.maxRedirects()) {
                throw failure(source, LoadException.Kind.REDIRECT,
                        "redirected more than " + settings.maxRedirects() + " times");
            }
            checkScheme(source, next, "redirect to ");
            if (next.getUserInfo() != null) credentials = next.getUserInfo();
            else if (!sameOrigin(current, next)) credentials = null;
            current = next;
            chain.add(next);
        }
    }

    /** A failure after a redirect names the hop that failed and the chain that led there, not just the first URL. */
    private static LoadException atHop(LoadException e, List<URI> chain) {
        StringBuilder path = new StringBuilder();
        for (URI hop : chain) path.append(path.length() == 0 ? "" : " → ").append(hop);
        return new LoadException(e.source(), e.kind(), chain.get(chain.size() - 1) + ": " + e.reason()
                + " (redirect chain: " + path + ")", e.getCause());
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** One request and its response: a redirect to follow, or the body loaded into the repository. */
    private final class Exchange {
        private final String source;
        private final URI requested;
        private final URI uri;
        private final LoadProgress progress;
        private final Cancellation cancel;
        private final HttpGet request;
        private final LoadEvents events;
        private final LiveStream stream;
        private AddResult result;
        private BufferWriter writer;
        private long bytesRead;
        private long expected = -1;

        Exchange(String source, URI requested, URI uri, String credentials, LoadProgress progress,
                 Cancellation cancel, LoadEvents events, LiveStream stream) {
            this.events = events;
            this.stream = stream;
            this.source = source;
            this.requested = requested;
            this.uri = uri;
            this.progress = progress;
            this.cancel = cancel;
            this.request = new HttpGet(withoutUserInfo(uri));
            request.setHeader("Accept-Encoding", "identity");
            if (credentials != null) {
                request.setHeader("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            request.setHeader("Icy-MetaData", "1");
        }

        /** @return where the server redirects to, or null when the body was loaded */
        URI run() throws LoadException {
            try (Watchdog watchdog = new Watchdog(request::cancel);
                 Cancellation.Registration ignored = cancel.onCancel(request::cancel)) {
                watchdog.arm(settings.connectTimeout().plus(settings.responseTimeout()),
                        "no response within " + seconds(settings.connectTimeout().plus(settings.responseTimeout())));
                try {
                    return exchange(watchdog);
                } catch (IOException | RuntimeException e) {
                    request.cancel();
                    LoadException failure = translate(e, watchdog);
                    if (writer != null) writer.fail(failure.isCancelled() ? "load cancelled" : failure.reason());
                    throw failure;
                } catch (LoadException e) {
                    if (writer != null) writer.fail(e.reason());
                    throw e;
                } finally {
                    if (writer != null) writer.close();
                }
            }
        }

        private URI exchange(Watchdog watchdog) throws IOException, LoadException {
            HttpClientContext context = HttpClientContext.create();
            boolean complete = false;
            ClassicHttpResponse response;
            try {
                response = client.executeOpen(RoutingSupport.determineHost(request), request, context);
            } catch (HttpException e) {
                throw new IOException(e);
            }
            try {
                watchdog.arm(settings.idleTimeout(), "no data for " + seconds(settings.idleTimeout()) + " (stalled)");
                watchdog.expectProgress(settings.minimumProgress(), settings.progressWindow());
                int status = response.getCode();
                if (isRedirect(status)) {
                    Header location = response.getFirstHeader("Location");
                    if (location == null) {
                        throw failure(source, LoadException.Kind.BAD_RESPONSE,
                                "server answered " + statusLine(response) + " without a Location");
                    }
                    return resolve(location.getValue());
                }
                if (status < 200 || status > 299) {
                    throw failure(source, LoadException.Kind.HTTP_STATUS, "server answered " + statusLine(response));
                }
                result = readBody(response, watchdog);
                complete = true;
                return null;
            } finally {
                if (complete) {
                    response.close();
                } else {
                    request.cancel();
                    closeAborted(response);
                }
            }
        }

        private URI resolve(String location) throws LoadException {
            try {
                return uri.resolve(new URI(location.trim()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw failure(source, LoadException.Kind.REDIRECT, "redirect to an invalid URL: " + location);
            }
        }

        private AddResult readBody(ClassicHttpResponse response, Watchdog watchdog) throws IOException, LoadException {
            HttpEntity entity = response.getEntity();
            long length = entity == null ? 0 : entity.getContentLength();
            String encoding = UrlNaming.headerValue(response, "Content-Encoding").toLowerCase(Locale.ROOT);
            boolean decode = !encoding.isEmpty() && !encoding.equals("identity");
            if (decode && !List.of("gzip", "x-gzip", "deflate").contains(encoding)) {
                throw failure(source, LoadException.Kind.UNSUPPORTED, "unsupported Content-Encoding " + encoding);
            }
            expected = length;
            if (!decode && length > MediaRepository.MAX_BUFFER_SIZE) {
                throw failure(source, LoadException.Kind.TOO_LARGE, "body is " + ByteSizes.human(length)
                        + ", above the " + Failures.BUFFER_LIMIT + " per-buffer limit");
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header h : response.getHeaders()) {
                headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
            }
            Origin origin = new Origin.Url(UrlRedaction.redact(requested), UrlRedaction.redact(uri), response.getCode(), headers);
            String name = UrlNaming.nameOf(response, uri);
            String declared = UrlNaming.declaredType(response, uri);
            boolean known = !decode && length >= 0;
            if (!known && entity != null && stream.writer != null || LiveHeaders.isLive(response, length)) {
                return readLive(entity, response, name, origin, declared, watchdog);
            }
            try {
                writer = repository.startLoad(name, origin, declared, known ? length : -1);
            } catch (BudgetExceededException e) {
                throw failure(source, LoadException.Kind.OVER_BUDGET, e.getMessage());
            }
            try {
                if (entity != null) {
                    InputStream wire = new CountingStream(entity.getContent(), watchdog);
                    progress.progress(0, length);
                    InputStream in = decode ? decoder(encoding, wire) : wire;
                    if (known) {
                        while (writer.room() > 0) {
                            if (writer.readFrom(in, READ_SIZE) < 0) throw shortBody(length);
                            listed();
                        }
                        if (in.read() >= 0) throw new StrictLengthConnection.SurplusBodyException(length);
                    } else {
                        while (writer.readFrom(in, READ_SIZE) >= 0) listed();
                    }
                }
                return writer.complete();
            } catch (BudgetExceededException e) {
                throw failure(source, LoadException.Kind.OVER_BUDGET, e.getMessage() + " (after "
                        + ByteSizes.human(writer.buffer().size()) + " of a body of unknown length)");
            } catch (BufferWriter.TooLargeException e) {
                throw failure(source, LoadException.Kind.TOO_LARGE, "body runs past the " + Failures.BUFFER_LIMIT + " per-buffer limit");
            }
        }

        /**
         * Pumps an endless stream into the live buffer (made on the first connection, kept across
         * reconnects) until it fails or the server ends it, which to a live stream is a drop too.
         */
        private AddResult readLive(HttpEntity entity, ClassicHttpResponse response, String name, Origin origin,
                                   String declared, Watchdog watchdog) throws IOException, LoadException {
            if (stream.writer == null) {
                try {
                    stream.writer = repository.startLive(name, origin, declared, stream.settings.windowBytes());
                } catch (BudgetExceededException e) {
                    throw failure(source, LoadException.Kind.OVER_BUDGET, e.getMessage()
                            + " (a live stream keeps its most recent " + ByteSizes.human(stream.settings.windowBytes()) + ")");
                }
            }
            BufferWriter live = stream.writer;
            live.onRemoved(request::cancel);
            IcyDemux demux = new IcyDemux(live, LiveHeaders.metaint(response));
            InputStream wire = new CountingStream(entity == null ? InputStream.nullInputStream() : entity.getContent(), watchdog);
            byte[] chunk = new byte[64 * 1024];
            // a connection has recovered the stream once it brought the minimum progress, not at its
            // first byte: a server that sends a little and stalls on every connection runs out of tries
            long recovered = Math.max(1, settings.minimumProgress());
            long thisConnection = 0;
            try {
                int n;
                while ((n = wire.read(chunk)) >= 0) {
                    if (n == 0) continue;
                    demux.write(chunk, 0, n);
                    thisConnection += n;
                    if (thisConnection >= recovered) stream.failures = 0;
                    if (!live.isPublished()) {
                        live.publish();
                        events.started(live.buffer());
                    }
                }
            } catch (BudgetExceededException e) {
                throw new IllegalStateException("a live window never grows", e);
            }
            throw failure(source, LoadException.Kind.NETWORK, "the server ended the stream" + after());
        }

        /** Lists the buffer at its first bytes, so that it shows and can play while the rest arrives. */
        private void listed() {
            if (writer.isPublished() || writer.buffer().size() == 0) return;
            writer.publish();
            writer.onRemoved(request::cancel);
            events.started(writer.buffer());
        }

        private LoadException shortBody(long length) {
            return failure(source, LoadException.Kind.BAD_RESPONSE, "body ended at " + bytesRead + " of "
                    + length + " bytes announced by Content-Length");
        }

        private InputStream decoder(String encoding, InputStream wire) throws IOException {
            return encoding.equals("deflate") ? new InflaterInputStream(wire) : new GZIPInputStream(wire, 64 * 1024);
        }

        private LoadException translate(Exception e, Watchdog watchdog) {
            if (e instanceof LoadException le) return le;
            if (e.getCause() instanceof LoadException le) return le;
            if (cancel.isCancelled()) {
                return failure(source, LoadException.Kind.CANCELLED, "cancelled" + after());
            }
            String expired = watchdog.expired();
            if (expired != null) {
                return failure(source, LoadException.Kind.TIMEOUT, expired + (bytesRead > 0 ? ", " + after().trim() : ""), e);
            }
            Throwable t = e instanceof IOException && e.getCause() instanceof HttpException ? e.getCause() : e;
            if (t instanceof UnknownHostException) {
                return failure(source, LoadException.Kind.NOT_FOUND, "host not found", t);
            }
            if (t instanceof ConnectTimeoutException) {
                return failure(source, LoadException.Kind.TIMEOUT, "no connection within " + seconds(settings.connectTimeout()), t);
            }
            if (t instanceof HttpHostConnectException) {
                return failure(source, LoadException.Kind.NETWORK, "connection refused", t);
            }
            if (t instanceof SocketTimeoutException) {
                return failure(source, LoadException.Kind.TIMEOUT, bytesRead > 0 || expected >= 0
                        ? "no data for " + seconds(settings.idleTimeout()) + " (stalled)" : "no response in time", t);
            }
            if (t instanceof SSLException) {
                return failure(source, LoadException.Kind.NETWORK, describeTls((SSLException) t), t);
            }
            if (t instanceof StrictLengthConnection.SurplusBodyException) {
                return failure(source, LoadException.Kind.BAD_RESPONSE, t.getMessage(), t);
            }
            if (t instanceof ConnectionClosedException) {
                if (expected >= 0) return shortBody(expected);
                return failure(source, LoadException.Kind.BAD_RESPONSE, "connection closed before the body ended"
                        + after(), t);
            }
            if (t instanceof MalformedChunkCodingException) {
                return failure(source, LoadException.Kind.BAD_RESPONSE, "chunked body cut off or corrupt" + after(), t);
            }
            if (t instanceof NoHttpResponseException) {
                return failure(source, LoadException.Kind.BAD_RESPONSE, "server closed the connection without answering", t);
            }
            if (t instanceof ZipException) {
                return failure(source, LoadException.Kind.BAD_RESPONSE, "compressed body is corrupt: " + Failures.describe(t), t);
            }
            if (t instanceof EOFException && expected >= 0) {
                return shortBody(expected);
            }
            if (t instanceof SocketException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
                return failure(source, LoadException.Kind.NETWORK, "connection reset" + after(), t);
            }
            if (t instanceof HttpException) {
                return failure(source, LoadException.Kind.BAD_RESPONSE, "HTTP protocol error: " + Failures.describe(t), t);
            }
            return failure(source, LoadException.Kind.NETWORK, Failures.describe(t), t);
        }

        private String after() {
            if (bytesRead == 0 && expected < 0) return "";
            return " after " + ByteSizes.human(bytesRead) + (expected >= 0 ? " of " + ByteSizes.human(expected) : "");
        }

        /** Counts wire bytes, re-arms the idle watchdog and reports progress on every read. */
        private final class CountingStream extends FilterInputStream {
            private final Watchdog watchdog;

            CountingStream(InputStream in, Watchdog watchdog) {
                super(in);
                this.watchdog = watchdog;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) counted(1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) counted(n);
                return n;
            }

            private void counted(int n) {
                bytesRead += n;
                watchdog.counted(n, settings.idleTimeout());
                progress.progress(bytesRead, expected);
            }
        }
    }

    private static String describeTls(SSLException e) {
        if (e instanceof SSLPeerUnverifiedException) {
            return "TLS certificate does not match the host (" + Failures.describe(e) + ")";
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CertificateExpiredException) return "TLS certificate expired";
            if (c instanceof CertificateNotYetValidException) return "TLS certificate not yet valid";
            if (c instanceof CertPathBuilderException || c instanceof CertPathValidatorException) {
                return "TLS certificate not trusted (self-signed or unknown issuer)";
            }
        }
        return "TLS failed: " + Failures.describe(e);
    }

    private void checkScheme(String source, URI uri, String prefix) throws LoadException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            String what = prefix == null ? "scheme " + (scheme.isEmpty() ? "(none)" : scheme) + " refused"
                    : prefix + uri + " refused";
            throw failure(source, prefix == null ? LoadException.Kind.UNSUPPORTED : LoadException.Kind.REDIRECT,
                    what + " (only http and https)");
        }
        String where = prefix == null ? "" : prefix + uri + ": ";
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw failure(source, LoadException.Kind.UNSUPPORTED, where + "URL has no valid host");
        }
        if (uri.getPort() > 65535) {
            throw failure(source, LoadException.Kind.UNSUPPORTED, where + "port " + uri.getPort() + " is out of range");
        }
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) return uri;
        String s = uri.toString();
        int at = s.indexOf('@', s.indexOf("//") + 2);
        return URI.create(s.substring(0, s.indexOf("//") + 2) + s.substring(at + 1));
    }

    /** The exchange already failed; the connection is discarded and closing it may only add noise. */
    private static void closeAborted(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the failure that got us here is the one to report
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String statusLine(ClassicHttpResponse response) {
        String reason = response.getReasonPhrase();
        if (reason == null || reason.isBlank()) {
            reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(response.getCode(), Locale.ROOT);
        }
        return response.getCode() + (reason == null ? "" : " " + reason);
    }

    private static LoadException failure(String source, LoadException.Kind kind, String reason) {
        return new LoadException(source, kind, reason);
    }

    private static LoadException failure(String source, LoadException.Kind kind, String reason, Throwable cause) {
        return new LoadException(source, kind, reason, cause);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) return (ms / 1000) + " s";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        connections.close(CloseMode.IMMEDIATE);
    }
}
