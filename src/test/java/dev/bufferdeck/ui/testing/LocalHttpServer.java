package dev.bufferdeck.ui.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A loopback HTTP server: registered paths answer 200 with their bytes, everything else 404. */
public final class LocalHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

    public LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
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
                try (OutputStream out = exchange.getResponseBody()) { out.write(body); }
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public LocalHttpServer serve(String path, byte[] body) {
        bodies.put(path, body);
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
