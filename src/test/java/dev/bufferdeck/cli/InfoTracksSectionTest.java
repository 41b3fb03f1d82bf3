package dev.bufferdeck.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code info} lists each track of an MP4 (clip: test resources dev/bufferdeck/video, ffmpeg command beside it). */
class InfoTracksSectionTest {
    private static String clip(String name) throws Exception {
        return Path.of(InfoTracksSectionTest.class.getResource("/dev/bufferdeck/" + name).toURI()).toString();
    }

    @Test
    void textShowsCodecSizeRateAndDurationOfEachTrack() throws Exception {
        CliRun run = CliRun.of("info", clip("video/clip-h264-aac.mp4"));
        assertEquals(Command.OK, run.status(), run.stderr());
        assertTrue(run.out().contains("video · H.264 (avc1) · 128×96 · 10 fps · 2.00 s"), run.out());
        assertTrue(run.out().contains("audio · AAC (mp4a) · 22.05 kHz · mono · 2."), run.out());
    }

    @Test
    void jsonHasOneObjectPerTrack() throws Exception {
        CliRun run = CliRun.of("info", "--json", clip("video/clip-h264-aac.mp4"));
        String json = run.out();
        assertTrue(json.contains("\"kind\":\"video\",\"codec\":\"avc1\",\"codecName\":\"H.264\",\"width\":128,\"height\":96,\"frameRate\":10,"), json);
        assertTrue(json.contains("\"kind\":\"audio\",\"codec\":\"mp4a\""), json);
    }

    @Test
    void nonMp4HasNoTracksSection() throws Exception {
        CliRun run = CliRun.of("info", "--json", clip("format/regions/tone.mp3"));
        assertFalse(run.out().contains("\"tracks\""), run.out());
    }
}
