package dev.bufferdeck.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An Icecast-style endless stream on 127.0.0.1 for tests: {@code audio} repeated for ever, an ICY
 * metadata block after every {@code metaint} media bytes whose StreamTitle is {@code title(block)},
 * sent at {@code bytesPerSecond} (0: as fast as the socket takes it). {@link #media} is every media
 * byte sent, without the metadata, so tests can compare what readers got.
 */
public final class IcecastServer implements AutoCloseable {
    /** What one connection does after its head: how many media bytes before it drops (-1: never), and stalls. */
    public interface Plan {
        /** Media bytes connection {@code n} (from 1) sends before closing, or -1 for no end. */
        long dropAfter(int n);

        /** Milliseconds to stall before sending media byte {@code at} on connection {@code n}, or 0. */
        default long stallBefore(int n, long at) { return 0; }

        /** False refuses connection {@code n} with a 503. */
        default boolean accept(int n) { return true; }
    }

    private final byte[] audio;
    private final int metaint;
    private final IntFunction<String> title;
    private final int bytesPerSecond;
    private final Plan plan;
    private final RawHttpServer server;
    private final AtomicInteger connections = new AtomicInteger();
    private final ByteArrayOutputStream media = new ByteArrayOutputStream();
    private final AtomicInteger blocks = new AtomicInteger();
    private volatile boolean recording = true;
    private volatile String contentType = "audio/mpeg";

    public IcecastServer(byte[] audio, int metaint, IntFunction<String> title, int bytesPerSecond, Plan plan) throws IOException {
        this.audio = audio;
        this.metaint = metaint;
        this.title = title;
        this.bytesPerSecond = bytesPerSecond;
        this.plan = plan;
        this.server = new RawHttpServer(this::answer);
    }

    public String url(String path) { return server.url(path); }
    public int connections() { return connections.get(); }

    /** Stops keeping a copy of the media sent (a benchmark's stream would fill the heap). */
    public IcecastServer withoutRecording() {
        recording = false;
        return this;
    }

    /** Sends this Content-Type instead of audio/mpeg (an Ogg or AAC station). */
    public IcecastServer withContentType(String type) {
        contentType = type;
        return this;
    }

    public synchronized byte[] media() { return media.toByteArray(); }

    private void answer(Socket s, String head) throws Exception {
        int n = connections.incrementAndGet();
        if (!plan.accept(n)) {
            RawHttpServer.write(s, "HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        boolean icy = head.toLowerCase().contains("icy-metadata: 1") && metaint > 0;
        RawHttpServer.write(s, "HTTP/1.0 200 OK\r\nContent-Type: " + contentType + "\r\nServer: Icecast 2.4.4\r\n"
                + "icy-name: Test Radio\r\nicy-genre: Test Beats\r\nicy-br: 24\r\n"
                + (icy ? "icy-metaint: " + metaint + "\r\n" : "") + "\r\n");
        OutputStream out = s.getOutputStream();
        long limit = plan.dropAfter(n);
        long sent = 0;
        int at = 0;
        int untilMeta = metaint;
        long t0 = System.nanoTime();
        while (limit < 0 || sent < limit) {
            long stall = plan.stallBefore(n, sent);
            if (stall > 0) {
                Thread.sleep(stall);
                t0 += stall * 1_000_000L;
            }
            int chunk = (int) Math.min(Math.min(1024, audio.length - at), limit < 0 ? Long.MAX_VALUE : limit - sent);
            if (icy) chunk = Math.min(chunk, untilMeta);
            if (recording) synchronized (this) { media.write(audio, at, chunk); }
            out.write(audio, at, chunk);
            at = (at + chunk) % audio.length;
            sent += chunk;
            if (icy && (untilMeta -= chunk) == 0) {
                out.write(block(title.apply(blocks.getAndIncrement())));
                untilMeta = metaint;
            }
            out.flush();
            if (bytesPerSecond > 0) {
                long wait = t0 + sent * 1_000_000_000L / bytesPerSecond - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    /** An ICY block: one length byte (in 16-byte units), then the text padded with NULs. */
    static byte[] block(String streamTitle) {
        if (streamTitle == null) return new byte[] {0};
        byte[] text = ("StreamTitle='" + streamTitle + "';").getBytes(StandardCharsets.UTF_8);
        int units = (text.length + 15) / 16;
        byte[] b = new byte[1 + units * 16];
        b[0] = (byte) units;
        System.arraycopy(text, 0, b, 1, text.length);
        return b;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
