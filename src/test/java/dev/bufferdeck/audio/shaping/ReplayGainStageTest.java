package dev.bufferdeck.audio.shaping;

import dev.bufferdeck.format.tags.ReplayGainTags;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplayGainStageTest {
    private static final ReplayGainTags BOTH = new ReplayGainTags(-6, 0.5, -3, 0.6);

    private static double db(double factor) { return 20 * Math.log10(factor); }

    @Test
    void modesPickTheirGainAndFallBackToTheOther() {
        assertEquals(1, ReplayGainStage.factor(BOTH, ReplayGainSettings.OFF, true));
        assertEquals(-6, db(ReplayGainStage.factor(BOTH, new ReplayGainSettings(ReplayGainMode.TRACK, 0), true)), 1e-9);
        assertEquals(-3, db(ReplayGainStage.factor(BOTH, new ReplayGainSettings(ReplayGainMode.ALBUM, 0), false)), 1e-9);
        assertEquals(-6, db(ReplayGainStage.factor(BOTH, new ReplayGainSettings(ReplayGainMode.AUTO, 0), false)), 1e-9);
        assertEquals(-3, db(ReplayGainStage.factor(BOTH, new ReplayGainSettings(ReplayGainMode.AUTO, 0), true)), 1e-9);
        ReplayGainTags trackOnly = new ReplayGainTags(-4, Double.NaN, Double.NaN, Double.NaN);
        assertEquals(-4, db(ReplayGainStage.factor(trackOnly, new ReplayGainSettings(ReplayGainMode.ALBUM, 0), false)), 1e-9);
        assertEquals(1, ReplayGainStage.factor(ReplayGainTags.NONE, new ReplayGainSettings(ReplayGainMode.TRACK, 6), false));
    }

    @Test
    void preAmpAddsAndThePeakCapsTheFactor() {
        assertEquals(-1, db(ReplayGainStage.factor(BOTH, new ReplayGainSettings(ReplayGainMode.TRACK, 5), false)), 1e-9);
        assertEquals(2.0, ReplayGainStage.factor(BOTH, new ReplayGainSettings(ReplayGainMode.TRACK, 15), false), 1e-12);
    }

    @Test
    void aTrackWithoutTagsPassesUntouched() {
        ReplayGainStage stage = new ReplayGainStage(new javax.sound.sampled.AudioFormat(44100, 16, 2, true, false),
                () -> new ReplayGainSettings(ReplayGainMode.TRACK, 3));
        byte[] pcm = EqualizerStageTest.sine(1000, 0.5, 1000);
        byte[] copy = pcm.clone();
        stage.apply(null, pcm, 0, pcm.length);
        assertArrayEquals(copy, pcm);
        assertEquals(1, stage.factor());
    }
}
