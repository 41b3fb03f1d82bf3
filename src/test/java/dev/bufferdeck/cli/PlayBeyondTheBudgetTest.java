package dev.bufferdeck.cli;

import dev.bufferdeck.audio.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code play} over more than the memory budget holds: each source is loaded shortly before its turn
 * and let go after it, so every track is heard, in order, and tracks cut from one recording follow
 * each other without a gap. What went into the memory sink is written out with {@code --out}.
 */
class PlayBeyondTheBudgetTest {
    private static final AudioFormat MONO = new AudioFormat(8_000f, 16, 1, true, false);

    @TempDir Path dir;

    private Path wav(String name, AudioFormat format, byte[] pcm) throws Exception {
        Path file = dir.resolve(name);
        AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / format.getFrameSize());
        AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }

    /** A tone rising from 200 Hz to 2 kHz: no two stretches of it are the same bytes. */
    private static byte[] sweep(int frames) {
        byte[] pcm = new byte[frames * 2];
        double phase = 0;
        for (int i = 0; i < frames; i++) {
            phase += 2 * Math.PI * (200 + 1_800.0 * i / frames) / MONO.getSampleRate();
            int v = (int) Math.round(Math.sin(phase) * 0.6 * Short.MAX_VALUE);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return pcm;
    }

    /** One generated recording cut into {@code parts} files whose cuts fall mid-cycle. */
    private List<Path> cut(byte[] recording, int parts, String prefix) throws Exception {
        List<Path> files = new ArrayList<>();
        int frames = recording.length / 2;
        for (int i = 0; i < parts; i++) {
            int from = (int) ((long) frames * i / parts) * 2;
            int to = (int) ((long) frames * (i + 1) / parts) * 2;
            files.add(wav(prefix + (i + 1) + ".wav", MONO, Arrays.copyOfRange(recording, from, to)));
        }
        return files;
    }

    private static List<String> args(String budget, Path out, List<Path> files) {
        List<String> args = new ArrayList<>(List.of("--budget", budget, "--out", out.toString()));
        for (Path f : files) args.add(f.toString());
        return args;
    }

    private static List<String> playingLines(List<Path> files) {
        return files.stream().map(f -> "Playing " + f.getFileName()).toList();
    }

    @Test
    @Timeout(60)
    void aListFourTimesTheBudgetPlaysThroughInOrderWithoutGaps() throws Exception {
        byte[] recording = sweep(12 * 50_000);
        List<Path> files = cut(recording, 12, "t");
        long fileSize = Files.size(files.get(0));
        long budget = 3 * fileSize + 100;
        long total = 0;
        for (Path f : files) total += Files.size(f);
        assertTrue(total >= 4 * budget - 1_000, "the list is four times the budget");

        Path out = dir.resolve("all.wav");
        CliRun run = CliRun.of("play", args(Long.toString(budget), out, files).toArray(String[]::new));
        assertEquals(0, run.status(), run.stderr());
        assertEquals("", run.stderr());
        assertEquals(playingLines(files), run.outLines(), "every track, in order");
        assertArrayEquals(recording, PlayCommandTest.dataOf(out), "the recording whole: no gap, nothing lost");
    }

    /**
     * The case scaled down a hundredfold: nine 20 MiB WAVs into a 128 MiB budget stopped at
     * b7 with "memory budget full". Here nine files of about 207 KB into 1.28 MiB.
     */
    @Test
    @Timeout(60)
    void nineFilesOfAFifthOfTheBudgetEachAllPlay() throws Exception {
        List<Path> files = new ArrayList<>();
        List<byte[]> pcm = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            byte[] p = TestAudio.sine(MONO, 200 + 50 * i, 0.5, 103_500);
            pcm.add(p);
            files.add(wav("b" + i + ".wav", MONO, p));
        }
        Path out = dir.resolve("nine.wav");
        CliRun run = CliRun.of("play", args("1.28M", out, files).toArray(String[]::new));
        assertEquals(0, run.status(), run.stderr());
        assertFalse(run.stderr().contains("memory budget full"), run.stderr());
        assertEquals(playingLines(files), run.outLines());
        assertArrayEquals(TestAudio.concat(pcm.toArray(byte[][]::new)), PlayCommandTest.dataOf(out));
    }

    @Test
    void aFileLargerThanTheWholeBudgetIsOneLineAndTheOthersStillPlay() throws Exception {
        Path small = wav("small.wav", MONO, TestAudio.sine(MONO, 300, 0.5, 2_000));
        Path big = wav("big.wav", MONO, TestAudio.sine(MONO, 300, 0.5, 40_000));
        Path after = wav("after.wav", MONO, TestAudio.sine(MONO, 500, 0.5, 2_000));
        Path out = dir.resolve("some.wav");
        CliRun run = CliRun.of("play", args("20K", out, List.of(small, big, after)).toArray(String[]::new));
        assertEquals(1, run.status());
        assertEquals(1, run.errLines().size(), run.stderr() + run.out());
        assertTrue(run.stderr().startsWith("bufferdeck play: " + big + ": memory budget full"), run.stderr());
        assertEquals(List.of("Playing small.wav", "Playing after.wav"), run.outLines());
    }

    @Test
    void aBudgetThatIsNotASizeIsAUsageError() {
        CliRun run = CliRun.of("play", "--budget", "lots", "a.wav");
        assertEquals(2, run.status());
        assertTrue(run.stderr().contains("--budget: not a size: lots"), run.stderr());
    }
}
