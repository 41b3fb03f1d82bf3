package dev.bufferdeck.audio;

import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.repository.BudgetExceededException;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static dev.bufferdeck.audio.TestAudio.CD;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The repository never lets go of what the player plays or has queued: each track holds a use of
 * its buffer from the moment it is opened until it is closed. Real WAV bytes, real decoders, the
 * memory sink in real time.
 */
class PlayerKeepsItsBuffersTest {
    private final RecordingListener events = new RecordingListener();
    private Player player;

    @AfterEach
    void close() {
        if (player != null) player.close();
    }

    static byte[] wav(byte[] pcm) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), CD, pcm.length / 4),
                AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    @Test
    void thePlayingAndTheQueuedBufferStayUntilTheyHaveBeenPlayed() throws Exception {
        // longer than the second a reservation waits for a track that just ended to let go of its buffer
        byte[] a = wav(TestAudio.sine(CD, 440, 0.5, 44_100 * 3));
        byte[] b = wav(TestAudio.counter(11_025));
        MediaRepository repo = new MediaRepository(a.length + b.length + 1_000, FormatDetector.NONE);
        MediaBuffer first = repo.add(a, "a.wav", new Origin.File(Path.of("/m/a.wav")), "wav").buffer();
        MediaBuffer second = repo.add(b, "b.wav", new Origin.File(Path.of("/m/b.wav")), "wav").buffer();
        player = new Player(AudioOutputs.memory(line -> line.realTime(true)), Decoders::open);
        player.addListener(events);
        player.play(first);
        player.setNext(second).join();
        events.await(e -> e.equals("started a.wav"), 10);

        assertTrue(first.isInUse(), "playing");
        assertTrue(second.isInUse(), "queued");
        assertThrows(BudgetExceededException.class, () -> repo.reserve(a.length));
        assertTrue(first.isResident());
        assertTrue(second.isResident());

        events.awaitFinal(10);
        assertEquals("state ENDED", events.events().get(events.events().size() - 1));
        assertFalse(first.isInUse(), "the use ends with the track");
        assertFalse(second.isInUse());
        repo.reserve(a.length).close();
        assertFalse(first.isResident(), "once played, the file could be let go");
    }

    @Test
    void aReferenceDoesNotPlayAndSaysWhy() throws Exception {
        byte[] a = wav(TestAudio.counter(1_000));
        MediaRepository repo = new MediaRepository(a.length, FormatDetector.NONE);
        MediaBuffer first = repo.add(a, "a.wav", new Origin.File(Path.of("/m/a.wav")), "wav").buffer();
        assertTrue(repo.letGo(first));
        player = new Player(AudioOutputs.memory(line -> line.realTime(false)), Decoders::open);
        player.addListener(events);
        player.play(first);
        events.awaitFinal(10);
        assertTrue(events.events().contains("error cannot play a.wav: a.wav is not in memory; load it again"),
                events.events().toString());
    }
}
