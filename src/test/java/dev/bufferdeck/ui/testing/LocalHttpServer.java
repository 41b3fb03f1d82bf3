package dev.bufferdeck.ui.testing;

import dev.bufferdeck.source.LoopbackHttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A loopback HTTP server: registered paths answer 200 with their bytes, everything else 404. */
public final class LocalHttpServer implements AutoCloseable {
    private final LoopbackHttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, Integer> delays = new ConcurrentHashMap<>();

    public LocalHttpServer() throws IOException {
        this(0);
    }

    /** A server on {@code port} (0: any free one), so a test can bring it back where it was. */
    public LocalHttpServer(int port) throws IOException {
        server = LoopbackHttpServer.start(port, "test-server-local", exchange -> {
            byte[] body = bodies.get(exchange.getRequestURI().getPath());
            try (exchange) {
                if (body == null) {
                    byte[] page = "<html><body>Not Found</body></html>".getBytes();
                    exchange.getResponseHeaders().add("Content-Type", "text/html");
                    exchange.sendResponseHeaders(404, page.length);
                    try (OutputStream out = exchange.getResponseBody()) { out.write(page); }
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "audio/wav");
                exchange.sendResponseHeaders(200, body.length);
                int delay = delays.getOrDefault(exchange.getRequestURI().getPath(), 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    if (delay == 0) {
                        out.write(body);
                    } else {
                        for (int off = 0; off < body.length; off += 64 * 1024) {
                            out.write(body, off, Math.min(64 * 1024, body.length - off));
                            out.flush();
                            try {
                                Thread.sleep(delay);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                } catch (IOException gone) {
                    // the client hung up (a cancel): nothing more to send
                }
            }
        });
    }

    public int port() {
        return server.port();
    }

    public String url(String path) {
        return server.url(path);
    }

    public LocalHttpServer serve(String path, byte[] body) {
        bodies.put(path, body);
        return this;
    }

    /** Serves {@code body} in 64 KiB pieces with {@code delayMillis} between them. */
    public LocalHttpServer serveSlowly(String path, byte[] body, int delayMillis) {
        delays.put(path, delayMillis);
        return serve(path, body);
    }

    @Override
    public void close() {
        server.close();
    }
}
