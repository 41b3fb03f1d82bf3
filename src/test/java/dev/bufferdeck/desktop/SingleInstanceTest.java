package dev.bufferdeck.desktop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleInstanceTest {
    @TempDir Path runtimeDir;
    private SingleInstance running;
    private final LinkedBlockingQueue<LaunchArguments> received = new LinkedBlockingQueue<>();

    @AfterEach
    void close() {
        if (running != null) running.close();
    }

    private Path socket() {
        return runtimeDir.resolve(SingleInstance.SOCKET_NAME);
    }

    private SingleInstance first() {
        SingleInstance.Claim claim = SingleInstance.claim(socket(), LaunchArguments.parse(List.of()));
        running = assertInstanceOf(SingleInstance.Claim.Listening.class, claim).instance();
        running.onLaunch(received::add);
        return running;
    }

    @Test
    void aSecondLaunchHandsItsSourcesToTheFirstAndIsDoneWithinASecond() throws Exception {
        first();
        long start = System.nanoTime();
        SingleInstance.Claim second = SingleInstance.claim(socket(),
                LaunchArguments.parse(List.of("--enqueue", "/music/a b.mp3", "https://example.org/x.ogg")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(SingleInstance.Claim.HandedOver.class, second);
        assertTrue(millis < 1000, "hand-over took " + millis + " ms");
        LaunchArguments got = received.poll(2, TimeUnit.SECONDS);
        assertEquals(List.of("/music/a b.mp3", "https://example.org/x.ogg"), got.sources());
        assertTrue(got.enqueue());
    }

    @Test
    void theSocketIsOwnerOnlyAndRemovedOnClose() throws Exception {
        first();
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(socket()));
        running.close();
        running = null;
        assertFalse(Files.exists(socket()));
    }

    @Test
    void aStaleSocketLeftByAKilledInstanceIsReplaced() throws Exception {
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(socket()));
        dead.close();  // the file stays, as after a kill
        assertTrue(Files.exists(socket()));

        first();
        SingleInstance.Claim second = SingleInstance.claim(socket(), LaunchArguments.parse(List.of("/x.wav")));
        assertInstanceOf(SingleInstance.Claim.HandedOver.class, second);
        assertEquals(List.of("/x.wav"), received.poll(2, TimeUnit.SECONDS).sources());
    }

    @Test
    void aFileThatIsNotASocketIsLeftAloneAndTheLaunchRunsOnItsOwn() throws Exception {
        Files.writeString(socket(), "not a socket");
        SingleInstance.Claim claim = SingleInstance.claim(socket(), LaunchArguments.parse(List.of()));
        assertInstanceOf(SingleInstance.Claim.Alone.class, claim);
        assertEquals("not a socket", Files.readString(socket()));
    }

    @Test
    void malformedMessagesAreIgnoredAndTheInstanceKeepsServing() throws Exception {
        first();
        for (byte[] junk : List.of("hello\n".getBytes(StandardCharsets.UTF_8),
                "BUFFERDECK-OPEN 1\nexplode\n/x\nEND\n".getBytes(StandardCharsets.UTF_8),
                new byte[]{(byte) 0xff, (byte) 0xfe, '\n', 'E', 'N', 'D', '\n'},
                "BUFFERDECK-OPEN 1\nopen\n/a\0b\nEND\n".getBytes(StandardCharsets.UTF_8))) {
            try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
                c.write(ByteBuffer.wrap(junk));
                c.shutdownOutput();
                ByteBuffer reply = ByteBuffer.allocate(8);
                assertEquals(-1, c.read(reply), "no OK for a malformed message");
            }
        }
        assertNull(received.poll(300, TimeUnit.MILLISECONDS));
        assertInstanceOf(SingleInstance.Claim.HandedOver.class,
                SingleInstance.claim(socket(), LaunchArguments.parse(List.of("/ok.flac"))));
        assertEquals(List.of("/ok.flac"), received.poll(2, TimeUnit.SECONDS).sources());
    }

    @Test
    void aSenderThatNeverFinishesIsCutOffAndDoesNotBlockOthers() throws Exception {
        first();
        try (SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            silent.write(ByteBuffer.wrap("BUFFERDECK-OPEN 1\n".getBytes(StandardCharsets.UTF_8)));
            long start = System.nanoTime();
            SingleInstance.Claim next = SingleInstance.claim(socket(), LaunchArguments.parse(List.of("/later.mp3")));
            long millis = (System.nanoTime() - start) / 1_000_000;
            // the silent peer holds the instance for at most its read timeout; the launch waits or runs alone, never hangs
            assertTrue(millis < SingleInstance.READ_TIMEOUT_MILLIS + 1500, "took " + millis + " ms");
            if (next instanceof SingleInstance.Claim.HandedOver) {
                assertEquals(List.of("/later.mp3"), received.poll(3, TimeUnit.SECONDS).sources());
            }
        }
    }

    @Test
    void requestsArrivingBeforeTheWindowIsReadyAreDeliveredInOrderLater() throws Exception {
        SingleInstance.Claim claim = SingleInstance.claim(socket(), LaunchArguments.parse(List.of()));
        running = assertInstanceOf(SingleInstance.Claim.Listening.class, claim).instance();
        SingleInstance.claim(socket(), LaunchArguments.parse(List.of("/1.mp3")));
        SingleInstance.claim(socket(), LaunchArguments.parse(List.of("/2.mp3")));
        running.onLaunch(received::add);
        assertEquals(List.of("/1.mp3"), received.poll(1, TimeUnit.SECONDS).sources());
        assertEquals(List.of("/2.mp3"), received.poll(1, TimeUnit.SECONDS).sources());
    }

    @Test
    void theSocketLivesInXdgRuntimeDirOrNowhere() {
        assertEquals(socket(), SingleInstance.socketPath(Map.of("XDG_RUNTIME_DIR", runtimeDir.toString())).orElseThrow());
        assertTrue(SingleInstance.socketPath(Map.of()).isEmpty());
        assertTrue(SingleInstance.socketPath(Map.of("XDG_RUNTIME_DIR", "relative/dir")).isEmpty());
    }

    @Test
    void argumentsKeepFlagsApartAndResolveRelativePathsForTheOtherProcess() throws IOException {
        LaunchArguments a = LaunchArguments.parse(List.of("--new-window", "song.mp3", "http://h/x.mp3", "--", "--enqueue"))
                .resolvedAgainst(Path.of("/home/u/music"));
        assertTrue(a.newWindow());
        assertFalse(a.enqueue());
        assertEquals(List.of("/home/u/music/song.mp3", "http://h/x.mp3", "/home/u/music/--enqueue"), a.sources());
        assertThrows(IllegalArgumentException.class, () -> InstanceMessage.encode(LaunchArguments.parse(List.of("a\nb"))));
    }
}
