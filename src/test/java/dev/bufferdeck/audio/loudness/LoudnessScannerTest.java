package dev.bufferdeck.audio.loudness;

import dev.bufferdeck.audio.TestAudio;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scan meters on its own thread while it decodes: same answer as the meter fed directly, and no thread left behind. */
class LoudnessScannerTest {
    @Test
    void theScanGivesWhatTheMeterFedInOneGoGives() throws Exception {
        byte[] pcm = TestAudio.concat(TestAudio.sine(TestAudio.CD, 440, 0.5, 44_100 * 3), TestAudio.sine(TestAudio.CD, 3_000, 0.2, 44_100 * 4));
        LoudnessMeter direct = new LoudnessMeter(TestAudio.CD);
        direct.add(pcm, 0, pcm.length);

        Loudness scanned = LoudnessScanner.scan(wav(pcm), p -> { }, () -> false);

        assertEquals(direct.result(), scanned);
        assertTrue(scanned.integratedLufs() > -20 && scanned.integratedLufs() < 0, scanned.describe());
        assertEquals(0, meteringThreads());
    }

    @Test
    void aCancelledScanStopsItsMeteringThread() throws Exception {
        MediaBuffer buffer = wav(TestAudio.sine(TestAudio.CD, 440, 0.5, 44_100 * 20));
        AtomicInteger polls = new AtomicInteger();
        assertThrows(CancellationException.class, () -> LoudnessScanner.scan(buffer, p -> { }, () -> polls.incrementAndGet() > 3));
        for (int i = 0; i < 100 && meteringThreads() > 0; i++) Thread.sleep(10);
        assertEquals(0, meteringThreads());
    }

    private static long meteringThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().endsWith("-meter") && t.isAlive()).count();
    }

    private static MediaBuffer wav(byte[] pcm) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), TestAudio.CD, pcm.length / 4), AudioFileFormat.Type.WAVE, out);
        return new MediaRepository(new FormatSniffer()).add(out.toByteArray(), "scan.wav", new Origin.BuiltIn("scan.wav"), "").buffer();
    }
}
