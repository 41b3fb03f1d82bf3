package dev.bufferdeck.cli;

import dev.bufferdeck.audio.TestAudio;
import dev.bufferdeck.audio.loudness.LoudnessMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.bufferdeck.cli.PlayCommandTest.dataOf;
import static dev.bufferdeck.cli.PlayCommandTest.decode;
import static dev.bufferdeck.format.TestBytes.of;
import static dev.bufferdeck.format.TestBytes.syncsafe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code play --eq/--eq-preset/--replaygain/--preamp} and the ReplayGain facts of {@code info}. */
class PlaySoundControlsTest {
    @TempDir Path dir;

    @Test
    void flatEqualizerAndReplayGainOffLeaveTheDecoderOutputExact() throws Exception {
        Path tone = taggedWav("flat.wav", 0.5, "-6.02 dB", "0.5", "-3 dB");
        Path result = dir.resolve("flat-out.wav");
        CliRun run = CliRun.of("play", "--eq", "0,0,0,0,0,0,0,0,0,0", "--replaygain", "off", "--out", result.toString(),
                tone.toString());
        assertEquals(0, run.status(), run.stderr());
        assertArrayEquals(decode(tone), dataOf(result));
        CliRun preset = CliRun.of("play", "--eq-preset", "flat", "--out", result.toString(), tone.toString());
        assertEquals(0, preset.status(), preset.stderr());
        assertArrayEquals(decode(tone), dataOf(result));
    }

    @Test
    void anUntaggedFileGetsTheReplayGain2GainOfItsScannedLoudness() throws Exception {
        Path tone = taggedWav("untagged.wav", 0.5, null, null, null);
        byte[] decoded = decode(tone);
        LoudnessMeter meter = new LoudnessMeter(TestAudio.CD);
        meter.add(decoded, 0, decoded.length);
        double expected = -18 - meter.integratedLufs() + 6;
        assertTrue(expected < -3, "a cut, so the peak cap does not apply: " + expected);
        assertEquals(expected, gainDb("track", tone, decoded, "--preamp", "6"), 0.01);
        assertEquals(expected, gainDb("album", tone, decoded, "--preamp", "6"), 0.01);
    }

    @Test
    void trackAndAlbumGainsAreAppliedExactly() throws Exception {
        Path tone = taggedWav("rg.wav", 0.5, "-6.02 dB", "0.5", "-3.00 dB");
        byte[] decoded = decode(tone);
        assertEquals(-6.02, gainDb("track", tone, decoded), 0.01);
        assertEquals(-3.00, gainDb("album", tone, decoded), 0.01);
        assertEquals(-6.02 + 2.5, gainDb("track", tone, decoded, "--preamp", "2.5"), 0.01);
    }

    @Test
    void thePeakTagKeepsABoostFromClipping() throws Exception {
        // +6 dB would take a 0.8 peak to 1.6; prevention limits the factor to 1 / 0.8
        Path tone = taggedWav("loud.wav", 0.8, "+6.00 dB", "0.8", null);
        assertEquals(20 * Math.log10(1 / 0.8), gainDb("track", tone, decode(tone)), 0.01);
    }

    @Test
    void anEqualizerPresetChangesTheSound() throws Exception {
        Path tone = taggedWav("eq.wav", 0.5, null, null, null);
        Path result = dir.resolve("eq-out.wav");
        CliRun run = CliRun.of("play", "--eq-preset", "bass", "--out", result.toString(), tone.toString());
        assertEquals(0, run.status(), run.stderr());
        assertFalse(java.util.Arrays.equals(decode(tone), dataOf(result)));
    }

    @Test
    void badSoundOptionsAreUsageErrors() {
        assertEquals(2, CliRun.of("play", "--eq", "1,2,3", "a.wav").status());
        assertEquals(2, CliRun.of("play", "--eq", "0,0,0,0,0,0,0,0,0,13", "a.wav").status());
        assertEquals(2, CliRun.of("play", "--eq-preset", "disco", "a.wav").status());
        assertEquals(2, CliRun.of("play", "--replaygain", "loud", "a.wav").status());
        assertEquals(2, CliRun.of("play", "--replaygain", "track", "--preamp", "16", "a.wav").status());
        CliRun noMode = CliRun.of("play", "--preamp", "3", "a.wav");
        assertEquals(2, noMode.status());
        assertTrue(noMode.stderr().contains("--preamp needs --replaygain"), noMode.stderr());
    }

    @Test
    void infoShowsTheTaggedGains() throws Exception {
        Path tone = taggedWav("info.wav", 0.5, "-6.02 dB", "0.5", "-3.00 dB");
        CliRun json = CliRun.of("info", "--json", tone.toString());
        assertEquals(0, json.status(), json.stderr());
        @SuppressWarnings("unchecked")
        Map<String, Object> tags = (Map<String, Object>) MiniJsonParser.object(json.outLines().get(0)).get("tags");
        assertEquals(-6.02, ((Number) tags.get("replayGainTrackDb")).doubleValue(), 1e-9);
        assertEquals(-3.0, ((Number) tags.get("replayGainAlbumDb")).doubleValue(), 1e-9);
        CliRun text = CliRun.of("info", tone.toString());
        assertTrue(text.out().contains("ReplayGain track: -6.02 dB"), text.out());
        assertTrue(text.out().contains("ReplayGain album: -3.00 dB"), text.out());

        Path untagged = taggedWav("none.wav", 0.5, null, null, null);
        Map<String, Object> none = MiniJsonParser.object(CliRun.of("info", "--json", untagged.toString()).outLines().get(0));
        Object section = none.get("tags");
        if (section instanceof Map<?, ?> m) assertNull(m.get("replayGainTrackDb"));
    }

    @Test
    void autoPlaysTheFirstTrackOfAnAlbumRunAtAlbumGainToo() throws Exception {
        Path one = taggedWav("x1.wav", 0.5, "-6.02 dB", "0.5", "-3.00 dB", "X");
        Path two = taggedWav("x2.wav", 0.5, "-6.02 dB", "0.5", "-3.00 dB", "X");
        double[] gains = autoGainsDb(one, two);
        assertEquals(-3.00, gains[0], 0.01, "track 1 of album X, followed by track 2 of X");
        assertEquals(-3.00, gains[1], 0.01, "track 2 of album X, after track 1 of X");
    }

    @Test
    void autoPlaysALoneTrackOfAnAlbumAtTrackGain() throws Exception {
        Path lone = taggedWav("lone.wav", 0.5, "-6.02 dB", "0.5", "-3.00 dB", "X");
        assertEquals(-6.02, autoGainsDb(lone)[0], 0.01);
    }

    @Test
    void autoPlaysATrackBetweenOtherAlbumsAtTrackGain() throws Exception {
        Path before = taggedWav("y.wav", 0.5, "-6.02 dB", "0.5", "-3.00 dB", "Y");
        Path middle = taggedWav("x.wav", 0.5, "-6.02 dB", "0.5", "-3.00 dB", "X");
        Path after = taggedWav("z.wav", 0.5, "-6.02 dB", "0.5", "-3.00 dB", "Z");
        double[] gains = autoGainsDb(before, middle, after);
        assertEquals(-6.02, gains[0], 0.01);
        assertEquals(-6.02, gains[1], 0.01);
        assertEquals(-6.02, gains[2], 0.01);
    }

    /** dB of each file's played RMS over its decoded RMS, all played in one {@code play --replaygain auto}. */
    private double[] autoGainsDb(Path... files) throws Exception {
        Path result = dir.resolve("auto-out-" + files.length + ".wav");
        String[] args = new String[4 + files.length];
        args[0] = "--replaygain";
        args[1] = "auto";
        args[2] = "--out";
        args[3] = result.toString();
        for (int i = 0; i < files.length; i++) args[4 + i] = files[i].toString();
        CliRun run = CliRun.of("play", args);
        assertEquals(0, run.status(), run.stderr());
        byte[] played = dataOf(result);
        double[] gains = new double[files.length];
        int at = 0;
        for (int i = 0; i < files.length; i++) {
            byte[] decoded = decode(files[i]);
            byte[] part = java.util.Arrays.copyOfRange(played, at, at + decoded.length);
            gains[i] = 20 * Math.log10(rms(part) / rms(decoded));
            at += decoded.length;
        }
        assertEquals(at, played.length);
        return gains;
    }

    /** dB of the played RMS over the decoded RMS with {@code --replaygain mode}. */
    private double gainDb(String mode, Path tone, byte[] decoded, String... more) throws Exception {
        Path result = dir.resolve("out-" + mode + more.length + ".wav");
        String[] args = new String[4 + more.length + 1];
        args[0] = "--replaygain";
        args[1] = mode;
        System.arraycopy(more, 0, args, 2, more.length);
        args[2 + more.length] = "--out";
        args[3 + more.length] = result.toString();
        args[4 + more.length] = tone.toString();
        CliRun run = CliRun.of("play", args);
        assertEquals(0, run.status(), run.stderr());
        byte[] played = dataOf(result);
        assertEquals(decoded.length, played.length);
        return 20 * Math.log10(rms(played) / rms(decoded));
    }

    private static double rms(byte[] pcm) {
        double sum = 0;
        int n = pcm.length / 2;
        for (int i = 0; i < n; i++) sum += Math.pow(TestAudio.sample16(pcm, i), 2);
        return Math.sqrt(sum / n);
    }

    /** A one-second 440 Hz stereo WAV with an "id3 " chunk holding the given ReplayGain TXXX frames (null: none). */
    private Path taggedWav(String name, double amplitude, String trackGain, String trackPeak, String albumGain) throws Exception {
        return taggedWav(name, amplitude, trackGain, trackPeak, albumGain, null);
    }

    /** The same with a TALB frame naming {@code album} (null: none). */
    private Path taggedWav(String name, double amplitude, String trackGain, String trackPeak, String albumGain,
                           String album) throws Exception {
        byte[] pcm = TestAudio.sine(TestAudio.CD, 440, amplitude, 44_100);
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), TestAudio.CD, pcm.length / 4),
                AudioFileFormat.Type.WAVE, wav);
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        if (trackGain != null) frames.writeBytes(txxx("REPLAYGAIN_TRACK_GAIN", trackGain));
        if (trackPeak != null) frames.writeBytes(txxx("REPLAYGAIN_TRACK_PEAK", trackPeak));
        if (albumGain != null) frames.writeBytes(txxx("REPLAYGAIN_ALBUM_GAIN", albumGain));
        if (album != null) {
            byte[] text = of(0, album);
            frames.writeBytes(of("TALB", syncsafe(text.length), 0, 0, text));
        }
        byte[] file = wav.toByteArray();
        if (frames.size() > 0) {
            byte[] id3 = of("ID3", 4, 0, 0, syncsafe(frames.size()), frames.toByteArray());
            byte[] chunk = of("id3 ", le32(id3.length), id3, id3.length % 2 == 1 ? new byte[1] : new byte[0]);
            file = of(file, chunk);
            ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(4, file.length - 8);
        }
        Path path = dir.resolve(name);
        Files.write(path, file);
        return path;
    }

    private static byte[] txxx(String description, String value) {
        byte[] data = of(0, description, 0, value);
        return of("TXXX", syncsafe(data.length), 0, 0, data);
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
