package dev.bufferdeck.source;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.TitledDecoder;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.InterleavedBlock;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.MemoryFigures;
import dev.bufferdeck.repository.RepositoryListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Internet radio against an Icecast-style server on 127.0.0.1: ICY titles, drops, stalls, the window. */
class LiveStreamTest {
    /** Servers here send at most 200 kB/s, so a reader in a test never falls a whole window behind. */
    private static final int WINDOW = 256 * 1024;
    private static final long BUDGET = 4 << 20;

    private final MediaRepository repository = new MediaRepository(BUDGET, new FormatSniffer());
    private final AtomicLong peak = new AtomicLong();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private SourceLoader loader;
    private final Cancellation cancel = new Cancellation();
    private CompletableFuture<Object> load;
    private final CompletableFuture<MediaBuffer> started = new CompletableFuture<>();

    @AfterEach
    void close() throws Exception {
        cancel.cancel();
        if (load != null) load.get(10, TimeUnit.SECONDS);
        if (loader != null) loader.close();
    }

    private static byte[] audio() throws Exception {
        try (InputStream in = LiveStreamTest.class.getResourceAsStream("/dev/bufferdeck/audio/mp3-seek-16k-6s.mp3")) {
            return in.readAllBytes();
        }
    }

    private MediaBuffer listen(IcecastServer server, HttpSettings http) throws Exception {
        repository.addListener(new RepositoryListener() {
            @Override public void memoryChanged(MemoryFigures f) { peak.accumulateAndGet(f.held() + f.reserved(), Math::max); }
        });
        loader = new SourceLoader(repository, http);
        loader.setLiveSettings(new LiveSettings(WINDOW, 3, Duration.ofMillis(100)));
        load = CompletableFuture.supplyAsync(() -> {
            try {
                return loader.load(server.url("/stream"), LoadProgress.NONE, cancel, new LoadEvents() {
                    @Override public void started(MediaBuffer buffer) { started.complete(buffer); }
                    @Override public void notice(String message) { notices.add(message); }
                });
            } catch (LoadException e) {
                started.completeExceptionally(e);
                return e;
            }
        });
        MediaBuffer live = started.get(10, TimeUnit.SECONDS);
        assertTrue(live.isLive());
        assertFalse(live.isComplete());
        return live;
    }

    /** Reads {@code n} media bytes from the start of the stream. */
    private static byte[] media(MediaBuffer live, int n) throws Exception {
        try (InputStream in = live.openStream()) {
            return in.readNBytes(n);
        }
    }

    @Test
    void anIcecastStreamPlaysAsALiveBufferWhoseTitleChangesWhenItsAudioIsDecoded() throws Exception {
        byte[] audio = audio();
        try (IcecastServer server = new IcecastServer(audio, 4096, k -> "Song " + (k / 4), 60_000, n -> -1)) {
            MediaBuffer live = listen(server, HttpSettings.DEFAULTS);
            byte[] heard = media(live, 150_000);
            assertArrayEquals(Arrays.copyOf(server.media(), 150_000), heard,
                    "the media bytes exactly as sent, metadata blocks taken out");

            List<String> titles = new ArrayList<>();
            long frames = 0;
            try (PcmDecoder d = Decoders.open(live)) {
                assertEquals(-1, d.totalFrames());
                assertEquals(16_000f, d.format().getSampleRate());
                byte[] pcm = new byte[4096];
                while (titles.size() < 3) {
                    int n = d.read(pcm, 0, pcm.length);
                    assertTrue(n > 0, "the stream plays on");
                    frames += n / 2;
                    String t = ((TitledDecoder) d).title();
                    if (t != null && (titles.isEmpty() || !titles.get(titles.size() - 1).equals(t))) titles.add(t);
                }
            }
            assertEquals(List.of("Song 0", "Song 1", "Song 2"), titles);
            double seconds = frames / 16_000.0;
            // "Song 2" is the metadata after block 8, so after 9 blocks of 4096 bytes: 12.1 s of audio at
            // 3042 bytes a second (JLayer's read-ahead used to show it up to a block early)
            assertTrue(seconds > 2 * 5.0 && seconds < 9 * 4096 / 3042.0 + 1.0, "Song 2 began after " + seconds + " s of audio");

            List<InterleavedBlock> blocks = live.interleavedBlocks();
            assertFalse(blocks.isEmpty());
            InterleavedBlock last = blocks.get(blocks.size() - 1);
            assertTrue(last.text().startsWith("StreamTitle='Song "), last.text());
            assertEquals(live.bytes().get((int) last.offset()) * 16 + 1, last.length(), "a block is its length byte and text");
            assertTrue(live.latestMetadata().startsWith("StreamTitle='Song "));
            dev.bufferdeck.format.regions.RegionTree regions = dev.bufferdeck.format.regions.RegionParser.parse(live);
            assertTrue(regions.roots().stream().anyMatch(r -> r.name().equals("ICY metadata")
                    && r.description().startsWith("StreamTitle='Song ")), "the hex view's regions show the blocks");
            long until = System.nanoTime() + 10_000_000_000L;
            while (live.bytesArrived() <= WINDOW && System.nanoTime() < until) Thread.sleep(20);
            assertTrue(live.bytesArrived() > WINDOW && live.size() == WINDOW, "the window holds the newest bytes only");

            cancel.cancel();
            Object result = load.get(5, TimeUnit.SECONDS);
            assertTrue(result instanceof AddResult r && r.buffer() == live, "stopping ends the load: " + result);
            assertTrue(repository.findById(live.id()).isPresent(), "the window stays to be recorded");
            assertEquals(WINDOW, repository.figures().reserved(), "the budget counts the window");
            assertTrue(peak.get() <= WINDOW, "never more than the window: " + peak.get());
        }
    }

    @Test
    void recordingKeepsTheWindowsMediaAsAnOrdinaryBufferThatPlays() throws Exception {
        try (IcecastServer server = new IcecastServer(audio(), 4096, k -> "Song " + k, 0, n -> n == 1 ? 400_000 : 0)) {
            MediaBuffer live = listen(server, HttpSettings.DEFAULTS);
            while (live.bytesArrived() < 300_000) Thread.sleep(10);
            AddResult kept = repository.record(live);
            MediaBuffer recording = kept.buffer();
            assertFalse(recording.isLive());
            assertTrue(recording.isComplete());
            assertEquals(64, recording.sha256().length());
            assertTrue(recording.name().startsWith("stream (recorded "), recording.name());
            byte[] sent = server.media();
            byte[] bytes = new byte[recording.size()];
            recording.bytes().get(0, bytes);
            int at = indexOf(sent, bytes);
            assertTrue(at >= 0, "the recording is a stretch of the media sent, without metadata");
            assertTrue(recording.size() < WINDOW && recording.size() > WINDOW - 70 * 33, "the window's media: " + recording.size());
            try (PcmDecoder d = Decoders.open(recording)) {
                assertTrue(d.totalFrames() > 16_000 * 60, "a minute and more of audio: " + d.totalFrames());
            }
        }
    }

    @Test
    void recordingTheNextSecondsGrowsABufferOfItsOwnAndKeepsItAsAnOrdinaryOne() throws Exception {
        try (IcecastServer server = new IcecastServer(audio(), 4096, k -> "Song " + k, 30_000, n -> -1)) {
            MediaBuffer live = listen(server, HttpSettings.DEFAULTS);
            while (live.bytesArrived() < 20_000) Thread.sleep(10);
            CompletableFuture<Boolean> listedWhileRecording = new CompletableFuture<>();
            List<String> recorderNotices = new CopyOnWriteArrayList<>();
            long t0 = System.nanoTime();
            AddResult kept = LiveRecorder.recordNext(repository, live, Duration.ofSeconds(2), LoadProgress.NONE,
                    new Cancellation(), new LoadEvents() {
                        @Override public void started(MediaBuffer b) {
                            listedWhileRecording.complete(!b.isComplete() && repository.findById(b.id()).isPresent());
                        }
                        @Override public void notice(String message) { recorderNotices.add(message); }
                    });
            double seconds = (System.nanoTime() - t0) / 1e9;

            assertTrue(seconds >= 2 && seconds < 6, "recorded for " + seconds + " s");
            assertTrue(listedWhileRecording.get(1, TimeUnit.SECONDS), "listed at its first bytes, still growing");
            MediaBuffer recording = kept.buffer();
            assertFalse(kept.duplicate());
            assertFalse(recording.isLive());
            assertTrue(recording.isComplete());
            assertEquals(64, recording.sha256().length());
            assertTrue(recording.name().matches("stream \\(recorded [0-9:]+, 2 s\\)"), recording.name());
            assertTrue(recording.size() > 30_000 && recording.size() < 6 * 30_000, "2 s at 30 kB/s: " + recording.size());
            byte[] bytes = new byte[recording.size()];
            recording.bytes().get(0, bytes);
            assertTrue(indexOf(server.media(), bytes) >= 0, "a stretch of the media sent, metadata blocks left out");
            try (PcmDecoder d = Decoders.open(recording)) {
                assertTrue(d.totalFrames() > 16_000 * 8, "the recording plays: " + d.totalFrames() + " frames");
            }
            assertEquals(List.of(), recorderNotices, "it ran its whole time");
            assertTrue(live.isLive() && !live.isComplete(), "the stream plays on");
        }
    }

    @Test
    void stoppingARecordingEarlyKeepsWhatItHas() throws Exception {
        try (IcecastServer server = new IcecastServer(audio(), 4096, k -> "Song " + k, 30_000, n -> -1)) {
            MediaBuffer live = listen(server, HttpSettings.DEFAULTS);
            Cancellation stop = new Cancellation();
            CompletableFuture<AddResult> recording = CompletableFuture.supplyAsync(() -> {
                try {
                    return LiveRecorder.recordNext(repository, live, Duration.ofMinutes(10), LoadProgress.NONE, stop, LoadEvents.NONE);
                } catch (LoadException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(700);
            stop.cancel();
            AddResult kept = recording.get(5, TimeUnit.SECONDS);
            assertTrue(kept.buffer().isComplete());
            assertTrue(kept.buffer().size() > 5_000, "what was recorded until the stop: " + kept.buffer().size());
            assertTrue(kept.buffer().name().endsWith(", 10 min)"), kept.buffer().name());
            assertEquals(List.of(live, kept.buffer()), repository.buffers());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) if (haystack[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void aDroppedStreamReconnectsTellsTheUserAndPlaysOn() throws Exception {
        try (IcecastServer server = new IcecastServer(audio(), 4096, k -> "Song " + k, 200_000, n -> n == 1 ? 60_000 : -1)) {
            MediaBuffer live = listen(server, HttpSettings.DEFAULTS);
            byte[] heard = media(live, 120_000);
            assertArrayEquals(Arrays.copyOf(server.media(), 120_000), heard, "the media of both connections, in order");
            assertEquals(2, server.connections());
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).endsWith("reconnecting (1 of 3)") && notices.get(0).contains("stream lost"), notices.get(0));
        }
    }

    @Test
    void aStallShorterThanTheIdleTimeoutWaitsAndPlaysOnWithoutReconnecting() throws Exception {
        IcecastServer.Plan plan = new IcecastServer.Plan() {
            @Override public long dropAfter(int n) { return -1; }
            @Override public long stallBefore(int n, long at) { return at == 20_480 ? 1500 : 0; }
        };
        try (IcecastServer server = new IcecastServer(audio(), 4096, k -> "Song " + k, 200_000, plan)) {
            MediaBuffer live = listen(server, HttpSettings.DEFAULTS.withIdleTimeout(Duration.ofSeconds(5)));
            long t0 = System.nanoTime();
            byte[] heard = media(live, 40_000);
            assertTrue(System.nanoTime() - t0 > 1_000_000_000L, "the reader waited through the stall");
            assertArrayEquals(Arrays.copyOf(server.media(), 40_000), heard);
            assertEquals(1, server.connections());
            assertEquals(List.of(), notices);
        }
    }

    @Test
    void aStallLongerThanTheIdleTimeoutReconnects() throws Exception {
        IcecastServer.Plan plan = new IcecastServer.Plan() {
            @Override public long dropAfter(int n) { return -1; }
            @Override public long stallBefore(int n, long at) { return n == 1 && at == 20_480 ? 4000 : 0; }
        };
        try (IcecastServer server = new IcecastServer(audio(), 4096, k -> "Song " + k, 200_000, plan)) {
            MediaBuffer live = listen(server, HttpSettings.DEFAULTS.withIdleTimeout(Duration.ofSeconds(1)));
            media(live, 40_000);
            assertEquals(2, server.connections());
            assertTrue(notices.get(0).contains("stalled") && notices.get(0).endsWith("reconnecting (1 of 3)"), notices.toString());
        }
    }

    /**
     * A server that sends a little on every connection and then stalls (or drops) must not keep the
     * load reconnecting for ever: a connection counts as recovered only once it brought the minimum
     * progress (here 16 KiB), so four connections of 2 KiB each are three failed tries.
     */
    @Test
    void aStreamThatStallsAfterALittleOnEveryConnectionEndsAfterThreeTries() throws Exception {
        IcecastServer.Plan plan = new IcecastServer.Plan() {
            @Override public long dropAfter(int n) { return -1; }
            @Override public long stallBefore(int n, long at) { return at == 2_048 ? 20_000 : 0; }
        };
        try (IcecastServer server = new IcecastServer(audio(), 4096, k -> "Song " + k, 200_000, plan)) {
            listen(server, HttpSettings.DEFAULTS.withIdleTimeout(Duration.ofMillis(500))
                    .withMinimumProgress(16 * 1024, Duration.ofSeconds(60)));
            Object result = load.get(15, TimeUnit.SECONDS);
            assertTrue(result instanceof LoadException, String.valueOf(result));
            assertTrue(((LoadException) result).getMessage().endsWith("3 reconnect tries failed"), String.valueOf(result));
            assertEquals(4, server.connections());
            assertEquals(3, notices.size(), notices.toString());
            assertTrue(notices.get(2).endsWith("reconnecting (3 of 3)"), notices.toString());
        }
    }

    @Test
    void aStreamLostForGoodEndsAfterThreeTriesAndItsReadersReachTheEnd() throws Exception {
        IcecastServer.Plan plan = new IcecastServer.Plan() {
            @Override public long dropAfter(int n) { return 30_000; }
            @Override public boolean accept(int n) { return n == 1; }
        };
        try (IcecastServer server = new IcecastServer(audio(), 4096, k -> "Song " + k, 200_000, plan)) {
            MediaBuffer live = listen(server, HttpSettings.DEFAULTS);
            Object result = load.get(10, TimeUnit.SECONDS);
            assertTrue(result instanceof LoadException, String.valueOf(result));
            LoadException e = (LoadException) result;
            assertTrue(e.getMessage().contains("503") && e.getMessage().endsWith("3 reconnect tries failed"), e.getMessage());
            assertEquals(3, notices.size(), notices.toString());
            assertTrue(notices.get(2).endsWith("reconnecting (3 of 3)"));
            assertEquals(30_000, media(live, 100_000).length, "readers get every byte there was, then the end");
            try (PcmDecoder d = Decoders.open(live)) {
                byte[] pcm = new byte[4096];
                while (d.read(pcm, 0, pcm.length) >= 0) { }   // ends instead of waiting for ever
            }
        }
    }
}
