package dev.bufferdeck.audio;

import dev.bufferdeck.audio.sink.PcmRecorder;
import dev.bufferdeck.audio.sink.MemorySinkLine;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.bufferdeck.audio.TestAudio.CD;
import static dev.bufferdeck.audio.TestAudio.concat;
import static dev.bufferdeck.audio.TestAudio.range;
import static org.junit.jupiter.api.Assertions.*;

/** The player through the memory sink: real Java Sound lines, real timing where timing is the point. */
class PlayerTest {
    private final TestAudio audio = new TestAudio();
    private final List<MemorySinkLine> lines = new CopyOnWriteArrayList<>();
    private final RecordingListener events = new RecordingListener();
    private Player player;

    private Player player(boolean realTime) {
        return player(realTime, MemorySinkLine.DEFAULT_BUFFER_MILLIS);
    }

    private Player player(boolean realTime, int bufferMillis) {
        AudioOutput output = AudioOutputs.memory(line -> {
            PcmRecorder.keep(line.realTime(realTime), 64 << 20).bufferMillis(bufferMillis);
            lines.add(line);
        });
        player = new Player(output, audio.opener());
        player.addListener(events);
        return player;
    }

    @AfterEach
    void close() {
        if (player != null) player.close();
    }

    /** Everything every line of this test played, in order. */
    private byte[] played() {
        byte[][] parts = lines.stream().map(PcmRecorder::kept).toArray(byte[][]::new);
        return concat(parts);
    }

    private static boolean audioThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(OutputLoop.THREAD_NAME) && t.isAlive());
    }

    private static void awaitNoAudioThread() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3_000;
        while (audioThreadAlive() && System.currentTimeMillis() < deadline) Thread.sleep(10);
        assertFalse(audioThreadAlive(), "an audio thread is still running");
    }

    @Test
    void playsTheDecodedPcmBitExactAndEnds() throws Exception {
        byte[] pcm = TestAudio.counter(100_000);
        MediaBuffer a = audio.buffer("a", CD, pcm);
        player(false).play(a);
        events.awaitFinal(10);
        assertArrayEquals(pcm, played());
        assertEquals(List.of("state LOADING", "state PLAYING", "started a", "ended a", "state ENDED"), events.events());
        assertEquals(PlayerState.ENDED, player.state());
        assertEquals(a, player.current());
        assertEquals(Math.round(100_000 / 44.1), player.positionMillis(), 1);
        assertEquals("memory sink", player.outputName());
        assertTrue(events.threads().stream().allMatch(Player.EVENT_THREAD::equals), "events on the event thread");
        awaitNoAudioThread();
    }

    @Test
    void startOffsetSkipsExactlyThatManyFrames() throws Exception {
        byte[] pcm = TestAudio.counter(88_200);
        player(false).play(audio.buffer("a", CD, pcm), 1_000, 0);
        events.awaitFinal(10);
        assertArrayEquals(range(pcm, CD, 44_100, 88_200), played());
    }

    @Test
    void positionFollowsWhatWasHeardAndStopsWhilePaused() throws Exception {
        MediaBuffer a = audio.buffer("a", CD, TestAudio.counter(44_100 * 5));
        long t0 = System.nanoTime();
        player(true).play(a).join();
        long fullBy = System.nanoTime() + 3_000_000_000L;
        // over 100 ms written ahead (the line wakes its writer once per chunk, so it is seldom quite full)
        while (lines.get(0).available() > lines.get(0).getBufferSize() / 2 && System.nanoTime() < fullBy) Thread.onSpinWait();
        long heard = player.positionMillis();
        long elapsed = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(heard <= elapsed + 1, "position " + heard + " ms is more than the " + elapsed + " ms since play");
        assertEquals(5_000, player.durationMillis());
        Thread.sleep(400);
        long playing = player.positionMillis();
        assertTrue(playing >= 300 && playing <= 1_500, "position " + playing + " ms after 400 ms");

        player.pause().join();
        assertEquals(PlayerState.PAUSED, player.state());
        long paused = player.positionMillis();
        Thread.sleep(300);
        assertEquals(paused, player.positionMillis(), "position moved while paused");

        player.resume().join();
        Thread.sleep(300);
        assertTrue(player.positionMillis() >= paused + 200, "position did not move after resume");
        assertEquals(List.of("state LOADING", "state PLAYING", "started a", "state PAUSED", "state PLAYING"),
                events.events());
    }

    @Test
    void stopReleasesTheLineAndDecoder() throws Exception {
        MediaBuffer a = audio.buffer("a", CD, TestAudio.counter(44_100 * 5));
        player(true).play(a).join();
        Thread.sleep(100);
        player.stop().join();
        assertEquals(PlayerState.STOPPED, player.state());
        assertEquals(0, player.positionMillis());
        assertNull(player.line());
        assertFalse(lines.get(0).isOpen(), "the line was not closed");
        awaitNoAudioThread();
        long heard = lines.get(0).playedBytes();
        Thread.sleep(100);
        assertEquals(heard, lines.get(0).playedBytes());
    }

    @Test
    void seekJumpsAndPlaysTheRightSamplesAfterIt() throws Exception {
        byte[] pcm = TestAudio.counter(44_100 * 4);
        player(true).play(audio.buffer("a", CD, pcm)).join();
        Thread.sleep(150);
        player.seek(3_000).join();
        long deadline = System.currentTimeMillis() + 2_000;
        while (player.positionMillis() < 3_000 && System.currentTimeMillis() < deadline) Thread.sleep(5);
        long pos = player.positionMillis();
        assertTrue(pos >= 3_000 && pos < 3_800, "position after seek " + pos);
        events.awaitFinal(5);

        byte[] played = played();
        int frames = played.length / 4;
        int jump = -1;
        for (int i = 1; i < frames; i++) {
            if (frameIndex(played, i) != frameIndex(played, i - 1) + 1) {
                jump = i;
                break;
            }
        }
        assertTrue(jump > 0, "no jump in the played frames");
        assertArrayEquals(range(pcm, CD, 0, jump), range(played, CD, 0, jump), "before the seek");
        assertArrayEquals(range(pcm, CD, 3 * 44_100, 4 * 44_100), range(played, CD, jump, frames), "after the seek");
    }

    private static int frameIndex(byte[] counterPcm, int frame) {
        int low = TestAudio.sample16(counterPcm, frame * 2) & 0xFFFF;
        int high = (TestAudio.sample16(counterPcm, frame * 2 + 1) & 0xFFFF) ^ 0x5A5A;
        return (high << 16) | low;
    }

    @Test
    void volumeScalesSamplesOnThePerceptualCurve() throws Exception {
        byte[] pcm = TestAudio.sine(CD, 440, 0.9, 20_000);
        player(false).setVolume(0.5);
        player.play(audio.buffer("a", CD, pcm));
        events.awaitFinal(10);
        byte[] played = played();
        assertEquals(0.125, SoftwareGain.amplitude(0.5), 1e-12);
        assertEquals(pcm.length, played.length);
        for (int i = 0; i < pcm.length / 2; i++) {
            assertEquals(Math.round(TestAudio.sample16(pcm, i) * 0.125), TestAudio.sample16(played, i), "sample " + i);
        }
    }

    @Test
    void fullVolumeLeavesTheSamplesUntouched() throws Exception {
        byte[] pcm = TestAudio.sine(TestAudio.MONO_48K_24, 1000, 0.99, 10_000);
        player(false).setVolume(1.0);
        player.play(audio.buffer("a", TestAudio.MONO_48K_24, pcm));
        events.awaitFinal(10);
        assertArrayEquals(pcm, played());
    }

    @Test
    void muteGivesSilence() throws Exception {
        byte[] pcm = TestAudio.sine(CD, 440, 0.9, 20_000);
        player(false).setMuted(true);
        player.play(audio.buffer("a", CD, pcm));
        events.awaitFinal(10);
        byte[] played = played();
        assertEquals(pcm.length, played.length);
        for (byte b : played) assertEquals(0, b);
        assertTrue(player.isMuted());
    }

    @Test
    void loopsRepeatTheBufferWithoutGaps() throws Exception {
        byte[] pcm = TestAudio.counter(10_000);
        player(false).play(audio.buffer("a", CD, pcm), 0, 2);
        events.awaitFinal(10);
        assertArrayEquals(concat(pcm, pcm, pcm), played());
        assertEquals(1, lines.size());
    }

    @Test
    void aQueuedBufferOfTheSameFormatFollowsGaplesslyOnTheSameLine() throws Exception {
        byte[] first = TestAudio.sine(CD, 440, 0.5, 22_050);
        byte[] second = TestAudio.counter(22_050);
        MediaBuffer a = audio.buffer("a", CD, first);
        MediaBuffer b = audio.buffer("b", CD, second);
        player(true, 1_000).play(a);
        player.queueNext(b);
        boolean checked = false;
        long deadline = System.currentTimeMillis() + 3_000;
        while (!checked && System.currentTimeMillis() < deadline) {
            MemorySinkLine line = lines.isEmpty() ? null : lines.get(0);
            if (line == null) continue;
            long heard = line.playedBytes();
            long written = heard + line.getBufferSize() - line.available();
            if (written > first.length && line.playedBytes() < first.length - 4 * 13_230) {
                assertEquals(a, player.current(), "b was written but not heard yet");
                assertTrue(player.positionMillis() < 500, "position " + player.positionMillis());
                checked = true;
            }
        }
        assertTrue(checked, "never saw b written while a was still being heard");
        events.awaitFinal(10);
        assertEquals(1, lines.size(), "gapless playback must stay on one line");
        assertArrayEquals(concat(first, second), played());
        assertEquals(List.of("state LOADING", "state PLAYING", "started a", "ended a", "started b", "ended b",
                "state ENDED"), events.events());
        assertEquals(b, player.current());
    }

    @Test
    void aQueuedBufferOfAnotherFormatPlaysOnANewLine() throws Exception {
        byte[] first = TestAudio.counter(4_410);
        byte[] second = TestAudio.sine(TestAudio.MONO_48K_24, 300, 0.5, 4_800);
        MediaBuffer a = audio.buffer("a", CD, first);
        MediaBuffer b = audio.buffer("b", TestAudio.MONO_48K_24, second);
        player(true).play(a);
        player.queueNext(b);
        events.awaitFinal(10);
        assertEquals(2, lines.size());
        assertArrayEquals(first, PcmRecorder.kept(lines.get(0)));
        assertArrayEquals(second, PcmRecorder.kept(lines.get(1)));
        assertEquals(List.of("state LOADING", "state PLAYING", "started a", "ended a", "started b", "ended b",
                "state ENDED"), events.events());
        assertFalse(lines.get(0).isOpen(), "the first line was not released");
    }

    @Test
    void aDecoderFailingMidPlayEndsInErrorWithNoThreadLeft() throws Exception {
        MediaBuffer bad = audio.buffer("bad.wav", CD, TestAudio.counter(50_000), 40_000);
        player(false).play(bad);
        assertEquals("state ERROR", events.awaitFinal(10));
        String error = events.await(e -> e.startsWith("error "), 2);
        assertTrue(error.contains("bad.wav") && error.contains("corrupt frame"), error);
        assertEquals(PlayerState.ERROR, player.state());
        assertNull(player.line());
        awaitNoAudioThread();
        assertFalse(lines.get(0).isOpen());
    }

    @Test
    void anUndecodableBufferIsAnErrorWithItsMessage() throws Exception {
        MediaBuffer unknown = new TestAudio().buffer("notes.txt", CD, new byte[0]);
        player(false).play(unknown);
        assertEquals("state ERROR", events.awaitFinal(5));
        assertEquals(List.of("state LOADING", "error notes.txt is not audio we can play.", "state ERROR"),
                events.events(), "the message comes before the ERROR state");
        assertTrue(lines.isEmpty(), "no line is opened for a buffer that cannot be decoded");
    }

    @Test
    void closeEndsEveryPlayerThread() throws Exception {
        player(true).play(audio.buffer("a", CD, TestAudio.counter(44_100 * 3))).join();
        player.close();
        // a warm thread is renamed idle a moment after its output task ends, and a pool thread leaves
        // its executor a moment before it dies, so allow each that moment
        awaitNoAudioThread();
        long deadline = System.currentTimeMillis() + 2_000;
        while (playerThreadAlive() && System.currentTimeMillis() < deadline) Thread.sleep(10);
        assertFalse(playerThreadAlive(), "player threads still running after close");
    }

    private static boolean playerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive()
                && (t.getName().equals(Player.CONTROL_THREAD) || t.getName().equals(Player.EVENT_THREAD)));
    }

    @Test
    void theTapHoldsTheLatestFramesAndNeverBlocks() throws Exception {
        byte[] pcm = TestAudio.counter(44_100 * 2);
        player(true).play(audio.buffer("a", CD, pcm)).join();
        Thread.sleep(200);
        PcmTap tap = player.line().tap();
        byte[] latest = new byte[4 * 1_000];
        int n = tap.latest(latest);
        assertEquals(latest.length, n);
        int last = frameIndex(latest, 999);
        assertArrayEquals(range(pcm, CD, last - 999, last + 1), latest, "the tap's frames are consecutive source frames");
        assertTrue(tap.framesOffered() > 0);
    }

    @Test
    void switchingBuffersReleasesTheOldLineAndDecoder() throws Exception {
        player(true).play(audio.buffer("a", CD, TestAudio.counter(44_100 * 3))).join();
        player.play(audio.buffer("b", CD, TestAudio.counter(44_100 * 3))).join();
        assertEquals(2, lines.size());
        assertFalse(lines.get(0).isOpen());
        assertTrue(lines.get(1).isOpen());
        assertEquals("b", player.current().name());
    }

    @Test
    void theNoDeviceNoticeReachesListenersOnFirstPlay() throws Exception {
        player = new Player(new AudioOutputs.Selection(AudioOutputs.memory(l -> l.realTime(false)),
                AudioOutputs.NO_DEVICE_NOTICE), audio.opener());
        player.addListener(events);
        player.play(audio.buffer("a", CD, TestAudio.counter(100)));
        events.awaitFinal(5);
        assertTrue(events.events().contains("notice No audio device — playing into memory"), events.events().toString());
    }

    @Test
    void playingFormatWithNoSampleRateIsRefusedClearly() {
        AudioFormat weird = new AudioFormat(AudioFormat.Encoding.ULAW, 8_000f, 8, 1, 1, 8_000f, false);
        OutputException e = assertThrows(OutputException.class, () -> AudioOutputs.memory().openLine(weird));
        assertTrue(e.getMessage().contains("memory sink cannot play"), e.getMessage());
    }

    @Test
    void seekWhilePausedMovesThePositionAndStaysPaused() throws Exception {
        byte[] pcm = TestAudio.counter(44_100 * 4);
        player(true).play(audio.buffer("a", CD, pcm)).join();
        Thread.sleep(100);
        player.pause().join();
        player.seek(2_000).join();
        long deadline = System.currentTimeMillis() + 2_000;
        while (player.positionMillis() != 2_000 && System.currentTimeMillis() < deadline) Thread.sleep(5);
        assertEquals(2_000, player.positionMillis());
        Thread.sleep(200);
        assertEquals(2_000, player.positionMillis(), "a paused player must not move after a seek");
        assertEquals(PlayerState.PAUSED, player.state());
        player.togglePause().join();
        assertEquals(PlayerState.PLAYING, player.state());
        events.awaitFinal(5);
        byte[] played = played();
        byte[] tail = range(pcm, CD, 2 * 44_100, 4 * 44_100);
        assertArrayEquals(tail, java.util.Arrays.copyOfRange(played, played.length - tail.length, played.length));
    }

    @Test
    void aBusyOrRefusingDeviceIsAnErrorWithItsMessageAndTheDecoderIsClosed() throws Exception {
        List<TestAudio.ArrayDecoder> decoders = new CopyOnWriteArrayList<>();
        DecoderOpener opener = b -> {
            TestAudio.ArrayDecoder d = (TestAudio.ArrayDecoder) audio.opener().open(b);
            decoders.add(d);
            return d;
        };
        AudioOutput busy = new AudioOutput() {
            @Override public String name() { return "Card 1"; }
            @Override public boolean isMemory() { return false; }
            @Override public javax.sound.sampled.SourceDataLine openLine(AudioFormat format) throws OutputException {
                throw new OutputException("audio device \"Card 1\" is busy or unavailable");
            }
        };
        player = new Player(busy, opener);
        player.addListener(events);
        player.play(audio.buffer("a", CD, TestAudio.counter(1_000)));
        assertEquals("state ERROR", events.awaitFinal(5));
        assertEquals(List.of("state LOADING", "error audio device \"Card 1\" is busy or unavailable", "state ERROR"),
                events.events());
        // decoding starts on the decoder's thread as it opens, so that thread closes it, a moment later
        long deadline = System.currentTimeMillis() + 2_000;
        while (!decoders.get(0).isClosed() && System.currentTimeMillis() < deadline) Thread.sleep(5);
        assertTrue(decoders.get(0).isClosed(), "the decoder was left open");
        assertEquals("Card 1", player.outputName());
    }

    @Test
    void seekAfterTheEndPlaysAgainFromThere() throws Exception {
        byte[] pcm = TestAudio.counter(44_100);
        MediaBuffer a = audio.buffer("a", CD, pcm);
        player(false).play(a);
        events.awaitFinal(5);
        player.seek(500).join();
        assertEquals(2, lines.size());
        long deadline = System.currentTimeMillis() + 5_000;
        while (events.events().stream().filter("state ENDED"::equals).count() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertArrayEquals(range(pcm, CD, 22_050, 44_100), PcmRecorder.kept(lines.get(1)));
    }

    @Test
    void seekingBackWhileTheNextTrackIsAlreadyWrittenReplaysFromThereAndKeepsTheNextOne() throws Exception {
        byte[] first = TestAudio.counter(66_150);
        byte[] second = TestAudio.sine(CD, 440, 0.5, 11_025);
        MediaBuffer a = audio.buffer("a", CD, first);
        MediaBuffer b = audio.buffer("b", CD, second);
        player(true, 1_000).play(a);
        player.queueNext(b).join();
        long deadline = System.currentTimeMillis() + 3_000;
        while (System.currentTimeMillis() < deadline) {   // the 1 s line buffer holds the end of a and some of b
            MemorySinkLine line = lines.isEmpty() ? null : lines.get(0);
            if (line != null && line.getBufferSize() - line.available() + line.playedBytes() > first.length) break;
            Thread.sleep(1);
        }
        player.seek(100).join();
        events.awaitFinal(10);

        byte[] played = played();
        int jump = -1;
        for (int i = 1; i < first.length / 4; i++) {
            if (frameIndex(played, i) != frameIndex(played, i - 1) + 1) {
                jump = i;
                break;
            }
        }
        if (jump < 0) jump = 4_410; // the seek came exactly at frame 4 410: nothing to see, nothing lost
        byte[] expected = concat(range(first, CD, 0, jump), range(first, CD, 4_410, 66_150), second);
        assertArrayEquals(expected, played);
        assertEquals(1, lines.size());
        assertEquals(List.of("state LOADING", "state PLAYING", "started a", "ended a", "started b", "ended b",
                "state ENDED"), events.events());
    }

    @Test
    void aDecoderFailingOnItsFirstReadEndsInErrorWithNoThreadLeft() throws Exception {
        player(true).play(audio.buffer("broken.flac", CD, TestAudio.counter(1_000), 0));
        assertEquals("state ERROR", events.awaitFinal(10));
        assertTrue(events.events().stream().anyMatch(e -> e.startsWith("error ") && e.contains("broken.flac")
                && e.contains("corrupt frame at byte 0")), events.events().toString());
        awaitNoAudioThread();
        assertFalse(lines.get(0).isOpen());
        assertEquals(0, lines.get(0).playedBytes());
    }

    @Test
    void aTrackQueuedAfterTheLastWasWrittenButBeforeItWasHeardStillFollowsWithoutAGap() throws Exception {
        byte[] first = TestAudio.counter(22_050);
        byte[] second = TestAudio.sine(CD, 440, 0.5, 11_025);
        MediaBuffer a = audio.buffer("a", CD, first);
        player(true, 1_000).play(a).join();
        Thread.sleep(150); // all of a (0.5 s) sits in the 1 s line buffer; the decoder is at its end
        player.queueNext(audio.buffer("b", CD, second));
        events.awaitFinal(10);
        assertEquals(1, lines.size(), "the late track must continue on the same line");
        assertArrayEquals(concat(first, second), played());
    }
}
