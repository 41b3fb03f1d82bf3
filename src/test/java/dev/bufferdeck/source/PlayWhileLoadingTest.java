package dev.bufferdeck.source;

import dev.bufferdeck.audio.sink.PcmRecorder;
import dev.bufferdeck.audio.AudioOutput;
import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.Player;
import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.audio.sink.MemorySinkLine;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A URL plays while its body arrives: a loopback server sends an MP3 at four times its bitrate, the
 * player starts at the buffer's first bytes, and what reaches the in-memory line is the whole track.
 */
class PlayWhileLoadingTest {
    /** 6 s of 24 kbps MPEG-2 (16 kHz mono), 18,252 bytes; see src/test/resources/dev/bufferdeck/audio/README.md. */
    private static final String TRACK = "/dev/bufferdeck/audio/mp3-seek-16k-6s.mp3";

    private final MediaRepository repository = new MediaRepository(64 << 20, new FormatSniffer());
    private final SourceLoader loader = new SourceLoader(repository);
    private final List<MemorySinkLine> lines = new CopyOnWriteArrayList<>();
    private final AtomicLong firstPcmNanos = new AtomicLong();
    private Player player;

    @AfterEach
    void close() {
        if (player != null) player.close();
        loader.close();
    }

    private static byte[] track() throws Exception {
        try (InputStream in = PlayWhileLoadingTest.class.getResourceAsStream(TRACK)) {
            return in.readAllBytes();
        }
    }

    /** Serves {@code body} with its length, {@code bytesPerSecond} in tenth-of-a-second slices. */
    static RawHttpServer throttled(byte[] body, int bytesPerSecond, String type) throws Exception {
        return new RawHttpServer((s, head) -> {
            RawHttpServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n");
            sendThrottled(s, body, 0, body.length, bytesPerSecond);
        });
    }

    static void sendThrottled(Socket s, byte[] body, int from, int to, int bytesPerSecond) throws Exception {
        OutputStream out = s.getOutputStream();
        int slice = Math.max(1, bytesPerSecond / 10);
        long t0 = System.nanoTime();
        for (int at = from, k = 1; at < to; at += slice, k++) {
            out.write(body, at, Math.min(slice, to - at));
            out.flush();
            long due = t0 + k * 100_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private Player player(PlayerListener listener) {
        AudioOutput output = AudioOutputs.memory(line -> {
            PcmRecorder.keep(line.realTime(false), 16 << 20, (pcm, off, len) -> firstPcmNanos.compareAndSet(0, System.nanoTime()));
            lines.add(line);
        });
        player = new Player(output, Decoders::open);
        player.addListener(listener);
        return player;
    }

    private static byte[] wholeDecode(byte[] file) throws Exception {
        MediaRepository r = new MediaRepository(64 << 20, new FormatSniffer());
        MediaBuffer b = r.add(file, "whole.mp3", new dev.bufferdeck.repository.Origin.BuiltIn("t"), "").buffer();
        try (PcmDecoder d = Decoders.open(b)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = d.read(chunk, 0, chunk.length)) >= 0) out.write(chunk, 0, n);
            return out.toByteArray();
        }
    }

    @Test
    void aUrlServedAtFourTimesItsBitratePlaysFromItsFirstBytes() throws Exception {
        byte[] file = track();
        int rate = file.length / 6 * 4;
        Ending ending = new Ending();
        try (RawHttpServer server = throttled(file, rate, "audio/mpeg")) {
            Player p = player(ending);
            long t0 = System.nanoTime();
            AtomicLong listedNanos = new AtomicLong();
            loader.load(server.url("/track.mp3"), LoadProgress.NONE, new Cancellation(), buffer -> {
                listedNanos.set(System.nanoTime());
                assertTrue(!buffer.isComplete());
                p.play(buffer);
            });
            long loadedNanos = System.nanoTime();
            assertTrue(ending.done.await(20, TimeUnit.SECONDS), "playback ended");
            assertEquals(PlayerState.ENDED, ending.state);
            assertTrue(firstPcmNanos.get() > 0 && firstPcmNanos.get() < loadedNanos,
                    "the first PCM reached the line before the body was in");
            System.out.printf("PlayWhileLoadingTest: body %d B over %.0f ms; listed after %.0f ms, first PCM after %.0f ms%n",
                    file.length, (loadedNanos - t0) / 1e6, (listedNanos.get() - t0) / 1e6, (firstPcmNanos.get() - t0) / 1e6);
        }
        byte[] heard = PcmRecorder.kept(lines.get(0));
        byte[] whole = wholeDecode(file);
        assertEquals(whole.length, heard.length, "the whole track reached the line");
    }

    @Test
    void cancellingTheLoadStopsPlaybackOfThatBufferWithTheReason() throws Exception {
        byte[] file = track();
        Ending ending = new Ending();
        try (RawHttpServer server = throttled(file, file.length / 6, "audio/mpeg")) {
            Player p = player(ending);
            Cancellation cancel = new Cancellation();
            CountDownLatch listed = new CountDownLatch(1);
            CompletableFuture<Object> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return loader.load(server.url("/track.mp3"), LoadProgress.NONE, cancel, b -> {
                        p.play(b);
                        listed.countDown();
                    });
                } catch (LoadException e) {
                    return e;
                }
            });
            assertTrue(listed.await(10, TimeUnit.SECONDS));
            ending.playing.await(10, TimeUnit.SECONDS);
            Thread.sleep(300);
            cancel.cancel();
            assertTrue(load.get(5, TimeUnit.SECONDS) instanceof LoadException e && e.isCancelled());
            assertTrue(ending.done.await(15, TimeUnit.SECONDS), "playback stopped");
            assertTrue(ending.errors.stream().anyMatch(m -> m.contains("load cancelled")), "told why: " + ending.errors);
            assertEquals(0, repository.count(), "the cancelled buffer left the repository");
            assertEquals(repository.budget(), repository.available());
        }
    }

    private static final class Ending implements PlayerListener {
        final CountDownLatch done = new CountDownLatch(1);
        final CountDownLatch playing = new CountDownLatch(1);
        final List<String> errors = new CopyOnWriteArrayList<>();
        volatile PlayerState state;

        @Override
        public void stateChanged(PlayerState s, MediaBuffer buffer) {
            if (s == PlayerState.PLAYING) playing.countDown();
            if (s == PlayerState.ENDED || s == PlayerState.ERROR || s == PlayerState.STOPPED) {
                state = s;
                done.countDown();
            }
        }

        @Override public void notice(String message, boolean error) { errors.add(message); }
    }
}
