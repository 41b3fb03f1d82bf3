package dev.bufferdeck.cli;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.TestAudio;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PlayCommandTest {
    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run("play", List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path wav(String name, AudioFormat format, byte[] pcm) throws Exception {
        Path file = dir.resolve(name);
        AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / format.getFrameSize());
        AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }

    /** Everything our decoder makes of a file. */
    static byte[] decode(Path file) throws Exception {
        MediaRepository repo = new MediaRepository(FormatDetector.NONE);
        var buffer = repo.add(Files.readAllBytes(file), file.getFileName().toString(), new Origin.File(file), "").buffer();
        try (PcmDecoder d = Decoders.open(buffer)) {
            ByteArrayOutputStream pcm = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = d.read(buf, 0, buf.length)) >= 0; ) pcm.write(buf, 0, n);
            return pcm.toByteArray();
        }
    }

    private static AudioFormat formatOf(Path wav) throws Exception {
        return AudioSystem.getAudioFileFormat(wav.toFile()).getFormat();
    }

    static byte[] dataOf(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return in.readAllBytes();
        }
    }

    @Test
    void outWritesExactlyTheDecodedPcmAsWav() throws Exception {
        Path tone = wav("tone.wav", TestAudio.CD, TestAudio.sine(TestAudio.CD, 1000, 0.5, 44_100));
        Path result = dir.resolve("result.wav");
        assertEquals(0, run("--out", result.toString(), tone.toString()), errText());
        assertEquals("", errText());
        AudioFormat f = formatOf(result);
        assertEquals(44_100f, f.getSampleRate());
        assertEquals(2, f.getChannels());
        assertEquals(16, f.getSampleSizeInBits());
        assertArrayEquals(decode(tone), dataOf(result));
        assertEquals(44 + 44_100 * 4, Files.size(result));
    }

    @Test
    void outKeeps24BitSourcesAt24Bit() throws Exception {
        Path tone = wav("hi.wav", TestAudio.MONO_48K_24, TestAudio.sine(TestAudio.MONO_48K_24, 440, 0.7, 12_000));
        Path result = dir.resolve("hi-out.wav");
        assertEquals(0, run("--out", result.toString(), tone.toString()), errText());
        assertEquals(24, formatOf(result).getSampleSizeInBits());
        assertEquals(48_000f, formatOf(result).getSampleRate());
        assertArrayEquals(decode(tone), dataOf(result));
    }

    @Test
    void severalSourcesFollowEachOtherInOrderAndStartAppliesToTheFirst() throws Exception {
        byte[] a = TestAudio.counter(44_100);
        byte[] b = TestAudio.sine(TestAudio.CD, 300, 0.4, 10_000);
        Path first = wav("a.wav", TestAudio.CD, a);
        Path second = wav("b.wav", TestAudio.CD, b);
        Path result = dir.resolve("both.wav");
        assertEquals(0, run("--start", "0.5", "--out", result.toString(), first.toString(), second.toString()), errText());
        byte[] expected = TestAudio.concat(Arrays.copyOfRange(a, 22_050 * 4, a.length), b);
        assertArrayEquals(expected, dataOf(result));
    }

    @Test
    void endStopsAfterExactlyThatManySecondsOfFrames() throws Exception {
        byte[] pcm = TestAudio.counter(44_100 * 3);
        Path long3 = wav("three.wav", TestAudio.CD, pcm);
        Path result = dir.resolve("one.wav");
        assertEquals(0, run("--out", result.toString(), "--end", "1", long3.toString()), errText());
        assertArrayEquals(Arrays.copyOf(pcm, 44_100 * 4), dataOf(result), "exactly the first second");
        assertEquals(44 + 44_100 * 4, Files.size(result));
    }

    @Test
    void endCountsPlaybackAcrossSourcesAndFromTheStart() throws Exception {
        byte[] a = TestAudio.counter(44_100);
        byte[] b = TestAudio.sine(TestAudio.CD, 300, 0.4, 44_100);
        Path first = wav("a.wav", TestAudio.CD, a);
        Path second = wav("b.wav", TestAudio.CD, b);
        Path result = dir.resolve("cut.wav");
        assertEquals(0, run("--start", "0.5", "--end", "0.75", "--out", result.toString(), first.toString(),
                second.toString()), errText());
        byte[] expected = TestAudio.concat(Arrays.copyOfRange(a, 22_050 * 4, a.length), Arrays.copyOf(b, 11_025 * 4));
        assertArrayEquals(expected, dataOf(result), "the last half second of a, then a quarter of b");
    }

    @Test
    void stdoutNamesEachTrackAsItIsHeard() throws Exception {
        Path first = wav("a.wav", TestAudio.CD, TestAudio.counter(4_410));
        Path second = wav("b.wav", TestAudio.CD, TestAudio.sine(TestAudio.CD, 300, 0.4, 4_410));
        assertEquals(0, run("--out", dir.resolve("ab.wav").toString(), first.toString(), second.toString()), errText());
        assertEquals(List.of("Playing a.wav", "Playing b.wav"), out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void volumeIsAppliedToWhatGoesIntoTheLine() throws Exception {
        byte[] pcm = TestAudio.sine(TestAudio.CD, 500, 0.8, 5_000);
        Path tone = wav("v.wav", TestAudio.CD, pcm);
        Path result = dir.resolve("v-out.wav");
        assertEquals(0, run("--volume", "0.5", "--out", result.toString(), tone.toString()), errText());
        byte[] played = dataOf(result);
        for (int i = 0; i < pcm.length / 2; i++) {
            assertEquals(Math.round(TestAudio.sample16(pcm, i) * 0.125), TestAudio.sample16(played, i));
        }
    }

    @Test
    void aMissingSourceIsOneLineAndStatusOne() {
        int status = run("--out", dir.resolve("x.wav").toString(), dir.resolve("missing.wav").toString());
        assertEquals(1, status);
        assertEquals(1, errText().lines().count(), errText());
        assertTrue(errText().contains("missing.wav"), errText());
        assertFalse(errText().contains("Exception"), errText());
    }

    @Test
    void aFileThatIsNotAudioIsOneClearLine() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "just words, no sound at all");
        assertEquals(1, run("--out", dir.resolve("n.wav").toString(), text.toString()));
        assertEquals(1, errText().lines().count(), errText());
        assertTrue(errText().startsWith("bufferdeck play: ") && errText().contains("notes.txt"), errText());
    }

    @Test
    void badUsageIsStatusTwo() {
        assertEquals(2, run());
        assertEquals(2, run("--volume", "3", "a.wav"));
        assertEquals(2, run("--start", "soon", "a.wav"));
        assertEquals(2, run("--end", "-1", "a.wav"));
        assertEquals(2, run("--bogus", "a.wav"));
        assertEquals(2, run("--out", "x.wav", "--device", "memory", "a.wav"));
        assertTrue(errText().contains("usage: bufferdeck play"));
    }

    @Test
    void anUnknownDeviceIsOneLineAndStatusOne() throws Exception {
        Path tone = wav("d.wav", TestAudio.CD, TestAudio.counter(100));
        assertEquals(1, run("--device", "no-such-card-anywhere", tone.toString()));
        assertTrue(errText().contains("no audio output named \"no-such-card-anywhere\""), errText());
    }

    @Test
    void playIntoTheRealTimeMemorySinkTakesAboutTheDuration() throws Exception {
        Path tone = wav("rt.wav", TestAudio.CD, TestAudio.counter(44_100 / 4));
        long t0 = System.nanoTime();
        assertEquals(0, run("--device", "memory", tone.toString()), errText());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 240, "250 ms of audio played in " + ms + " ms");
    }

    @Test
    void devicesListsTheMemorySink() {
        int status = Cli.run("devices", List.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("BufferDeck memory sink"), out.toString());
    }
}
