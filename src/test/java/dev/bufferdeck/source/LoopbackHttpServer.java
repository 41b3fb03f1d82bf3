package dev.bufferdeck.source;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on 127.0.0.1 for tests, started on a free port (or a given one) with one handler
 * for every path, each exchange on a daemon thread of its own; {@link #close} stops it and
 * interrupts exchanges still running (a handler held back by a latch or a sleep).
 */
public final class LoopbackHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;

    private LoopbackHttpServer(int port, String threadName, HttpHandler handler) throws IOException {
        AtomicInteger n = new AtomicInteger();
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(threads);
        server.createContext("/", handler);
        server.start();
    }

    /** Serves every path with {@code handler} on a free port; threads are named {@code threadName-N}. */
    public static LoopbackHttpServer start(String threadName, HttpHandler handler) throws IOException {
        return new LoopbackHttpServer(0, threadName, handler);
    }

    /** The same on {@code port}, so a test can bring a server back where it was. */
    public static LoopbackHttpServer start(int port, String threadName, HttpHandler handler) throws IOException {
        return new LoopbackHttpServer(port, threadName, handler);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path} (which starts with a slash). */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
