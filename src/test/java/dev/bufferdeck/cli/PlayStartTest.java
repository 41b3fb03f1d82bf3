package dev.bufferdeck.cli;

import dev.bufferdeck.audio.sink.PcmRecorder;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code play --start} through the player and the memory sink equals decoding from the beginning
 * and dropping the same number of frames: exactly for FLAC, within 1 ms for the lossy codecs.
 * Uses the decoders' checked-in fixtures (see src/test/resources/dev/bufferdeck/audio/README.md).
 */
class PlayStartTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0} from {1} s")
    @CsvSource({
            "flac-seek-8k-5s.flac, 0.5, true",
            "flac-seek-8k-5s.flac, 2.25, true",
            "flac-seek-8k-5s.flac, 4.9, true",
            "mp3-seek-16k-6s.mp3, 0.7, false",
            "mp3-seek-16k-6s.mp3, 3.3, false",
            "vorbis-seek-22k-6s-ffmpeg.ogg, 1.1, false",
            "vorbis-seek-22k-6s-ffmpeg.ogg, 4.5, false",
            "opus-seek-48k-6s.opus, 0.9, false",
            "opus-seek-48k-6s.opus, 5.2, false",
    })
    void startLandsWhereDecodingFromTheBeginningWould(String fixture, double startSeconds, boolean exact)
            throws Exception {
        Path source = Path.of(getClass().getResource("/dev/bufferdeck/audio/" + fixture).toURI());
        short[] whole = decode(source);
        AudioFormat format = formatOf(source);
        int channels = format.getChannels();
        long skip = Math.round(startSeconds * format.getSampleRate());

        Path out = dir.resolve("out.wav");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run("play", List.of("--start", Double.toString(startSeconds), "--out", out.toString(),
                source.toString()), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        short[] played;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(out.toFile())) {
            played = samples(in.readAllBytes());
        }

        short[] expected = Arrays.copyOfRange(whole, (int) (skip * channels), whole.length);
        if (exact) {
            assertArrayEquals(expected, played);
            return;
        }
        int tolerance = (int) Math.ceil(format.getSampleRate() / 1000);
        assertEquals(expected.length / channels, played.length / channels, tolerance, "length in frames");
        int bestShift = 0;
        double best = -1;
        for (int shift = -tolerance; shift <= tolerance; shift++) {
            double snr = snr(expected, played, shift * channels);
            if (snr > best) {
                best = snr;
                bestShift = shift;
            }
        }
        assertTrue(best >= 30, "SNR " + best + " dB at the best shift of " + bestShift + " frames");
    }

    /** SNR (dB) of {@code played} against {@code expected} shifted by {@code shift} samples, after the first 50 ms. */
    private static double snr(short[] expected, short[] played, int shift) {
        double signal = 0;
        double noise = 0;
        int from = Math.max(0, -shift) + played.length / 100;
        for (int i = from; i < played.length && i + shift < expected.length; i++) {
            if (i + shift < 0) continue;
            double e = expected[i + shift];
            double d = played[i] - e;
            signal += e * e;
            noise += d * d;
        }
        return noise == 0 ? 200 : 10 * Math.log10(signal / noise);
    }

    private static short[] decode(Path file) throws Exception {
        MediaRepository repo = new MediaRepository(FormatDetector.NONE);
        var buffer = repo.add(Files.readAllBytes(file), file.getFileName().toString(), new Origin.File(file), "").buffer();
        try (PcmDecoder d = Decoders.open(buffer)) {
            assertEquals(16, d.format().getSampleSizeInBits());
            ByteArrayOutputStream pcm = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = d.read(buf, 0, buf.length)) >= 0; ) pcm.write(buf, 0, n);
            return samples(pcm.toByteArray());
        }
    }

    private static AudioFormat formatOf(Path file) throws Exception {
        MediaRepository repo = new MediaRepository(FormatDetector.NONE);
        var buffer = repo.add(Files.readAllBytes(file), "f", new Origin.File(file), "").buffer();
        try (PcmDecoder d = Decoders.open(buffer)) {
            return d.format();
        }
    }

    private static short[] samples(byte[] le16) {
        short[] s = new short[le16.length / 2];
        for (int i = 0; i < s.length; i++) s[i] = (short) ((le16[2 * i] & 0xFF) | (le16[2 * i + 1] << 8));
        return s;
    }

    @ParameterizedTest(name = "{0}: seek to {1} s while playing")
    @CsvSource({
            "flac-seek-8k-5s.flac, 4.2, true",
            "flac-seek-8k-5s.flac, 3.5, true",
            "mp3-seek-16k-6s.mp3, 5.1, false",
            "opus-seek-48k-6s.opus, 5.3, false",
    })
    void aSeekWhilePlayingContinuesWithTheSamplesFromThere(String fixture, double seconds, boolean exact)
            throws Exception {
        Path source = Path.of(getClass().getResource("/dev/bufferdeck/audio/" + fixture).toURI());
        short[] whole = decode(source);
        AudioFormat format = formatOf(source);
        int channels = format.getChannels();
        var repo = new MediaRepository(FormatDetector.NONE);
        var buffer = repo.add(Files.readAllBytes(source), fixture, new Origin.File(source), "").buffer();
        var lines = new java.util.concurrent.CopyOnWriteArrayList<dev.bufferdeck.audio.sink.MemorySinkLine>();
        var output = dev.bufferdeck.audio.AudioOutputs.memory(l -> lines.add(PcmRecorder.keep(l, 64 << 20).bufferMillis(500)));
        var ended = new java.util.concurrent.CountDownLatch(1);
        try (var player = new dev.bufferdeck.audio.Player(output, Decoders::open)) {
            player.addListener(new dev.bufferdeck.audio.PlayerListener() {
                @Override public void stateChanged(dev.bufferdeck.audio.PlayerState state, dev.bufferdeck.repository.MediaBuffer b) {
                    if (state != dev.bufferdeck.audio.PlayerState.PLAYING && state != dev.bufferdeck.audio.PlayerState.LOADING) {
                        ended.countDown();
                    }
                }
            });
            player.play(buffer).join();
            Thread.sleep(100);
            player.seek(Math.round(seconds * 1000)).join();
            assertTrue(ended.await(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(dev.bufferdeck.audio.PlayerState.ENDED, player.state());
        }
        short[] played = samples(PcmRecorder.kept(lines.get(0)));
        long target = Math.round(seconds * format.getSampleRate());
        short[] after = Arrays.copyOfRange(whole, (int) (target * channels), whole.length);
        if (exact) {
            int before = played.length - after.length;
            assertTrue(before > 0, "nothing was played before the seek");
            assertArrayEquals(Arrays.copyOf(whole, before), Arrays.copyOf(played, before), "before the seek");
            assertArrayEquals(after, Arrays.copyOfRange(played, before, played.length), "after the seek");
            return;
        }
        int tolerance = (int) Math.ceil(format.getSampleRate() / 1000);
        double best = -1;
        for (int shift = -tolerance; shift <= tolerance; shift++) {
            int from = played.length - after.length + shift * channels;
            if (from < 0) continue;
            best = Math.max(best, snr(after, Arrays.copyOfRange(played, from, played.length), 0));
        }
        assertTrue(best >= 30, "SNR after the seek " + best + " dB");
    }
}
