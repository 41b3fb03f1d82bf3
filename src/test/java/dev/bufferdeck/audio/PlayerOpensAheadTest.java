package dev.bufferdeck.audio;

import dev.bufferdeck.audio.sink.MemorySinkLine;
import dev.bufferdeck.audio.sink.PcmRecorder;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.bufferdeck.audio.TestAudio.CD;
import static dev.bufferdeck.audio.TestAudio.concat;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A buffer opened before Play ({@link Player#prepare}, or the queued next track) is played from that
 * decoder, not opened a second time, and sounds exactly as a plain play does.
 */
class PlayerOpensAheadTest {
    private final TestAudio audio = new TestAudio();
    private final List<MemorySinkLine> lines = new CopyOnWriteArrayList<>();
    private final List<TestAudio.ArrayDecoder> decoders = new CopyOnWriteArrayList<>();
    private final RecordingListener events = new RecordingListener();
    private Player player;
    /** Lines play as fast as they are written unless a test needs a track that lasts. */
    private volatile boolean realTime;

    private Player player() {
        player = new Player(AudioOutputs.memory(line -> {
            PcmRecorder.keep(line.realTime(realTime), 16 << 20);
            lines.add(line);
        }), b -> {
            TestAudio.ArrayDecoder d = (TestAudio.ArrayDecoder) audio.opener().open(b);
            decoders.add(d);
            return d;
        });
        player.addListener(events);
        return player;
    }

    @AfterEach
    void close() {
        if (player != null) player.close();
    }

    private byte[] played() {
        return concat(lines.stream().map(PcmRecorder::kept).toArray(byte[][]::new));
    }

    @Test
    void aPreparedBufferPlaysFromTheDecoderOpenedAheadBitExact() throws Exception {
        byte[] pcm = TestAudio.counter(60_000);
        MediaBuffer a = audio.buffer("a", CD, pcm);
        player().prepare(a).join();
        assertEquals(1, decoders.size(), "opened on prepare");
        player.play(a);
        events.awaitFinal(10);
        assertEquals(1, decoders.size(), "not opened again on play");
        assertArrayEquals(pcm, played());
        assertEquals(List.of("state LOADING", "state PLAYING", "started a", "ended a", "state ENDED"), events.events());
    }

    @Test
    void aPreparedBufferPlayedFromAPositionStartsThere() throws Exception {
        byte[] pcm = TestAudio.counter(88_200);
        MediaBuffer a = audio.buffer("a", CD, pcm);
        player().prepare(a).join();
        Thread.sleep(50);   // its first chunks are decoded from frame 0 by now
        player.play(a, 1_000, 0);
        events.awaitFinal(10);
        assertEquals(1, decoders.size());
        assertArrayEquals(TestAudio.range(pcm, CD, 44_100, 88_200), played());
    }

    @Test
    void preparingAnotherBufferClosesTheFirstAndPlayingAnotherKeepsThePreparedOne() throws Exception {
        MediaBuffer a = audio.buffer("a", CD, TestAudio.counter(10_000));
        byte[] pcmB = TestAudio.sine(CD, 440, 0.5, 10_000);
        MediaBuffer b = audio.buffer("b", CD, pcmB);
        byte[] pcmC = TestAudio.counter(5_000);
        MediaBuffer c = audio.buffer("c", CD, pcmC);
        player().prepare(a).join();
        player.prepare(c).join();
        awaitClosed(decoders.get(0));
        player.play(b);
        events.awaitFinal(10);
        assertEquals(3, decoders.size(), "a, c, then b at play");
        assertArrayEquals(pcmB, played());
        assertFalse(decoders.get(1).isClosed(), "c, still selected, stays open");

        lines.clear();
        player.play(c);
        events.await(e -> e.equals("ended c"), 10);
        assertEquals(3, decoders.size(), "c was not opened again");
        assertArrayEquals(pcmC, played());
    }

    @Test
    void playingTheQueuedNextTrackUsesItsOpenedDecoder() throws Exception {
        MediaBuffer a = audio.buffer("a", CD, TestAudio.counter(441_000));   // 10 s: b cannot follow on its own
        byte[] pcmB = TestAudio.sine(CD, 300, 0.5, 20_000);
        MediaBuffer b = audio.buffer("b", CD, pcmB);
        realTime = true;   // as fast as it decodes, a could end, and the line take b, before b is played
        player().play(a);
        player.setNext(b).join();
        assertEquals(2, decoders.size());
        lines.clear();
        player.play(b);
        events.await(e -> e.equals("ended b"), 10);
        assertEquals(2, decoders.size(), "b was not opened a second time");
        assertArrayEquals(pcmB, played());
    }

    private static void awaitClosed(TestAudio.ArrayDecoder d) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3_000;
        while (!d.isClosed() && System.currentTimeMillis() < deadline) Thread.sleep(5);
        assertTrue(d.isClosed(), "the decoder opened ahead was closed");
    }
}
