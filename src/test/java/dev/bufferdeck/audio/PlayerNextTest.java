package dev.bufferdeck.audio;

import dev.bufferdeck.audio.sink.PcmRecorder;
import dev.bufferdeck.audio.sink.MemorySinkLine;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.bufferdeck.audio.TestAudio.CD;
import static dev.bufferdeck.audio.TestAudio.concat;
import static org.junit.jupiter.api.Assertions.*;

/** The player's replaceable next track ({@link Player#setNext}) and stream titles, through the memory sink. */
class PlayerNextTest {
    private final TestAudio audio = new TestAudio();
    private final List<MemorySinkLine> lines = new CopyOnWriteArrayList<>();
    private final List<TestAudio.ArrayDecoder> decoders = new CopyOnWriteArrayList<>();
    private final AtomicInteger opens = new AtomicInteger();
    private final RecordingListener events = new RecordingListener();
    private Player player;

    private Player player(boolean realTime, int bufferMillis) {
        AudioOutput output = AudioOutputs.memory(line -> {
            PcmRecorder.keep(line.realTime(realTime), 64 << 20).bufferMillis(bufferMillis);
            lines.add(line);
        });
        player = new Player(output, b -> {
            opens.incrementAndGet();
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
    void theNextTrackFollowsGaplesslyOnTheSameLine() throws Exception {
        byte[] first = TestAudio.sine(CD, 440, 0.5, 30_000);
        byte[] second = TestAudio.counter(20_000);
        player(true, 1_000).play(audio.buffer("a", CD, first));
        player.setNext(audio.buffer("b", CD, second));
        events.awaitFinal(10);
        assertEquals(1, lines.size());
        assertArrayEquals(concat(first, second), played());
        assertEquals(List.of("state LOADING", "state PLAYING", "started a", "ended a", "started b", "ended b",
                "state ENDED"), events.events());
    }

    @Test
    void settingAnotherNextReplacesItAndClosesTheReplacedDecoder() throws Exception {
        byte[] first = TestAudio.counter(44_100);
        byte[] third = TestAudio.sine(CD, 300, 0.5, 10_000);
        player(true, 200).play(audio.buffer("a", CD, first));
        player.setNext(audio.buffer("b", CD, TestAudio.counter(5_000))).join();
        player.setNext(audio.buffer("c", CD, third)).join();
        events.awaitFinal(10);
        assertArrayEquals(concat(first, third), played());
        assertTrue(decoders.get(1).isClosed(), "the replaced track's decoder was closed");
        assertFalse(events.events().contains("started b"));
    }

    @Test
    void settingNoNextClearsIt() throws Exception {
        byte[] first = TestAudio.counter(22_050);
        player(true, 200).play(audio.buffer("a", CD, first));
        player.setNext(audio.buffer("b", CD, TestAudio.counter(5_000))).join();
        player.setNext(null).join();
        events.awaitFinal(10);
        assertArrayEquals(first, played());
        assertEquals(List.of("state LOADING", "state PLAYING", "started a", "ended a", "state ENDED"), events.events());
    }

    @Test
    void settingTheSameNextAgainOpensNothing() throws Exception {
        MediaBuffer b = audio.buffer("b", CD, TestAudio.counter(5_000));
        player(true, 200).play(audio.buffer("a", CD, TestAudio.counter(22_050)));
        player.setNext(b);
        player.setNext(b);
        player.setNext(b).join();
        assertEquals(2, opens.get(), "a and b, each once");
        events.awaitFinal(10);
        assertEquals(2, opens.get());
    }

    @Test
    void replacingANextThatIsAlreadyWrittenButNotHeardCutsItOutWithoutLosingAFrame() throws Exception {
        byte[] first = TestAudio.counter(22_050);                     // 0.5 s
        byte[] third = TestAudio.sine(CD, 300, 0.5, 11_025);
        player(true, 1_000).play(audio.buffer("a", CD, first));     // the 1 s line holds all of a and some of b
        player.setNext(audio.buffer("b", CD, TestAudio.sine(CD, 500, 0.5, 44_100))).join();
        long deadline = System.currentTimeMillis() + 3_000;
        while (System.currentTimeMillis() < deadline) {
            MemorySinkLine line = lines.isEmpty() ? null : lines.get(0);
            if (line != null && line.getBufferSize() - line.available() + line.playedBytes() > first.length + 8_192) break;
            Thread.sleep(1);
        }
        assertTrue(lines.get(0).playedBytes() < first.length, "a was still being heard");
        player.setNext(audio.buffer("c", CD, third)).join();
        events.awaitFinal(10);
        assertEquals(1, lines.size());
        assertArrayEquals(concat(first, third), played());
        assertEquals(List.of("state LOADING", "state PLAYING", "started a", "ended a", "started c", "ended c",
                "state ENDED"), events.events());
    }

    @Test
    void aTitleAnnouncedByASourceIsToldWhenItsFramesAreHeard() throws Exception {
        MediaBuffer radio = audio.buffer("radio", CD, TestAudio.counter(44_100 * 2));
        player(true, 200).play(radio).join();
        Thread.sleep(100);   // the decoder is ahead of what is heard now
        player.announceTitle(radio, "Artist - Song").join();
        long announcedAt = player.positionMillis();
        events.await(e -> e.startsWith("title "), 5);
        assertTrue(player.positionMillis() > announcedAt + 300,
                "told when the frames decoded after it are heard, not at once: " + announcedAt + " -> " + player.positionMillis());
        events.awaitFinal(10);
        assertTrue(events.events().contains("title radio Artist - Song"), events.events().toString());
        int title = events.events().indexOf("title radio Artist - Song");
        assertTrue(title > events.events().indexOf("started radio") && title < events.events().indexOf("ended radio"),
                events.events().toString());
    }

    @Test
    void aDecoderThatNamesItsTitleChangesItWhileItPlays() throws Exception {
        byte[] pcm = TestAudio.counter(40_000);
        MediaBuffer stream = audio.buffer("stream", CD, pcm);
        AudioOutput output = AudioOutputs.memory(line -> PcmRecorder.keep(line.realTime(false), 1 << 20));
        player = new Player(output, b -> new TitledArrayDecoder(pcm, 20_000));
        player.addListener(events);
        player.play(stream);
        events.awaitFinal(10);
        List<String> titles = events.events().stream().filter(e -> e.startsWith("title ")).toList();
        assertEquals(List.of("title stream first link", "title stream second link"), titles);
    }

    /** Names "first link" for its first {@code switchAt} frames, then "second link" (like a chained Ogg). */
    private static final class TitledArrayDecoder implements TitledDecoder {
        private final TestAudio.ArrayDecoder inner;
        private final long switchAt;

        TitledArrayDecoder(byte[] pcm, long switchAt) {
            this.inner = new TestAudio.ArrayDecoder(CD, pcm, -1);
            this.switchAt = switchAt;
        }

        @Override public String title() { return inner.framePosition() <= switchAt ? "first link" : "second link"; }
        @Override public javax.sound.sampled.AudioFormat format() { return inner.format(); }
        @Override public long totalFrames() { return inner.totalFrames(); }
        @Override public int read(byte[] buf, int off, int len) throws java.io.IOException { return inner.read(buf, off, len); }
        @Override public void seekToFrame(long frame) { inner.seekToFrame(frame); }
        @Override public long framePosition() { return inner.framePosition(); }
        @Override public void close() { inner.close(); }
    }
}
