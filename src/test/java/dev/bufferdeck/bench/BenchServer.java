package dev.bufferdeck.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP/1.1 server for benchmarks, run in its own JVM (as a user's server would be: its
 * CPU, heap and GC are not the measured process's): {@code GET /known/N} answers N bytes with a
 * Content-Length, {@code GET /chunked/N} the same bytes chunk-encoded. One request per connection.
 * The body repeats one random 1 MiB block, so serving costs no allocation. The process prints its
 * port, serves until its standard input closes, and then exits.
 */
final class BenchServer implements AutoCloseable {
    static final int BLOCK = 1 << 20;

    private final Process process;
    private final int port;

    /** Starts the server process on this JVM's class path and waits for its port. */
    BenchServer() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), BenchServer.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the bench server process exited before it printed its port");
        }
        port = Integer.parseInt(line.trim());
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The server process: prints its port, serves until standard input closes. */
    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            new Serving(server).start();
            System.out.println(server.getLocalPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the bench closes our input (or exits)
            }
        }
        System.exit(0);
    }

    private static final class Serving {
        private final byte[] block = new byte[BLOCK];
        private final ServerSocket server;

        Serving(ServerSocket server) {
            this.server = server;
            new Random(42).nextBytes(block);
        }

        void start() {
            Thread acceptor = new Thread(this::acceptLoop, "bench-server-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> serve(s), "bench-server-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                String head = readHead(s.getInputStream());
                String path = head.split(" ", 3)[1];
                boolean chunked = path.startsWith("/chunked/");
                long size = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
                OutputStream out = s.getOutputStream();
                String headers = "HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nConnection: close\r\n"
                        + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n") + "\r\n";
                out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
                long left = size;
                while (left > 0) {
                    int n = (int) Math.min(BLOCK, left);
                    if (chunked) out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(block, 0, n);
                    if (chunked) out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    left -= n;
                }
                if (chunked) out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                s.shutdownOutput();
                while (s.getInputStream().read() >= 0) {
                    // let the client close first
                }
            } catch (IOException | RuntimeException e) {
                // client went away
            }
        }
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new IOException("request ended early");
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
