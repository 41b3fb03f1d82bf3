package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every MP3 of the test corpus decodes as {@code ffmpeg -f s16le} decodes it, at 60 dB SNR or
 * better, and to the same length (gapless): the checked-in MP3s under src/test/resources, and MP3s
 * encoded here by ffmpeg's libmp3lame over MPEG-1, 2 and 2.5 rates, mono and stereo (joint and plain),
 * CBR and VBR, with and without a LAME tag, and a signal of sudden bursts that makes LAME switch to
 * short blocks. Skipped, saying so, without ffmpeg. LAME writes no intensity stereo and no mixed
 * blocks; {@code -Dmp3.vectors=DIR} adds every {@code .bit}/{@code .mp3} file of DIR (e.g. the ISO
 * compliance streams in lieff/minimp3's {@code vectors/}, which have both) to the comparison.
 */
class Mp3MatchesFfmpegTest {
    static final double MIN_SNR_DB = 60;
    private static final String TONES = "aevalsrc=0.3*sin(2*PI*(220+40*sin(t))*t)+0.02*random(0)"
            + "|0.3*sin(2*PI*(330+50*sin(0.7*t))*t)+0.02*random(1):s=%d:d=4";
    /** Noise bursts with sharp onsets every 0.25 s over a low tone: LAME's short blocks. */
    private static final String BURSTS = "aevalsrc=0.1*sin(2*PI*150*t)+0.6*random(0)*gt(mod(t\\,0.25)\\,0.2)"
            + "|0.1*sin(2*PI*190*t)+0.6*random(1)*gt(mod(t+0.1\\,0.25)\\,0.2):s=%d:d=4";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "MPEG-2.5 8 kHz mono CBR 16k; tones; 8000; 1; -b:a 16k",
            "MPEG-2.5 11 kHz stereo VBR; tones; 11025; 2; -q:a 4",
            "MPEG-2.5 12 kHz mono CBR 24k; tones; 12000; 1; -b:a 24k",
            "MPEG-2 16 kHz stereo joint CBR 32k; tones; 16000; 2; -b:a 32k",
            "MPEG-2 22 kHz mono VBR; tones; 22050; 1; -q:a 2",
            "MPEG-2 24 kHz stereo plain CBR 64k; tones; 24000; 2; -b:a 64k -joint_stereo 0",
            "MPEG-2 24 kHz stereo joint CBR 96k; tones; 24000; 2; -b:a 96k",
            "MPEG-1 32 kHz stereo VBR; tones; 32000; 2; -q:a 5",
            "MPEG-1 44.1 kHz stereo joint CBR 128k; tones; 44100; 2; -b:a 128k",
            "MPEG-1 44.1 kHz stereo CBR 320k; tones; 44100; 2; -b:a 320k",
            "MPEG-1 44.1 kHz mono CBR 64k, no LAME tag; tones; 44100; 1; -b:a 64k -write_xing 0",
            "MPEG-1 48 kHz stereo VBR V0; tones; 48000; 2; -q:a 0",
            "MPEG-1 44.1 kHz stereo short blocks CBR 128k; bursts; 44100; 2; -b:a 128k",
            "MPEG-1 48 kHz mono short blocks VBR; bursts; 48000; 1; -q:a 3",
            "MPEG-2 22 kHz stereo short blocks CBR 48k; bursts; 22050; 2; -b:a 48k",
            "MPEG-2.5 8 kHz stereo short blocks CBR 24k; bursts; 8000; 2; -b:a 24k",
    })
    void anEncodedMp3MatchesFfmpeg(String name, String signal, int rate, int channels, String options) throws Exception {
        String source = String.format(Locale.ROOT, signal.equals("bursts") ? BURSTS : TONES, rate);
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i", source,
                "-ac", String.valueOf(channels), "-c:a", "libmp3lame"));
        cmd.addAll(Arrays.asList(options.split(" ")));
        cmd.addAll(List.of("-f", "mp3", "pipe:1"));
        byte[] mp3 = run(cmd, new byte[0]);
        assumeTrue(mp3.length > 0, "ffmpeg could not encode " + name);
        assertMatchesFfmpeg(name, null, mp3, channels);
    }

    @Test
    void everyCheckedInMp3MatchesFfmpeg() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources"))) {
            files = walk.filter(p -> p.toString().endsWith(".mp3")).sorted().toList();
        }
        assertTrue(files.size() >= 7, "checked-in MP3s found: " + files);
        for (Path file : files) assertMatchesFfmpeg(file.toString(), file, Files.readAllBytes(file), 0);
    }

    @Test
    void everyMp3OfAGivenDirectoryMatchesFfmpeg() throws Exception {
        String dir = System.getProperty("mp3.vectors");
        assumeTrue(dir != null, "no -Dmp3.vectors=DIR given");
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(dir))) {
            files = list.filter(p -> p.toString().endsWith(".bit") || p.toString().endsWith(".mp3")).sorted().toList();
        }
        List<String> below = new ArrayList<>();
        for (Path file : files) {
            try {
                assertMatchesFfmpeg(file.getFileName().toString(), file, Files.readAllBytes(file), 0);
            } catch (AssertionError | Exception e) {
                below.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), below);
    }

    /**
     * Decodes {@code mp3} with ffmpeg and with {@link Decoders}, prints the SNR and holds it to
     * {@link #MIN_SNR_DB}. ffmpeg reads {@code file} when there is one: from a pipe it keeps the end
     * padding of a file whose LAME tag it reads (839 samples more for mp3-cbr-44k-mono.mp3).
     */
    static void assertMatchesFfmpeg(String name, Path file, byte[] mp3, int channels) throws Exception {
        String in = file == null ? "pipe:0" : file.toString();
        byte[] reference = run(List.of("ffmpeg", "-v", "error", "-f", "mp3", "-i", in, "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"),
                file == null ? mp3 : new byte[0]);
        short[] expected = TestBuffers.s16(reference);
        short[] decoded;
        try (PcmDecoder d = Decoders.open(TestBuffers.of(mp3, name))) {
            if (channels > 0) assertEquals(channels, d.format().getChannels(), name);
            decoded = TestBuffers.s16(TestBuffers.readAll(d));
        }
        double snr = LossyCompare.snr(expected, decoded);
        System.out.printf(Locale.ROOT, "%-60s %8d samples  SNR %7.1f dB%n", name, decoded.length, snr);
        assertEquals(expected.length, decoded.length, name + ": samples against ffmpeg's");
        assertTrue(snr >= MIN_SNR_DB, name + ": SNR against ffmpeg " + snr + " dB");
    }

    /** Runs {@code cmd} with {@code input} on its stdin and returns its stdout; skips the test without ffmpeg. */
    static byte[] run(List<String> cmd, byte[] input) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            assumeTrue(false, "ffmpeg is not installed: " + e.getMessage());
            throw e;
        }
        Thread feeder = new Thread(() -> {
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(input);
            } catch (IOException ignored) {
                // ffmpeg stopped reading; its exit status tells
            }
        }, "ffmpeg-feeder");
        feeder.start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        feeder.join();
        assertEquals(0, p.waitFor(), "ffmpeg failed: " + cmd);
        return out;
    }
}
