package dev.bufferdeck.audio;

import dev.bufferdeck.audio.sink.PcmRecorder;
import dev.bufferdeck.audio.sink.MemorySinkLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.bufferdeck.audio.TestAudio.CD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Player#switchOutput}: playback moves to another real (memory sink) line at the position heard. */
class PlayerOutputSwitchTest {
    private final TestAudio audio = new TestAudio();
    private final List<MemorySinkLine> onA = new CopyOnWriteArrayList<>();
    private final List<MemorySinkLine> onB = new CopyOnWriteArrayList<>();
    private final RecordingListener events = new RecordingListener();
    private Player player;

    private static AudioOutput memory(List<MemorySinkLine> lines) {
        return AudioOutputs.memory(line -> {
            PcmRecorder.keep(line.realTime(true), 64 << 20).bufferMillis(100);
            lines.add(line);
        });
    }

    @AfterEach
    void close() {
        if (player != null) player.close();
    }

    @Test
    void switchingWhilePlayingContinuesAtTheSamePositionOnTheNewLineWithin100Ms() throws Exception {
        byte[] pcm = TestAudio.counter(44_100 * 4);
        player = new Player(memory(onA), audio.opener());
        player.addListener(events);
        player.play(audio.buffer("a", CD, pcm)).join();
        player.queueNext(audio.buffer("b", CD, TestAudio.counter(4410))).join();
        Thread.sleep(600);
        long heard = player.positionMillis();
        long asked = System.nanoTime();
        player.switchOutput(new AudioOutputs.Selection(memory(onB), "")).join();
        MemorySinkLine b = await(onB);
        long first = waitForFirstWrite(b);
        double latencyMs = (first - asked) / 1e6;
        assertTrue(latencyMs < 100, "the new line got its first PCM " + latencyMs + " ms after the switch");
        Thread.sleep(200);
        byte[] kept = PcmRecorder.kept(b);
        long firstFrame = (kept[0] & 0xFF) | ((kept[1] & 0xFF) << 8) | ((long) (((kept[2] & 0xFF) | (kept[3] << 8)) ^ 0x5A5A) << 16);
        double startMs = firstFrame * 1000.0 / 44_100;
        assertEquals(heard, startMs, 60, "the new line starts where the old one was heard");
        assertEquals(PlayerState.PLAYING, player.state());
        assertEquals(1, onA.size());
        assertTrue(!onA.get(0).isOpen(), "the old line is closed");
        events.awaitFinal(15);
        assertTrue(events.events().contains("started b"), "the queued track still follows: " + events.events());
    }

    @Test
    void aPausedTrackStaysPausedOnTheNewLine() throws Exception {
        player = new Player(memory(onA), audio.opener());
        player.play(audio.buffer("a", CD, TestAudio.counter(44_100 * 3))).join();
        Thread.sleep(300);
        player.pause().join();
        long at = player.positionMillis();
        player.switchOutput(new AudioOutputs.Selection(memory(onB), "")).join();
        assertEquals(PlayerState.PAUSED, player.state());
        assertEquals(at, player.positionMillis(), 30);
        player.resume().join();
        Thread.sleep(300);
        assertTrue(player.positionMillis() > at + 100, "resumes on the new line");
    }

    private static MemorySinkLine await(List<MemorySinkLine> lines) throws InterruptedException {
        for (int i = 0; i < 200 && lines.isEmpty(); i++) Thread.sleep(5);
        assertEquals(1, lines.size(), "one line opened on the new output");
        return lines.get(0);
    }

    private static long waitForFirstWrite(MemorySinkLine line) throws InterruptedException {
        for (int i = 0; i < 400 && PcmRecorder.firstWriteNanos(line) < 0; i++) Thread.sleep(1);
        assertTrue(PcmRecorder.firstWriteNanos(line) >= 0, "the new line was written to");
        return PcmRecorder.firstWriteNanos(line);
    }
}
