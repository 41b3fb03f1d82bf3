package dev.bufferdeck.audio.guard;

import dev.bufferdeck.audio.sink.PcmRecorder;
import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.DecoderOpener;
import dev.bufferdeck.audio.OutputLoop;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.Player;
import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.audio.WarmThreads;
import dev.bufferdeck.audio.TestAudio;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.guard.MisbehavingDecoder.Fault;
import dev.bufferdeck.audio.sink.MemorySinkLine;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Decoders that throw, run out of memory, overflow the stack, loop or return nothing, played through
 * the real {@link Player}, {@link OutputLoop} and memory sink: the player ends in ERROR with one clear
 * message, the next buffer plays, and no thread is left but an abandoned decoder's.
 */
class DecoderIsolationTest {
    private static final Duration PATIENCE = Duration.ofMillis(600);
    private static final byte[] GOOD_PCM = TestAudio.counter(20_000);

    private final MediaRepository repository = new MediaRepository(FormatDetector.NONE);
    private final List<MemorySinkLine> lines = new CopyOnWriteArrayList<>();
    private final Events events = new Events();
    private Player player;
    private Duration patience;

    private final DecoderOpener raw = buffer -> {
        if (buffer.name().equals("good.wav")) return new TestAudio.ArrayDecoder(TestAudio.CD, GOOD_PCM, -1);
        return new MisbehavingDecoder(Fault.valueOf(buffer.name()), 3);
    };

    @AfterEach
    void release() {
        if (player != null) player.close();
        MisbehavingDecoder.release();
    }

    private MediaBuffer buffer(String name) throws Exception {
        return repository.add((name + System.nanoTime()).getBytes(), name, new Origin.BuiltIn(name), "").buffer();
    }

    /** Short patience where the fault is a stall; else the default, which a full GC before an OutOfMemoryError never nears. */
    private Player player(Fault fault) {
        patience = fault == Fault.LOOPS_FOREVER || fault == Fault.RETURNS_ZERO_FOREVER
                ? PATIENCE : GuardedDecoder.DEFAULT_PATIENCE;
        player = new Player(AudioOutputs.memory(line -> {
            PcmRecorder.keep(line.realTime(false), 16 << 20);
            lines.add(line);
        }), GuardedDecoder.guarding(raw, patience));
        player.addListener(events);
        return player;
    }

    private static String expectedWords(Fault fault) {
        return switch (fault) {
            case INDEX_OUT_OF_BOUNDS -> "the decoder crashed (ArrayIndexOutOfBoundsException: Index 8 out of bounds for length 4)";
            case NULL_POINTER -> "the decoder crashed (NullPointerException";
            case OUT_OF_MEMORY -> "the decoder ran out of memory (the file may announce absurd sizes)";
            case STACK_OVERFLOW -> "the decoder recursed too deeply (stack overflow)";
            case LOOPS_FOREVER, RETURNS_ZERO_FOREVER -> "decoder stopped making progress (nothing for 0.6 s)";
        };
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aMisbehavingDecoderEndsInErrorAndTheNextBufferStillPlays(Fault fault) throws Exception {
        MisbehavingDecoder.arm();
        Set<Thread> before = liveThreads(DecoderIsolationTest::busyOfOurs);
        MediaBuffer bad = buffer(fault.name());
        player(fault);

        long t0 = System.nanoTime();
        player.play(bad);
        String error = events.await(e -> e.startsWith("error "), 10);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        events.await(e -> e.equals("state ERROR"), 2);
        assertEquals(PlayerState.ERROR, player.state());
        String expected = "error playback of " + fault + " failed: " + fault + ": " + expectedWords(fault);
        assertTrue(error.startsWith(expected), "expected " + expected + "\n got " + error);
        assertEquals(1, events.matching(e -> e.startsWith("error ")).size(), "one message: " + events.all());
        assertTrue(ms < patience.toMillis() + 3_000, "the error took " + ms + " ms");

        lines.clear();
        MediaBuffer good = buffer("good.wav");
        player.play(good);
        events.await(e -> e.equals("state ENDED"), 10);
        assertArrayEquals(GOOD_PCM, PcmRecorder.kept(lines.get(0)), "the next buffer played bit-exact");

        player.close();
        player = null;
        Set<Thread> left = awaitThreadsSettled(before, fault == Fault.LOOPS_FOREVER ? 1 : 0);
        if (fault == Fault.LOOPS_FOREVER) {
            Thread abandoned = left.iterator().next();
            assertTrue(abandoned.getName().startsWith(GuardedDecoder.THREAD_PREFIX), "left: " + left);
            assertTrue(abandoned.isDaemon(), "the abandoned decoder thread is a daemon");
        }
    }

    @Test
    void anOpenThatCrashesIsAReadableRefusal() throws Exception {
        MediaBuffer b = repository.add(new byte[] {1}, "deep.flac", new Origin.BuiltIn("t"), "").buffer();
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class,
                () -> GuardedDecoder.open(b, buffer -> { throw new StackOverflowError(); }, PATIENCE));
        assertEquals("deep.flac: the decoder recursed too deeply (stack overflow) while opening", e.getMessage());
    }

    @Test
    void anOpenThatNeverReturnsIsAbandoned() throws Exception {
        MisbehavingDecoder.arm();
        MediaBuffer b = repository.add(new byte[] {2}, "stuck.mp3", new Origin.BuiltIn("t"), "").buffer();
        long t0 = System.nanoTime();
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class, () -> GuardedDecoder.open(b, buffer -> {
            try {
                new MisbehavingDecoder(Fault.LOOPS_FOREVER, 0).read(new byte[4], 0, 4);
            } catch (IOException impossible) {
                throw new AssertionError(impossible);
            }
            throw new AssertionError("released");
        }, PATIENCE));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals("stuck.mp3: decoder stopped making progress (nothing for 0.6 s) while opening", e.getMessage());
        assertTrue(ms >= 500 && ms < 3_000, "took " + ms + " ms");
    }

    @Test
    void afterAnOverrunEveryCallFailsAtOnceAndTheStuckThreadIsNeverReused() throws Exception {
        MisbehavingDecoder.arm();
        MediaBuffer b = buffer(Fault.LOOPS_FOREVER.name());
        Set<Thread> before = liveThreads(t -> t.getName().startsWith(GuardedDecoder.THREAD_PREFIX));
        PcmDecoder d = GuardedDecoder.open(b, raw, PATIENCE);
        byte[] buf = new byte[4096];
        for (int i = 0; i < 3; i++) assertEquals(4096, d.read(buf, 0, buf.length));
        IOException first = assertThrows(IOException.class, () -> d.read(buf, 0, buf.length));
        assertTrue(((GuardedDecoder) d).isAbandoned());
        Set<Thread> stuck = liveThreads(t -> t.getName().startsWith(GuardedDecoder.THREAD_PREFIX));
        stuck.removeAll(before);
        assertEquals(1, stuck.size(), "the stuck thread: " + stuck);

        long t0 = System.nanoTime();
        IOException again = assertThrows(IOException.class, () -> d.read(buf, 0, buf.length));
        assertThrows(IOException.class, () -> d.seekToFrame(0));
        assertTrue(System.nanoTime() - t0 < 200_000_000L, "later calls fail at once");
        assertEquals(first.getMessage(), again.getMessage());
        d.close();
        Set<Thread> after = liveThreads(t -> t.getName().startsWith(GuardedDecoder.THREAD_PREFIX));
        after.removeAll(before);
        assertEquals(stuck, after, "no new thread was started for the dead decoder");
    }

    @Test
    void aWellBehavedDecoderPassesThroughUnchangedAndItsThreadEndsOnClose() throws Exception {
        Set<Thread> before = liveThreads(DecoderIsolationTest::busyOfOurs);
        MediaBuffer b = buffer("good.wav");
        PcmDecoder d = GuardedDecoder.open(b, raw, PATIENCE);
        assertEquals(TestAudio.CD, d.format());
        assertEquals(GOOD_PCM.length / 4, d.totalFrames());
        byte[] all = new byte[GOOD_PCM.length];
        int at = 0;
        byte[] buf = new byte[1000];
        for (int n; (n = d.read(buf, 0, buf.length)) > 0; at += n) System.arraycopy(buf, 0, all, at, n);
        assertEquals(-1, d.read(buf, 0, buf.length));
        assertArrayEquals(GOOD_PCM, all);
        assertEquals(GOOD_PCM.length / 4, d.framePosition());
        d.seekToFrame(100);
        assertEquals(100, d.framePosition());
        TestAudio.ArrayDecoder inner = (TestAudio.ArrayDecoder) ((GuardedDecoder) d).inner();
        d.close();
        assertTrue(inner.isClosed(), "close reaches the decoder");
        awaitThreadsSettled(before, 0);
    }

    @Test
    void guardingAGuardingOpenerAddsNoSecondLayer() {
        DecoderOpener once = GuardedDecoder.guarding(raw);
        assertSame(once, GuardedDecoder.guarding(once));
    }

    // ---- helpers ----

    private static Set<Thread> liveThreads(Predicate<Thread> which) {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.isAlive() && which.test(t)) threads.add(t);
        return threads;
    }

    /**
     * One of our threads (decoder, audio, player) at work: a {@linkplain WarmThreads warm thread} waiting
     * for its next task is idle, not left behind (it ends by itself).
     */
    private static boolean busyOfOurs(Thread t) {
        return t.getName().startsWith("bufferdeck-") && !t.getName().equals(WarmThreads.IDLE_NAME);
    }

    /** Waits until exactly {@code expected} of our threads are at work that were not before. */
    private static Set<Thread> awaitThreadsSettled(Set<Thread> before, int expected) throws InterruptedException {
        Set<Thread> extra = Set.of();
        for (int i = 0; i < 150; i++) {
            extra = liveThreads(DecoderIsolationTest::busyOfOurs);
            extra.removeAll(before);
            if (extra.size() == expected) return extra;
            Thread.sleep(20);
        }
        List<String> names = new ArrayList<>();
        for (Thread t : extra) names.add(t.getName());
        fail("expected " + expected + " thread(s) left, found " + names);
        return extra;
    }

    /** Player events as short strings, with waiting. */
    private static final class Events implements PlayerListener {
        private final List<String> events = new ArrayList<>();

        @Override public void stateChanged(PlayerState state, MediaBuffer buffer) { add("state " + state); }
        @Override public void notice(String message, boolean error) { add((error ? "error " : "notice ") + message); }

        private synchronized void add(String e) {
            events.add(e);
            notifyAll();
        }

        synchronized List<String> all() { return List.copyOf(events); }

        synchronized List<String> matching(Predicate<String> p) {
            return events.stream().filter(p).toList();
        }

        synchronized String await(Predicate<String> wanted, double seconds) throws InterruptedException {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            while (true) {
                for (String e : events) if (wanted.test(e)) return e;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no such event within " + seconds + " s; got " + events);
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
