package dev.bufferdeck.desktop;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import java.io.IOException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One BufferDeck window per user: the first launch listens on a Unix-domain socket in
 * {@code $XDG_RUNTIME_DIR} (a per-user directory, mode 0700), later launches hand it their sources
 * and exit. The socket file is owner-only, and a connection from another user is closed unread.
 * A socket file nobody listens on (left by a killed instance) is replaced.
 */
public final class SingleInstance implements AutoCloseable {
    public static final String SOCKET_NAME = "bufferdeck.sock";
    /** How long a sender may take to send its message; a slow or silent peer is cut off. */
    static final long READ_TIMEOUT_MILLIS = 2_000;
    /** How long a second launch waits for the running instance's answer. */
    static final long REPLY_TIMEOUT_MILLIS = 800;

    private final Path socket;
    private final ServerSocketChannel server;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bufferdeck-instance-timeout"));
    private final Thread acceptor;
    private final List<LaunchArguments> early = new ArrayList<>();
    private Consumer<LaunchArguments> handler;
    private volatile boolean closed;

    private SingleInstance(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
        this.acceptor = daemon(this::acceptLoop, "bufferdeck-instance");
        acceptor.start();
        // a SIGTERM ends the JVM without the window's stop(): the socket file goes anyway
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "bufferdeck-instance-exit"));
    }

    /** The socket's place: {@code $XDG_RUNTIME_DIR/bufferdeck.sock}, or empty without that directory. */
    public static Optional<Path> socketPath(Map<String, String> environment) {
        String dir = environment.get("XDG_RUNTIME_DIR");
        if (dir == null || dir.isBlank()) return Optional.empty();
        Path path = Path.of(dir);
        return path.isAbsolute() && Files.isDirectory(path) ? Optional.of(path.resolve(SOCKET_NAME)) : Optional.empty();
    }

    /** What {@link #claim} found. */
    public sealed interface Claim {
        /** A running instance took the sources: this launch is done. */
        record HandedOver() implements Claim {}
        /** This launch is the instance now; later launches reach it through {@code instance}. */
        record Listening(SingleInstance instance) implements Claim {}
        /** Neither (the directory is not writable, or an instance answers nothing): run alone. */
        record Alone(String reason) implements Claim {}
    }

    /** Hands {@code launch} to a running instance, or becomes the instance. */
    public static Claim claim(Path socket, LaunchArguments launch) {
        String reason = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                if (handOver(socket, launch)) return new Claim.HandedOver();
            } catch (IOException e) {
                return new Claim.Alone("the running instance did not answer (" + e.getMessage() + ")");
            }
            try {
                return new Claim.Listening(listen(socket));
            } catch (IOException e) {
                reason = e.getMessage();  // another launch bound it between our two steps: hand over to it
            }
        }
        return new Claim.Alone("cannot listen on " + socket + " (" + reason + ")");
    }

    /**
     * Sends the launch to whoever listens on the socket. False when nobody does (no file, or a
     * stale one); an exception when someone accepted but gave no answer.
     */
    static boolean handOver(Path socket, LaunchArguments launch) throws IOException {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (SocketException | NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
        try (channel) {
            channel.write(ByteBuffer.wrap(InstanceMessage.encode(launch)));
            channel.shutdownOutput();
            ByteBuffer reply = ByteBuffer.allocate(16);
            Thread timer = daemon(() -> {
                try {
                    Thread.sleep(REPLY_TIMEOUT_MILLIS);
                    channel.close();
                } catch (InterruptedException | IOException ignored) {
                    // answered in time, or already closed
                }
            }, "bufferdeck-instance-reply");
            timer.start();
            try {
                while (reply.hasRemaining() && channel.read(reply) >= 0) {
                    if (new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII).equals(InstanceMessage.REPLY)) break;
                }
            } catch (IOException e) {
                throw new IOException("no reply within " + REPLY_TIMEOUT_MILLIS + " ms");
            } finally {
                timer.interrupt();
            }
            String answer = new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII);
            if (!answer.equals(InstanceMessage.REPLY)) throw new IOException("unexpected reply");
            return true;
        }
    }

    /** Listens on the socket, replacing a stale socket file. Fails if someone else listens there. */
    static SingleInstance listen(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
                if (answers(socket)) throw new IOException("another instance listens on " + socket);
                if (!Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther() || !Files.getOwner(socket, LinkOption.NOFOLLOW_LINKS).equals(currentUser(socket.getParent()))) {
                    throw new IOException(socket + " is not a socket of this user");
                }
                Files.delete(socket);  // nobody answered on it: left by an instance that was killed
                System.err.println("BufferDeck: replaced a stale instance socket " + socket);
            }
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            return new SingleInstance(socket, server);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Whether someone accepts connections on the socket (a connection that sends nothing is ignored there). */
    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private static UserPrincipal currentUser(Path directory) throws IOException {
        return Files.getOwner(directory);
    }

    /**
     * Where later launches' requests go; requests that arrived before are delivered now, in order.
     * The handler runs on the socket's thread.
     */
    public void onLaunch(Consumer<LaunchArguments> handler) {
        // held while the early ones are handed on, so one arriving meanwhile cannot overtake them
        synchronized (this) {
            this.handler = handler;
            early.forEach(launch -> handOn(handler, launch));
            early.clear();
        }
    }

    public Path socket() { return socket; }

    private void acceptLoop() {
        while (!closed) {
            try (SocketChannel peer = server.accept()) {
                serve(peer);
            } catch (IOException e) {
                if (!closed) System.err.println("BufferDeck: instance socket: " + e.getMessage());
            }
        }
    }

    private void serve(SocketChannel peer) throws IOException {
        UnixDomainPrincipal who = peer.getOption(ExtendedSocketOptions.SO_PEERCRED);
        UserPrincipal me = Files.getOwner(socket, LinkOption.NOFOLLOW_LINKS);
        if (!who.user().getName().equals(me.getName())) {
            System.err.println("BufferDeck: ignored a message on the instance socket from user " + who.user().getName());
            return;
        }
        var timeout = watchdog.schedule(() -> {
            try {
                peer.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }, READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        byte[] bytes = new byte[4096];
        int length = 0;
        try {
            ByteBuffer chunk = ByteBuffer.allocate(8192);
            int n;
            while (!InstanceMessage.complete(bytes, length) && (n = peer.read(chunk.clear())) >= 0) {
                if (length + n > InstanceMessage.MAX_BYTES) {
                    length = InstanceMessage.MAX_BYTES + 1;
                    break;
                }
                if (length + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
                System.arraycopy(chunk.array(), 0, bytes, length, n);
                length += n;
            }
        } catch (IOException e) {
            System.err.println("BufferDeck: ignored an instance message that did not arrive within " + READ_TIMEOUT_MILLIS + " ms");
            return;
        } finally {
            timeout.cancel(false);
        }
        if (length == 0) return;  // a probe by a launch checking whether this socket is alive
        LaunchArguments launch;
        try {
            launch = InstanceMessage.decode(bytes, length);
        } catch (InstanceMessage.Malformed e) {
            System.err.println("BufferDeck: ignored a malformed message on the instance socket: " + e.getMessage());
            return;
        }
        peer.write(ByteBuffer.wrap(InstanceMessage.REPLY.getBytes(StandardCharsets.US_ASCII)));
        deliver(launch);
    }

    private synchronized void deliver(LaunchArguments launch) {
        if (handler == null) {
            early.add(launch);
        } else {
            handOn(handler, launch);
        }
    }

    private static void handOn(Consumer<LaunchArguments> handler, LaunchArguments launch) {
        try {
            handler.accept(launch);
        } catch (RuntimeException e) {
            System.err.println("BufferDeck: could not open what another launch sent: " + e);
        }
    }

    /** Stops listening and removes the socket file. */
    @Override
    public synchronized void close() {
        if (closed) return;  // once: the exit hook must not remove a socket a newer instance bound since
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        watchdog.shutdownNow();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            System.err.println("BufferDeck: could not remove " + socket + ": " + e.getMessage());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
