package dev.bufferdeck.audio;

import dev.bufferdeck.audio.sink.PcmRecorder;
import dev.bufferdeck.audio.guard.GuardedDecoder;
import dev.bufferdeck.audio.sink.MemorySinkLine;
import dev.bufferdeck.repository.BufferWriter;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.bufferdeck.audio.TestAudio.CD;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A decoder that waits for bytes still arriving is buffering, not stuck: with a patience of 0.4 s,
 * a read that blocks for 1.2 s on a buffer still loading is told as buffering and playback goes on
 * bit-exact once the bytes are there.
 */
class BufferingTest {
    private static final Duration PATIENCE = Duration.ofMillis(400);
    private final RecordingListener events = new RecordingListener();
    private Player player;

    @AfterEach
    void close() {
        if (player != null) player.close();
    }

    @Test
    void aDecoderWaitingForBytesOfALoadingBufferIsBufferingNotStuck() throws Exception {
        MediaRepository repository = new MediaRepository(FormatDetector.NONE);
        BufferWriter writer = repository.startLoad("slow.wav", new Origin.BuiltIn("slow"), "", -1);
        writer.write(new byte[] {1, 2, 3, 4}, 0, 4);
        MediaBuffer loading = writer.buffer();
        assertFalse(loading.isComplete());
        byte[] pcm = TestAudio.counter(20_000);
        CountDownLatch arrived = new CountDownLatch(1);
        MemorySinkLine[] line = new MemorySinkLine[1];
        player = new Player(AudioOutputs.memory(l -> line[0] = PcmRecorder.keep(l.realTime(false), 1 << 20)),
                GuardedDecoder.guarding(b -> new WaitingDecoder(pcm, 8_000, arrived), PATIENCE));
        player.addListener(events);
        player.play(loading);
        events.await(e -> e.equals("buffering slow.wav"), 5);
        Thread.sleep(3 * PATIENCE.toMillis());
        assertTrue(player.isBuffering());
        assertEquals(PlayerState.PLAYING, player.state(), "still playing, not an error: " + events.events());
        writer.write(new byte[] {5, 6, 7, 8}, 0, 4);
        writer.complete();
        arrived.countDown();
        assertEquals("state ENDED", events.awaitFinal(10));
        assertArrayEquals(pcm, PcmRecorder.kept(line[0]));
        assertTrue(events.events().contains("flowing slow.wav"), events.events().toString());
        assertFalse(player.isBuffering());
    }

    /** Gives its first frames at once, then blocks in read until the rest "arrived". */
    private static final class WaitingDecoder implements PcmDecoder {
        private final TestAudio.ArrayDecoder inner;
        private final long waitAtFrame;
        private final CountDownLatch arrived;

        WaitingDecoder(byte[] pcm, long waitAtFrame, CountDownLatch arrived) {
            this.inner = new TestAudio.ArrayDecoder(CD, pcm, -1);
            this.waitAtFrame = waitAtFrame;
            this.arrived = arrived;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (inner.framePosition() >= waitAtFrame) {
                try {
                    if (!arrived.await(10, TimeUnit.SECONDS)) throw new IOException("never arrived");
                } catch (InterruptedException e) {
                    throw new IOException("interrupted");
                }
            }
            long room = waitAtFrame - inner.framePosition();
            int n = room > 0 ? (int) Math.min(len, room * CD.getFrameSize()) : len;
            return inner.read(buf, off, n);
        }

        @Override public AudioFormat format() { return inner.format(); }
        @Override public long totalFrames() { return inner.totalFrames(); }
        @Override public void seekToFrame(long frame) { inner.seekToFrame(frame); }
        @Override public long framePosition() { return inner.framePosition(); }
        @Override public void close() { inner.close(); }
    }
}
