package dev.bufferdeck.source;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.MemoryFigures;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every network fault against {@link SourceLoader}, each with a real server on 127.0.0.1 started here:
 * one clear message naming the URL and the cause, the repository exactly as it was, and no client
 * thread, leased connection or server-side connection left. Prints the table, then asserts every row.
 */
class FaultMatrixTest {
    private static final long BUDGET = 8L << 20;
    private static final HttpSettings FAST = HttpSettings.DEFAULTS
            .withConnectTimeout(Duration.ofSeconds(5))
            .withResponseTimeout(Duration.ofSeconds(5))
            .withIdleTimeout(Duration.ofMillis(700));
    /** A Java class name in a message means a stack trace leaked into it. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*(Exception|Error)\\b");

    @TempDir Path dir;

    private final AtomicInteger serverConnections = new AtomicInteger();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private MediaRepository repository;
    private SourceLoader loader;

    /** One fault: how to get its URL, and what the message's cause part must be. */
    private record Fault(String name, Setup setup, Function<String, String> checkReason) {}

    @FunctionalInterface
    private interface Setup {
        String url() throws Exception;
    }

    /** One printed row. */
    private record Row(String fault, String message, boolean repoUnchanged, int threadsLeft, int leased,
                       int serverConnectionsOpen, long millis, List<String> problems) {}

    @BeforeEach
    void start() throws Exception {
        repository = new MediaRepository(BUDGET, FormatDetector.NONE);
        repository.add(new byte[1 << 20], "already-here.bin", new Origin.BuiltIn("test"), "");
        loader = new SourceLoader(repository, FAST);
    }

    @AfterEach
    void stop() throws Exception {
        loader.close();
        for (AutoCloseable s : servers) s.close();
    }

    @Test
    @Timeout(120)
    void everyFaultGivesOneClearMessageAndLeavesNothingBehind() throws Exception {
        List<Fault> faults = List.of(
                new Fault("404", () -> raw((s, head) -> answer(s, "404 Not Found", "not here")),
                        exactly("server answered 404 Not Found")),
                new Fault("500", () -> raw((s, head) -> answer(s, "500 Internal Server Error", "boom")),
                        exactly("server answered 500 Internal Server Error")),
                new Fault("reset mid-body", () -> raw((s, head) -> {
                    RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 4194304\r\n\r\n");
                    s.getOutputStream().write(new byte[1 << 20]);
                    s.getOutputStream().flush();
                    Thread.sleep(200);
                    s.setSoLinger(true, 0);
                    s.close();
                }), r -> r.startsWith("connection reset after ") && r.endsWith(" of 4 MiB") ? null : "a reset with how far it got"),
                new Fault("stall", () -> raw((s, head) -> {
                    RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n");
                    s.getOutputStream().write(new byte[1000]);
                    s.getOutputStream().flush();
                }), exactly("no data for 0.7 s (stalled), after 1000 B of 2.0 KiB")),
                new Fault("short body (chunked, cut off)", () -> raw((s, head) -> {
                    RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n");
                    s.getOutputStream().write(new byte[1000]);
                    s.getOutputStream().flush();
                    s.shutdownOutput();
                }), exactly("chunked body cut off or corrupt after 1000 B")),
                new Fault("Content-Length longer than sent", () -> raw((s, head) -> {
                    RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n");
                    s.getOutputStream().write(new byte[1000]);
                    s.getOutputStream().flush();
                    s.shutdownOutput();
                }), exactly("body ended at 1000 of 2000 bytes announced by Content-Length")),
                new Fault("Content-Length shorter than sent", () -> raw((s, head) -> {
                    RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
                    s.getOutputStream().write(new byte[2000]);
                    s.getOutputStream().flush();
                }), exactly("body longer than the 1000 bytes announced by Content-Length")),
                new Fault("redirect loop", this::redirectLoop, exactly("redirected more than 10 times")),
                new Fault("redirect to file:", () -> raw((s, head) -> RawHttpServer.write(s,
                        "HTTP/1.1 302 Found\r\nLocation: file:/etc/passwd\r\nContent-Length: 0\r\n\r\n")),
                        exactly("redirect to file:/etc/passwd refused (only http and https)")),
                new Fault("bad TLS certificate", this::selfSignedHttps, r ->
                        r.startsWith("TLS ") && r.toLowerCase(Locale.ROOT).contains("certif") ? null : "a TLS certificate failure"),
                new Fault("DNS failure", () -> "http://no-such-host.invalid/a.mp3", exactly("host not found")),
                new Fault("over budget", () -> raw((s, head) -> {
                    RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: audio/flac\r\nContent-Length: 67108864\r\n\r\n");
                    sendUntilHungUp(s);
                }), exactly("memory budget full: needs 64 MiB but only 7 MiB of 8 MiB is free")),
                new Fault("endless body (internet radio)", () -> raw((s, head) -> {
                    RawHttpServer.write(s, "HTTP/1.0 200 OK\r\nContent-Type: audio/mpeg\r\nicy-name: Test Radio\r\n\r\n");
                    sendUntilHungUp(s);
                }), r -> r.startsWith("memory budget full: ") && r.endsWith("(a live stream keeps its most recent 32 MiB)")
                        ? null : "a live window that does not fit the budget is refused and says so"));

        // a first load sets the HTTP client up, so the times below are the faults' own
        RawHttpServer warm = new RawHttpServer((s, head) ->
                RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 4\r\n\r\nwarm"));
        servers.add(warm);
        repository.remove(loader.load(warm.url("/warm.mp3")).buffer());
        List<Row> rows = new ArrayList<>();
        for (Fault f : faults) rows.add(run(f));
        print(rows);

        List<String> failures = new ArrayList<>();
        for (Row r : rows) {
            for (String p : r.problems()) failures.add(r.fault() + ": " + p);
        }
        if (!failures.isEmpty()) fail(String.join("\n", failures));
        assertEquals(faults.size(), rows.size());
    }

    private Row run(Fault fault) throws Exception {
        String url = fault.setup().url();
        List<Long> idsBefore = ids();
        MemoryFigures before = repository.figures();
        Set<String> threadsBefore = LeakCheck.clientThreads();
        List<String> problems = new ArrayList<>();

        long t0 = System.nanoTime();
        String message;
        try {
            loader.load(url, LoadProgress.NONE, new Cancellation());
            message = "(loaded)";
            problems.add("the load succeeded");
        } catch (LoadException e) {
            message = e.getMessage();
            String prefix = url + ": ";
            if (!message.startsWith(prefix)) problems.add("message does not start with the URL: " + message);
            String wrong = fault.checkReason().apply(e.reason());
            if (wrong != null) problems.add("expected " + wrong + ", got: " + e.reason());
            if (!message.equals(prefix + e.reason())) problems.add("message is not URL + cause");
            if (message.contains("\n") || message.contains("\r")) problems.add("message has more than one line");
            if (CLASS_NAME.matcher(message).find()) problems.add("a Java class name leaked into the message");
        } catch (RuntimeException e) {
            message = e.toString();
            problems.add("not a LoadException: " + e);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;

        MemoryFigures after = repository.figures();
        boolean unchanged = idsBefore.equals(ids()) && before.count() == after.count()
                && before.held() == after.held() && after.reserved() == 0;
        if (!unchanged) problems.add("repository changed: " + before + " -> " + after);

        int threadsLeft = settle(() -> {
            Set<String> extra = new TreeSet<>(LeakCheck.clientThreads());
            extra.removeAll(threadsBefore);
            return extra.size();
        });
        if (threadsLeft != 0) problems.add(threadsLeft + " client thread(s) left");
        int leased = loader.leasedConnections();
        if (leased != 0) problems.add(leased + " HTTP connection(s) still leased");
        int serverOpen = settle(serverConnections::get);
        if (serverOpen != 0) problems.add(serverOpen + " connection(s) still open at the server");
        return new Row(fault.name(), message, unchanged, threadsLeft, leased, serverOpen, millis, problems);
    }

    private List<Long> ids() {
        return repository.buffers().stream().map(MediaBuffer::id).toList();
    }

    /** Polls for up to 3 s until the count is 0 (a hang-up reaches the other side a moment later). */
    private static int settle(java.util.function.IntSupplier count) throws InterruptedException {
        int n = count.getAsInt();
        for (int i = 0; i < 150 && n != 0; i++) {
            Thread.sleep(20);
            n = count.getAsInt();
        }
        return n;
    }

    private static void print(List<Row> rows) {
        String format = "| %-32s | %-118s | %-14s | %-12s | %-11s | %7s |%n";
        StringBuilder out = new StringBuilder("\nFault matrix (SourceLoader against servers on 127.0.0.1)\n");
        out.append(String.format(Locale.ROOT, format, "fault", "message", "repo unchanged", "threads left",
                "conns open", "time"));
        out.append(String.format(Locale.ROOT, format, "-".repeat(32), "-".repeat(118), "-".repeat(14), "-".repeat(12),
                "-".repeat(11), "-".repeat(7)));
        for (Row r : rows) {
            String message = r.message().replaceAll("http://127\\.0\\.0\\.1:\\d+", "http://127.0.0.1:PORT")
                    .replaceAll("https://127\\.0\\.0\\.1:\\d+", "https://127.0.0.1:PORT");
            out.append(String.format(Locale.ROOT, format, r.fault(), message, r.repoUnchanged() ? "yes" : "NO",
                    r.threadsLeft(), r.leased() + " / " + r.serverConnectionsOpen(), r.millis() + " ms"));
        }
        out.append("(conns open: leased by the client / still open at the server)\n");
        System.out.print(out);
    }

    private static Function<String, String> exactly(String reason) {
        return r -> r.equals(reason) ? null : "\"" + reason + "\"";
    }

    // ---- servers ----

    /** A raw loopback server whose connections are counted while open; each waits for the client to hang up. */
    private String raw(RawHttpServer.Script script) throws IOException {
        RawHttpServer server = new RawHttpServer((s, head) -> {
            serverConnections.incrementAndGet();
            try {
                script.answer(s, head);
                awaitHangUp(s);
            } finally {
                s.close();
                serverConnections.decrementAndGet();
            }
        });
        servers.add(server);
        return server.url("/" + servers.size() + ".mp3");
    }

    private String redirectLoop() throws IOException {
        String[] self = new String[1];
        self[0] = raw((s, head) -> RawHttpServer.write(s,
                "HTTP/1.1 301 Moved Permanently\r\nLocation: " + self[0] + "\r\nContent-Length: 0\r\n\r\n"));
        return self[0];
    }

    private static void answer(Socket s, String status, String body) throws IOException {
        RawHttpServer.write(s, "HTTP/1.1 " + status + "\r\nContent-Type: text/html\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body);
    }

    /** Streams zeros like a radio station until the client goes away. */
    private static void sendUntilHungUp(Socket s) {
        byte[] block = new byte[16 * 1024];
        try {
            OutputStream out = s.getOutputStream();
            while (true) out.write(block);
        } catch (IOException hungUp) {
            // the client stopped listening, which is the point
        }
    }

    /** Returns once the client closed its side (or after 10 s, leaving the count up so the row fails). */
    private static void awaitHangUp(Socket s) {
        try {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // whatever the client still sends is ignored
            }
        } catch (IOException closed) {
            // a reset is a hang-up too
        }
    }

    /** An HTTPS server with a self-signed certificate made by keytool into the temp dir. */
    private String selfSignedHttps() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assertTrue(Files.isExecutable(keytool), "the JDK's keytool at " + keytool);
        Path store = dir.resolve("server.p12");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "test", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "keytool made the test certificate");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);

        SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    SSLSocket s = (SSLSocket) server.accept();
                    serverConnections.incrementAndGet();
                    Thread handler = new Thread(() -> {
                        try (s) {
                            s.startHandshake();
                            answer(s, "200 OK", "secret");
                            awaitHangUp(s);
                        } catch (IOException refusedByTheClient) {
                            // the client rejected the certificate, as it must
                        } finally {
                            serverConnections.decrementAndGet();
                        }
                    }, "test-server-tls-handler");
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-server-tls-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        servers.add(server);
        return "https://127.0.0.1:" + server.getLocalPort() + "/a.mp3";
    }
}
