package dev.bufferdeck.format.mp4;

import dev.bufferdeck.repository.ByteSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

import static dev.bufferdeck.format.TestBytes.be32;
import static dev.bufferdeck.format.TestBytes.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Mp4MovieTest {

    static ByteSource fixture(String name) throws IOException {
        try (InputStream in = Mp4MovieTest.class.getResourceAsStream(name)) {
            return ByteSource.of(in.readAllBytes());
        }
    }

    @Test
    void m4aHasOneAacTrackWithItsSampleTablesAndEditList() throws Exception {
        ByteSource b = fixture("aac-44k-stereo-0.5s.m4a");
        Mp4Movie movie = Mp4Movie.read(b);
        assertEquals(1, movie.tracks().size());
        assertFalse(movie.hasVideo());
        Mp4Track t = movie.firstAudioTrack().orElseThrow();
        assertEquals("soun", t.handler());
        assertEquals("mp4a", t.codec());
        assertEquals(0x40, t.objectType());
        assertEquals(2, t.channels());
        assertEquals(44100, t.sampleRate());
        assertEquals(44100, t.timescale());
        assertEquals(23, t.samples().count());
        // ffmpeg gives the last sample only what is left after the edit (1024 + 22050)
        assertEquals(1024L + 22050, t.samples().totalDuration());
        assertEquals(new Mp4Track.Edit(1024, 22050), t.edit());
        assertEquals(new AudioSpecificConfig(2, 44100, 2, 44100), AudioSpecificConfig.parse(t.decoderConfig()));
        // every sample lies inside the one 'mdat', back to back
        Mp4Box mdat = Mp4Box.top(b, "mdat");
        SampleTable s = t.samples();
        assertEquals(mdat.dataStart(), s.offset(0));
        for (int i = 1; i < s.count(); i++) assertEquals(s.end(i - 1), s.offset(i));
        assertTrue(s.end(s.count() - 1) <= mdat.end());
        assertEquals(s.count(), s.samplesWithin(b.limit()));
        assertEquals(5, s.sampleAt(5 * 1024 + 3));
        assertEquals(7, s.sampleContaining(s.offset(7) + 1));
    }

    @Test
    void videoTrackGivesCodecSizeAndFrameRateAndTheSoundIsStillFound() throws Exception {
        Mp4Movie movie = Mp4Movie.read(fixture("video-64x48-25fps.mp4"));
        assertTrue(movie.hasVideo());
        Mp4Track video = movie.firstVideoTrack().orElseThrow();
        assertEquals("avc1", video.codec());
        assertEquals(64, video.width());
        assertEquals(48, video.height());
        assertEquals(25.0, video.frameRate(), 1e-9);
        assertEquals(12800, video.timescale());
        assertEquals(10, video.samples().count());
        assertTrue(video.samples().isSync(0));
        Mp4Track audio = movie.firstAudioTrack().orElseThrow();
        assertEquals("mp4a", audio.codec());
        assertEquals(22050, audio.sampleRate());
        assertEquals(1, audio.channels());
    }

    @Test
    void missingMoovIsOneClearMessage() {
        ByteSource b = ByteSource.of(of(be32(16), "ftypM4A ", be32(0), be32(16), "mdat", be32(0), be32(0)));
        Mp4FormatException e = assertThrows(Mp4FormatException.class, () -> Mp4Movie.read(b));
        assertTrue(e.getMessage().contains("'moov' box is missing"), e.getMessage());
    }

    @Test
    void boxReaderClampsSizesAndStopsAtAnImpossibleOne() {
        ByteSource b = ByteSource.of(of(be32(12), "free", be32(0), be32(400), "mdat", be32(0), be32(4), "junk"));
        var boxes = Mp4Box.children(b, 0, b.limit());
        assertEquals(2, boxes.size());
        assertTrue(boxes.get(1).runsPast());
        assertEquals(b.limit() - 12, boxes.get(1).size());
        ByteSource bad = ByteSource.of(of(be32(4), "free", be32(8), "skip"));
        var stopped = Mp4Box.children(bad, 0, bad.limit());
        assertEquals(1, stopped.size());
        assertTrue(stopped.get(0).impossible());
    }

    @Test
    void sampleTablesPointingPastTheEndAreCountedNotTrusted() throws Exception {
        ByteSource whole = fixture("aac-44k-stereo-0.5s.m4a");
        Mp4Movie movie = Mp4Movie.read(whole);
        SampleTable s = movie.firstAudioTrack().orElseThrow().samples();
        long cut = s.offset(10) + 1;
        assertEquals(10, s.samplesWithin(cut));
    }
}
