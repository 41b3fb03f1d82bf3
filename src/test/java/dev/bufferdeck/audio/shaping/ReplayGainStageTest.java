package dev.bufferdeck.audio.shaping;

import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.audio.TestAudio;
import dev.bufferdeck.audio.Track;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.format.tags.ReplayGainTags;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static dev.bufferdeck.format.TestBytes.of;
import static dev.bufferdeck.format.TestBytes.syncsafe;
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

    @Test
    void autoTurnsToAlbumGainWhenTheFollowerOfTheSameAlbumIsLearntJustAfterTheStart() throws Exception {
        // the GUI hands the player the playlist's next entry once a track has started
        List<AppliedGain> told = new ArrayList<>();
        ReplayGainStage stage = new ReplayGainStage(TestAudio.CD, () -> new ReplayGainSettings(ReplayGainMode.AUTO, 0),
                null, told::add);
        MediaBuffer one = tagged("X");
        Track first = new Track(one, Decoders.open(one), 0);
        byte[] chunk = new byte[4096];
        stage.apply(first, chunk, 0, chunk.length);
        assertEquals(-6, db(stage.factor()), 1e-9, "no follower known yet: track gain");
        first.follows(tagged("X"));
        stage.apply(first, chunk, 0, chunk.length);
        assertEquals(-3, db(stage.factor()), 1e-9);
        assertEquals("RG −3.0 dB album", told.get(told.size() - 1).describe());
    }

    @Test
    void autoKeepsTheGainOfATrackWhoseFollowerIsLearntLongAfterItsStart() throws Exception {
        ReplayGainStage stage = new ReplayGainStage(TestAudio.CD, () -> new ReplayGainSettings(ReplayGainMode.AUTO, 0));
        MediaBuffer one = tagged("X");
        Track first = new Track(one, Decoders.open(one), 0);
        byte[] second = new byte[44_100 * 4];
        for (int s = 0; s * 1000 < ReplayGainStage.FOLLOWER_MILLIS + 1000; s++) stage.apply(first, second, 0, second.length);
        first.follows(tagged("X"));
        stage.apply(first, second, 0, second.length);
        assertEquals(-6, db(stage.factor()), 1e-9, "a gain change in the middle of a track would be heard");
    }

    @Test
    void autoKnowsTheAlbumHeardBeforeATrackThatOpensANewPipeline() throws Exception {
        // another sample rate, or an output that ran dry before the next track opened, makes a new pipeline
        AlbumHeard heard = new AlbumHeard();
        ReplayGainSettings auto = new ReplayGainSettings(ReplayGainMode.AUTO, 0);
        ReplayGainStage first = new ReplayGainStage(TestAudio.CD, () -> auto, heard);
        MediaBuffer one = tagged("X");
        byte[] chunk = new byte[4096];
        first.apply(new Track(one, Decoders.open(one), 0), chunk, 0, chunk.length);
        assertEquals(-6, db(first.factor()), 1e-9, "nothing heard before it, nothing known to follow: track gain");

        MediaBuffer two = tagged("X");
        ReplayGainStage second = new ReplayGainStage(TestAudio.CD, () -> auto, heard);
        second.apply(new Track(two, Decoders.open(two), 0), chunk, 0, chunk.length);
        assertEquals(-3, db(second.factor()), 1e-9, "track 2 of X after track 1 of X, though in a new pipeline");

        MediaBuffer other = tagged("Y");
        ReplayGainStage third = new ReplayGainStage(TestAudio.CD, () -> auto, heard);
        third.apply(new Track(other, Decoders.open(other), 0), chunk, 0, chunk.length);
        assertEquals(-6, db(third.factor()), 1e-9, "album Y after album X: track gain");
    }

    /** A short WAV tagged track gain −6 dB, album gain −3 dB and {@code album}. */
    private static MediaBuffer tagged(String album) throws Exception {
        byte[] pcm = TestAudio.sine(TestAudio.CD, 440, 0.5, 4410);
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), TestAudio.CD, pcm.length / 4),
                AudioFileFormat.Type.WAVE, wav);
        byte[] frames = of(frame("TXXX", of(0, "REPLAYGAIN_TRACK_GAIN", 0, "-6 dB")),
                frame("TXXX", of(0, "REPLAYGAIN_ALBUM_GAIN", 0, "-3 dB")), frame("TALB", of(0, album)));
        byte[] id3 = of("ID3", 4, 0, 0, syncsafe(frames.length), frames);
        byte[] file = of(wav.toByteArray(), "id3 ", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(id3.length).array(),
                id3, id3.length % 2 == 1 ? new byte[1] : new byte[0]);
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(4, file.length - 8);
        return new MediaRepository(FormatDetector.NONE).add(file, album + ".wav", new Origin.Dropped("audio/wav", "test"), "").buffer();
    }

    private static byte[] frame(String id, byte[] data) {
        return of(id, syncsafe(data.length), 0, 0, data);
    }
}
