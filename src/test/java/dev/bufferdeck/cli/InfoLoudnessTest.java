package dev.bufferdeck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code info --loudness}: the scanned loudness and true peak, in JSON and in text. */
class InfoLoudnessTest {
    @TempDir Path dir;

    @Test
    void aMinus20DbfsSineInOneChannelReadsMinus23Point01Lufs() throws Exception {
        Path wav = leftSine(dir.resolve("cal.wav"), 1000, 0.1, 5);
        CliRun json = CliRun.of("info", "--json", "--loudness", wav.toString());
        assertEquals(0, json.status(), json.stderr());
        Map<String, Object> facts = MiniJsonParser.object(json.outLines().get(0));
        assertEquals(-23.01, ((Number) facts.get("loudnessLufs")).doubleValue(), 0.1);
        // a 1 kHz sine's crest lies close to a sample: the true peak is the amplitude, −20 dBTP
        assertEquals(-20, ((Number) facts.get("truePeakDbtp")).doubleValue(), 0.1);
        assertNull(facts.get("loudnessError"));

        CliRun text = CliRun.of("info", "--loudness", wav.toString());
        assertTrue(text.out().matches("(?s).*loudness: +-23\\.0\\d LUFS \\(ReplayGain 2\\.0: \\+5\\.0\\d dB\\).*"), text.out());
        assertTrue(text.out().contains("true peak: "), text.out());
    }

    @Test
    void withoutTheOptionNothingIsScanned() throws Exception {
        Path wav = leftSine(dir.resolve("plain.wav"), 1000, 0.1, 1);
        CliRun json = CliRun.of("info", "--json", wav.toString());
        assertFalse(MiniJsonParser.object(json.outLines().get(0)).containsKey("loudnessLufs"));
    }

    @Test
    void silenceHasNoIntegratedLoudnessAndSaysWhy() throws Exception {
        Path wav = leftSine(dir.resolve("silent.wav"), 1000, 0, 2);
        CliRun json = CliRun.of("info", "--json", "--loudness", wav.toString());
        Map<String, Object> facts = MiniJsonParser.object(json.outLines().get(0));
        assertNull(facts.get("loudnessLufs"));
        assertTrue(String.valueOf(facts.get("loudnessError")).contains("gate"), json.out());
    }

    /** A 16-bit 44.1 kHz stereo WAV with a sine in the left channel only. */
    static Path leftSine(Path path, double hz, double amplitude, double seconds) throws Exception {
        AudioFormat cd = new AudioFormat(44_100, 16, 2, true, false);
        int frames = (int) (seconds * 44_100);
        byte[] pcm = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(32767 * amplitude * Math.sin(2 * Math.PI * hz * i / 44_100));
            pcm[i * 4] = (byte) s;
            pcm[i * 4 + 1] = (byte) (s >> 8);
        }
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), cd, frames), AudioFileFormat.Type.WAVE, new File(path.toString()));
        return path;
    }
}
