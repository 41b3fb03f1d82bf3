package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
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
 * Every Ogg Vorbis of the test corpus decodes as {@code ffmpeg -f s16le} decodes it, at 90 dB SNR or
 * better and to the same length: Vorbis encoded here by ffmpeg's libvorbis (8 to 48 kHz, mono, stereo
 * and 5.1, qualities -1 to 10, and bursts that make the encoder switch block sizes), and the checked-in
 * Ogg Vorbis files under src/test/resources. Skipped, saying so, without ffmpeg or its libvorbis.
 *
 * <p>Two known differences of ffmpeg 5.1 are allowed for: on files whose last page cuts the last
 * packet short, its decode is 128 frames short of the last granule position (oggenc's) or up to 239
 * frames long (the end not trimmed); there the length asserted is {@code ffprobe}'s
 * {@code duration_ts}, the container's, which we decode exactly, as libvorbis' vorbisfile does, and
 * the comparison runs over the common length. And ffmpeg orders 5.1 as FL FR FC LFE BL BR where Vorbis
 * has FL FC FR BL BR LFE (we keep Vorbis' order, as JOrbis did).
 */
class VorbisMatchesFfmpegTest {
    static final double MIN_SNR_DB = 90;
    private static final String TONES = "aevalsrc=0.3*sin(2*PI*(220+40*sin(t))*t)+0.02*random(0)"
            + "|0.3*sin(2*PI*(330+50*sin(0.7*t))*t)+0.02*random(1):s=%d:d=4";
    /** Noise bursts with sharp onsets every 0.25 s over a low tone: short blocks between long ones. */
    private static final String BURSTS = "aevalsrc=0.1*sin(2*PI*150*t)+0.6*random(0)*gt(mod(t\\,0.25)\\,0.2)"
            + "|0.1*sin(2*PI*190*t)+0.6*random(1)*gt(mod(t+0.1\\,0.25)\\,0.2):s=%d:d=4";
    /** Six different channels, laid out as 5.1. */
    private static final String SIX = "aevalsrc=0.3*sin(2*PI*220*t)|0.3*sin(2*PI*330*t)|0.2*sin(2*PI*440*t)"
            + "|0.3*sin(2*PI*60*t)|0.1*random(0)|0.2*sin(2*PI*(500+100*sin(t))*t):s=%d:d=4:c=5.1";
    /** Where each ffmpeg 5.1 channel (FL FR FC LFE BL BR) is in Vorbis' order (FL FC FR BL BR LFE). */
    private static final int[] VORBIS_OF_FFMPEG_51 = {0, 2, 1, 5, 3, 4};

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "8 kHz mono q0; tones; 8000; 1; 0",
            "11 kHz stereo q3; tones; 11025; 2; 3",
            "16 kHz mono q5; bursts; 16000; 1; 5",
            "22 kHz stereo q-1; tones; 22050; 2; -1",
            "22 kHz stereo q4 bursts; bursts; 22050; 2; 4",
            "32 kHz stereo q6; tones; 32000; 2; 6",
            "44.1 kHz mono q2; tones; 44100; 1; 2",
            "44.1 kHz stereo q5; tones; 44100; 2; 5",
            "44.1 kHz stereo q10; tones; 44100; 2; 10",
            "44.1 kHz stereo q3 bursts; bursts; 44100; 2; 3",
            "48 kHz stereo q8 bursts; bursts; 48000; 2; 8",
            "48 kHz stereo q1; tones; 48000; 2; 1",
            "44.1 kHz 5.1 q4; six; 44100; 6; 4",
            "48 kHz 5.1 q9; six; 48000; 6; 9",
    })
    void anEncodedVorbisMatchesFfmpeg(String name, String signal, int rate, int channels, int quality) throws Exception {
        String pattern = switch (signal) {
            case "bursts" -> BURSTS;
            case "six" -> SIX;
            default -> TONES;
        };
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i", String.format(Locale.ROOT, pattern, rate)));
        if (channels < 6) cmd.addAll(List.of("-ac", String.valueOf(channels)));
        cmd.addAll(List.of("-c:a", "libvorbis", "-q:a", String.valueOf(quality), "-f", "ogg", "pipe:1"));
        byte[] ogg = Mp3MatchesFfmpegTest.run(cmd, new byte[0]);
        assumeTrue(ogg.length > 0, "ffmpeg could not encode " + name);
        long frames = assertMatchesFfmpeg(name, ogg, channels, true);
        assertEquals(4L * rate, frames, name + ": frames");
    }

    @Test
    void everyCheckedInOggVorbisMatchesFfmpeg() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources"))) {
            files = walk.filter(p -> p.toString().endsWith(".ogg")).sorted().toList();
        }
        int vorbis = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            if (!isOggVorbis(bytes)) continue;
            int channels;
            try (PcmDecoder d = Decoders.open(TestBuffers.of(bytes, file.toString()))) {
                channels = d.format().getChannels();
            }
            long frames = assertMatchesFfmpeg(file.toString(), bytes, channels, false);
            String probed = new String(Mp3MatchesFfmpegTest.run(List.of("ffprobe", "-v", "error", "-select_streams", "a:0",
                    "-show_entries", "stream=duration_ts", "-of", "csv=p=0", file.toString()), new byte[0]), StandardCharsets.US_ASCII).strip();
            assertEquals(Long.parseLong(probed), frames, file + ": frames against ffprobe's duration_ts");
            vorbis++;
        }
        assertTrue(vorbis >= 5, "checked-in Ogg Vorbis files found: " + vorbis);
    }

    private static boolean isOggVorbis(byte[] b) {
        return b.length > 35 && b[0] == 'O' && b[1] == 'g' && b[2] == 'g' && b[3] == 'S' && b[28] == 1
                && new String(b, 29, 6, StandardCharsets.ISO_8859_1).equals("vorbis");
    }

    /**
     * Decodes {@code ogg} with ffmpeg and with {@link Decoders}, prints the SNR and holds it to
     * {@link #MIN_SNR_DB} over the common length, and ffmpeg's length to ours when {@code sameLength};
     * returns the frames we decoded.
     */
    static long assertMatchesFfmpeg(String name, byte[] ogg, int channels, boolean sameLength) throws Exception {
        short[] reference = TestBuffers.s16(Mp3MatchesFfmpegTest.run(
                List.of("ffmpeg", "-v", "error", "-f", "ogg", "-i", "pipe:0", "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"), ogg));
        short[] decoded;
        try (PcmDecoder d = Decoders.open(TestBuffers.of(ogg, name))) {
            assertEquals(channels, d.format().getChannels(), name);
            decoded = TestBuffers.s16(TestBuffers.readAll(d));
            assertEquals(d.totalFrames() * channels, decoded.length, name + ": the declared length");
        }
        if (channels == 6) reference = toVorbisOrder(reference);
        long frames = decoded.length / channels;
        long ffmpegFrames = reference.length / channels;
        if (sameLength) assertEquals(ffmpegFrames, frames, name + ": frames against ffmpeg's");
        double snr = LossyCompare.snr(reference, decoded);
        System.out.printf(Locale.ROOT, "%-60s %8d frames (ffmpeg %+d)  SNR %7.1f dB%n", name, frames, ffmpegFrames - frames, snr);
        assertTrue(snr >= MIN_SNR_DB, name + ": SNR against ffmpeg " + snr + " dB");
        return frames;
    }

    private static short[] toVorbisOrder(short[] ffmpeg51) {
        short[] out = new short[ffmpeg51.length];
        for (int f = 0; f < ffmpeg51.length; f += 6) {
            for (int c = 0; c < 6; c++) out[f + VORBIS_OF_FFMPEG_51[c]] = ffmpeg51[f + c];
        }
        return out;
    }
}
