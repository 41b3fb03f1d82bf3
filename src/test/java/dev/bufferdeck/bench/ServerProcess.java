package dev.bufferdeck.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Path;

/** {@code python3 -m http.server} on 127.0.0.1 serving a folder, in its own process, for as long as this is open. */
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
        Process p = new ProcessBuilder("python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory",
                dir.toString(), Integer.toString(port))
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
        throw new IOException("python3 -m http.server did not answer on port " + port);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
