package dev.bufferdeck.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Path;

/**
 * {@code python3 -m http.server} on 127.0.0.1 serving a folder, in its own process, for as long as
 * this is open; {@code /chunked/NAME} serves the file NAME without a length (scripts/lib/http-server.py).
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    /** The server's process id. */
    long pid() {
        return process.pid();
    }

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess serving(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process p = new ProcessBuilder("python3", "scripts/lib/http-server.py", Integer.toString(port), dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ServerProcess server = new ServerProcess(p, port);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) new URL(server.url("/")).openConnection();
                if (c.getResponseCode() == 200) return server;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IOException("python3 scripts/lib/http-server.py did not answer on port " + port);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
