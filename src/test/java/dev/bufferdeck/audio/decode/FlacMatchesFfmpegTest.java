package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
 * FLAC is lossless, so every FLAC decodes byte for byte as {@code ffmpeg -f s16le}/{@code s24le}
 * decodes it: FLACs encoded here by ffmpeg (mono and stereo, 16 and 24 bit, 8 to 96 kHz, compression
 * levels 0 to 12, so fixed and LPC subframes up to order 32, all stereo modes, constant subframes from
 * silence and wasted bits from coarse samples) and every FLAC checked in under src/test/resources.
 * Encoded to a pipe, the STREAMINFO of these has no sample count, so the length comes from the frames.
 * Skipped, saying so, without ffmpeg.
 */
class FlacMatchesFfmpegTest {
    private static final String TONES = "aevalsrc=0.4*sin(2*PI*(220+40*sin(t))*t)+0.05*random(0)"
            + "|0.4*sin(2*PI*(330+50*sin(0.7*t))*t)+0.05*random(1):s=%d:d=3";
    /** Silence, then samples on a coarse grid (wasted low bits), then full-resolution noise. */
    private static final String MIXED = "aevalsrc=if(lt(t\\,0.5)\\,0\\,if(lt(t\\,1.5)\\,floor(0.5*sin(2*PI*300*t)*64)/128\\,0.7*random(0)))"
            + "|if(lt(t\\,0.7)\\,0\\,if(lt(t\\,1.5)\\,floor(0.5*sin(2*PI*200*t)*64)/128\\,0.7*random(1))):s=%d:d=3";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "8 kHz mono 16-bit level 0; tones; 8000; 1; s16; 0",
            "8 kHz stereo 16-bit level 12; tones; 8000; 2; s16; 12",
            "11 kHz mono 24-bit level 12; tones; 11025; 1; s32; 12",
            "22 kHz stereo 16-bit level 5; mixed; 22050; 2; s16; 5",
            "32 kHz stereo 24-bit level 8; mixed; 32000; 2; s32; 8",
            "44.1 kHz stereo 16-bit level 0; tones; 44100; 2; s16; 0",
            "44.1 kHz stereo 16-bit level 12; tones; 44100; 2; s16; 12",
            "44.1 kHz mono 16-bit level 12; mixed; 44100; 1; s16; 12",
            "48 kHz stereo 24-bit level 0; tones; 48000; 2; s32; 0",
            "48 kHz stereo 24-bit level 12; tones; 48000; 2; s32; 12",
            "96 kHz stereo 24-bit level 12; mixed; 96000; 2; s32; 12",
            "96 kHz mono 24-bit level 0; tones; 96000; 1; s32; 0",
    })
    void anEncodedFlacMatchesFfmpeg(String name, String signal, int rate, int channels, String sampleFormat, int level) throws Exception {
        String source = String.format(Locale.ROOT, signal.equals("mixed") ? MIXED : TONES, rate);
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i", source,
                "-ac", String.valueOf(channels), "-c:a", "flac", "-sample_fmt", sampleFormat,
                "-compression_level", String.valueOf(level), "-f", "flac", "pipe:1"));
        byte[] flac = Mp3MatchesFfmpegTest.run(cmd, new byte[0]);
        assumeTrue(flac.length > 0, "ffmpeg could not encode " + name);
        int bits = assertMatchesFfmpeg(name, flac);
        assertEquals(sampleFormat.equals("s16") ? 16 : 24, bits, name);
    }

    @Test
    void everyCheckedInFlacMatchesFfmpeg() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources"))) {
            files = walk.filter(p -> p.toString().endsWith(".flac")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "checked-in FLACs found: " + files);
        for (Path file : files) assertMatchesFfmpeg(file.toString(), Files.readAllBytes(file));
    }

    /** Decodes {@code flac} with ffmpeg and with {@link Decoders}, asserts the same bytes, returns our output's sample size. */
    private static int assertMatchesFfmpeg(String name, byte[] flac) throws Exception {
        byte[] ours;
        int bits;
        try (PcmDecoder d = Decoders.open(TestBuffers.of(flac, name))) {
            bits = d.format().getSampleSizeInBits();
            ours = TestBuffers.readAll(d);
        }
        String pcm = bits == 16 ? "s16le" : "s24le";
        byte[] reference = Mp3MatchesFfmpegTest.run(List.of("ffmpeg", "-v", "error", "-f", "flac", "-i", "pipe:0",
                "-f", pcm, "-acodec", "pcm_" + pcm, "pipe:1"), flac);
        System.out.printf(Locale.ROOT, "%-60s %8d bytes of %s%n", name, ours.length, pcm);
        assertEquals(reference.length, ours.length, name + ": bytes against ffmpeg's");
        assertTrue(Arrays.equals(reference, ours), name + ": differs from ffmpeg's decode at byte " + Arrays.mismatch(reference, ours));
        return bits;
    }
}
