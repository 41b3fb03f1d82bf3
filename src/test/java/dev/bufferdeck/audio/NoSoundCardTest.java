package dev.bufferdeck.audio;

import dev.bufferdeck.audio.sink.MemorySinkLine;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Playback without a sound card, and with the line taken away while it plays: the player falls back
 * to the memory sink with a notice, or stops with one; nothing hangs.
 */
class NoSoundCardTest {
    private final TestAudio audio = new TestAudio();
    private final RecordingListener events = new RecordingListener();
    private Player player;

    @AfterEach
    void close() {
        if (player != null) assertTimeoutPreemptively(Duration.ofSeconds(10), player::close);
    }

    @Test
    void withNoDeviceTheDefaultOutputPlaysIntoMemoryWithANotice() throws Exception {
        boolean noDevice = AudioOutputs.list().stream().allMatch(AudioOutputs.Device::memory);
        assumeTrue(noDevice, "this machine has a real audio device; the no-device fallback cannot be seen here");
        AudioOutputs.Selection selection = AudioOutputs.choose("default");
        assertTrue(selection.output().isMemory());

        player = new Player(selection, audio.opener());
        player.addListener(events);
        MediaBuffer a = audio.buffer("a", TestAudio.CD, TestAudio.counter(4_410));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            player.play(a);
            assertEquals("state ENDED", events.awaitFinal(5));
        });
        assertTrue(events.events().contains("notice " + AudioOutputs.NO_DEVICE_NOTICE), events.events().toString());
        assertEquals("memory sink", player.outputName());
    }

    @Test
    void aLineClosedFromOutsideMidPlayStopsWithANotice() throws Exception {
        AtomicReference<SourceDataLine> taken = new AtomicReference<>();
        player = new Player(failingOutput(taken, (line, written) -> null), audio.opener());
        player.addListener(events);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            player.play(audio.buffer("long.wav", TestAudio.CD, TestAudio.counter(44_100 * 20))).join();
            Thread.sleep(300);
            taken.get().close();
            assertEquals("error playback of long.wav failed: the audio output was closed",
                    events.await(e -> e.startsWith("error "), 5));
        });
        assertEquals(PlayerState.ERROR, player.state());
        assertNoAudioThreadLeft();
    }

    @Test
    void aLineWhoseWritesStartFailingStopsWithANotice() throws Exception {
        player = new Player(failingOutput(new AtomicReference<>(), (line, written) ->
                written > 44_100 ? new IllegalStateException("device unplugged") : null), audio.opener());
        player.addListener(events);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            player.play(audio.buffer("long.wav", TestAudio.CD, TestAudio.counter(44_100 * 20)));
            assertEquals("error playback of long.wav failed: device unplugged", events.await(e -> e.startsWith("error "), 5));
        });
        assertEquals(PlayerState.ERROR, player.state());
        assertNoAudioThreadLeft();
    }

    @Test
    void aLineThatStopsTakingDataWhileRunningStopsWithANotice() throws Exception {
        AtomicReference<SourceDataLine> taken = new AtomicReference<>();
        player = new Player(failingOutput(taken, (line, written) -> written > 44_100 ? STALL : null), audio.opener());
        player.addListener(events);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            player.play(audio.buffer("long.wav", TestAudio.CD, TestAudio.counter(44_100 * 20)));
            assertEquals("error playback of long.wav failed: the audio output stopped taking data",
                    events.await(e -> e.startsWith("error "), 15));
        });
        assertEquals(PlayerState.ERROR, player.state());
        assertNoAudioThreadLeft();
    }

    /** Returned by a fault to make {@code write} accept nothing from then on, the line still open and running. */
    private static final RuntimeException STALL = new RuntimeException("stall");

    /**
     * An output whose lines are memory-sink lines (fast, not real time) behind a proxy; before each
     * write, {@code fault} is asked, given the bytes written so far, for an exception to throw instead.
     */
    private static AudioOutput failingOutput(AtomicReference<SourceDataLine> taken,
                                             BiFunction<SourceDataLine, Long, RuntimeException> fault) {
        AudioOutput memory = AudioOutputs.memory(l -> l.realTime(true));
        return new AudioOutput() {
            @Override public String name() { return "flaky device"; }
            @Override public boolean isMemory() { return false; }

            @Override
            public SourceDataLine openLine(AudioFormat format) throws OutputException {
                MemorySinkLine real = (MemorySinkLine) memory.openLine(format);
                AtomicLong written = new AtomicLong();
                SourceDataLine proxy = (SourceDataLine) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {SourceDataLine.class}, (p, method, args) -> {
                            if (method.getName().equals("write")) {
                                RuntimeException e = fault.apply(real, written.get());
                                if (e == STALL) return 0;
                                if (e != null) throw e;
                                int n = (int) method.invoke(real, args);
                                written.addAndGet(n);
                                return n;
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
                taken.set(proxy);
                return proxy;
            }
        };
    }

    private static void assertNoAudioThreadLeft() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3_000;
        while (System.currentTimeMillis() < deadline) {
            boolean alive = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals(OutputLoop.THREAD_NAME) && t.isAlive());
            if (!alive) return;
            Thread.sleep(10);
        }
        fail("an audio thread is still running");
    }
}
