package dev.bufferdeck.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A loopback HTTP/1.1 server for benchmarks: {@code GET /known/N} answers N bytes with a
 * Content-Length, {@code GET /chunked/N} the same bytes chunk-encoded. One request per connection.
 * The body repeats one random 1 MiB block, so serving costs no allocation.
 */
final class BenchServer implements AutoCloseable {
    static final int BLOCK = 1 << 20;

    private final byte[] block = new byte[BLOCK];
    private final ServerSocket server;
    private final Thread acceptor;

    BenchServer() throws IOException {
        new Random(42).nextBytes(block);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "bench-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    int port() {
        return server.getLocalPort();
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

    @Override
    public void close() throws IOException {
        server.close();
    }
}
