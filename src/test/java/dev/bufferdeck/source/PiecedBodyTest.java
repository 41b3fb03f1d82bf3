package dev.bufferdeck.source;

import com.sun.net.httpserver.HttpExchange;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.audio.waveform.Waveform;
import dev.bufferdeck.audio.waveform.WaveformBuilder;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.format.HexDumpFormatter;
import dev.bufferdeck.format.regions.RegionParser;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #18 item 7: a body loaded from a URL is held in pieces (1 KiB here, so that every fixture spans
 * many and every parser crosses piece boundaries), and everything that reads a buffer reads it as it
 * reads the same file loaded whole: SHA-256, decoded PCM (from the start and after a seek), regions,
 * tags, the hex dump, the waveform, and playback while the pieces are still arriving.
 */
class PiecedBodyTest {
    private static final String DIR = "/dev/bufferdeck/audio/";

    private LoopbackHttpServer server;
    private volatile byte[] body;
    private volatile CountDownLatch secondHalf = new CountDownLatch(0);

    @BeforeAll
    static void smallPieces() {
        System.setProperty(MediaRepository.PIECE_PROPERTY, "1");
    }

    @AfterAll
    static void defaultPieces() {
        System.clearProperty(MediaRepository.PIECE_PROPERTY);
    }

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.start("test-server-pieces", this::serveInWrites);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * With its Content-Length (a body of a few KiB goes into small pieces; one of unknown length goes
     * into large ones, GrowingBufferTest), 3,000-byte writes; waits at half way while
     * {@link #secondHalf} is held.
     */
    private void serveInWrites(HttpExchange ex) throws IOException {
        try (ex) {
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            byte[] b = body;
            for (int off = 0; off < b.length; off += 3000) {
                if (off >= b.length / 2 && off < b.length / 2 + 3000) {
                    out.flush();
                    secondHalf.await(20, TimeUnit.SECONDS);
                }
                out.write(b, off, Math.min(3000, b.length - off));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String url(String name) {
        return server.url("/" + name);
    }

    private static byte[] resource(String name) throws IOException {
        if (name.endsWith(".wav")) return wav(40_000);
        try (InputStream in = PiecedBodyTest.class.getResourceAsStream(DIR + name)) {
            return in.readAllBytes();
        }
    }

    /** A 16-bit stereo WAV of {@code frames} frames of a ramp that never repeats within a piece. */
    private static byte[] wav(int frames) {
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames * 4).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(22050).putInt(22050 * 4)
                .putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(frames * 4);
        for (int i = 0; i < frames; i++) b.putShort((short) (i * 7)).putShort((short) -(i * 13));
        return b.array();
    }

    private static byte[] decode(MediaBuffer buffer, long seekTo) throws Exception {
        try (PcmDecoder d = Decoders.open(buffer)) {
            if (seekTo > 0) d.seekToFrame(seekTo);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = d.read(chunk, 0, chunk.length)) >= 0) out.write(chunk, 0, n);
            return out.toByteArray();
        }
    }

    private static long totalFrames(MediaBuffer buffer) throws Exception {
        try (PcmDecoder d = Decoders.open(buffer)) {
            return d.totalFrames();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ramp.wav", "mp3-seek-16k-6s.mp3", "mp3-vbr-32k-stereo.mp3", "flac-48k-stereo-24bit.flac",
            "flac-seek-8k-5s.flac", "vorbis-seek-22k-6s.ogg", "opus-seek-48k-6s.opus", "aac-seek-22k-6s.m4a",
            "aac-tns-22k-stereo-frag.m4a", "aac-lc-22k-mono-id3.aac"})
    @Timeout(60)
    void aBodyInPiecesReadsAsTheSameFileLoadedWhole(String name) throws Exception {
        body = resource(name);
        MediaRepository piecedRepo = new MediaRepository(64 << 20, new FormatSniffer());
        MediaBuffer pieced;
        try (SourceLoader loader = new SourceLoader(piecedRepo)) {
            pieced = loader.load(url(name)).buffer();
        }
        MediaBuffer whole = new MediaRepository(64 << 20, new FormatSniffer())
                .add(body, name, new Origin.BuiltIn("test"), "").buffer();

        assertFalse(pieced.bytes().isContiguous(), "the body is held in pieces");
        assertTrue(whole.bytes().isContiguous());
        assertTrue(pieced.bytesHeld() < body.length + 1024, "held " + pieced.bytesHeld() + " for " + body.length);
        assertEquals(MediaRepository.sha256(body), pieced.sha256());
        assertEquals(whole.sha256(), pieced.sha256());
        assertEquals(whole.detectedFormat(), pieced.detectedFormat());

        byte[] pcm = decode(whole, 0);
        assertTrue(pcm.length > 1000, name + " decodes");
        assertArrayEquals(pcm, decode(pieced, 0), "the same PCM from the start");
        long middle = totalFrames(whole) / 2;
        assertEquals(totalFrames(whole), totalFrames(pieced));
        assertArrayEquals(decode(whole, middle), decode(pieced, middle), "the same PCM after a seek");

        assertEquals(RegionParser.parse(whole), RegionParser.parse(pieced), "the same regions");
        assertEquals(TagReader.read(whole).title(), TagReader.read(pieced).title());
        assertEquals(HexDumpFormatter.dump(whole.bytes(), 0, -1), HexDumpFormatter.dump(pieced.bytes(), 0, -1));
        Waveform a = WaveformBuilder.build(whole, 64, 2, p -> { }, () -> false);
        Waveform b = WaveformBuilder.build(pieced, 64, 2, p -> { }, () -> false);
        assertArrayEquals(a.min(), b.min(), "the same waveform");
        assertArrayEquals(a.max(), b.max(), "the same waveform");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3-seek-16k-6s.mp3", "flac-seek-8k-5s.flac", "vorbis-seek-22k-6s.ogg", "ramp.wav",
            "opus-seek-48k-6s.opus", "aac-seek-22k-6s.m4a", "aac-tns-22k-stereo-frag.m4a", "aac-lc-22k-mono-id3.aac"})
    @Timeout(60)
    void aBodyStillArrivingInPiecesPlaysAsTheWholeFile(String name) throws Exception {
        body = resource(name);
        secondHalf = new CountDownLatch(1);
        MediaRepository repo = new MediaRepository(64 << 20, new FormatSniffer());
        CompletableFuture<MediaBuffer> listed = new CompletableFuture<>();
        try (SourceLoader loader = new SourceLoader(repo)) {
            CompletableFuture<Object> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return loader.load(url(name), LoadProgress.NONE, new Cancellation(), listed::complete);
                } catch (LoadException e) {
                    return e;
                }
            });
            MediaBuffer growing = listed.get(20, TimeUnit.SECONDS);
            assertFalse(growing.isComplete());
            CompletableFuture<byte[]> heard = CompletableFuture.supplyAsync(() -> {
                try {
                    return decode(growing, 0);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            assertFalse(heard.isDone(), "the decoder waits for the second half");
            secondHalf.countDown();
            byte[] pcm = heard.get(30, TimeUnit.SECONDS);
            load.get(20, TimeUnit.SECONDS);
            MediaBuffer whole = new MediaRepository(64 << 20, new FormatSniffer())
                    .add(body, name, new Origin.BuiltIn("test"), "").buffer();
            assertArrayEquals(decode(whole, 0), pcm, "played while loading, the same PCM as the whole file");
        }
    }
}
