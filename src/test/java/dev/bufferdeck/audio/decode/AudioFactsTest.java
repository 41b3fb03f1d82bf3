package dev.bufferdeck.audio.decode;

import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

class AudioFactsTest {

    @ParameterizedTest
    @ValueSource(strings = {"mp3-cbr-44k-mono.mp3", "mp3-vbr-22k-mono.mp3", "mp3-vbr-32k-stereo.mp3", "mp3-cbr-8k-mono.mp3",
            "mp3-notag-22k-mono.mp3", "mp3-seek-16k-6s.mp3", "flac-16k-mono-16bit.flac", "flac-48k-stereo-24bit.flac",
            "flac-seek-8k-5s.flac", "flac-16k-mono-16bit.wav", "vorbis-44k-mono.ogg", "vorbis-32k-stereo.ogg",
            "vorbis-seek-22k-6s-ffmpeg.ogg", "opus-48k-mono.opus", "opus-48k-stereo.opus", "opus-seek-48k-6s.opus",
            "aac-lc-44k-mono.m4a", "aac-lc-32k-stereo.m4a", "aac-lc-22k-mono-id3.aac", "aac-seek-22k-6s.m4a"})
    void factsAgreeWithTheDecoder(String name) throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer(name);
        AudioFacts facts = AudioFacts.of(buffer);
        try (PcmDecoder d = Decoders.open(buffer)) {
            assertEquals(d.totalFrames(), facts.totalFrames());
            assertEquals((int) d.format().getSampleRate(), facts.sampleRate());
            assertEquals(d.format().getChannels(), facts.channels());
            assertEquals(facts.totalFrames() / (double) facts.sampleRate(), facts.durationSeconds(), 1e-9);
        }
    }

    @Test
    void aacFactsNameTheContainerAndProfileWithTheContainersExactLength() throws Exception {
        AudioFacts m4a = AudioFacts.of(TestBuffers.resourceBuffer("aac-lc-32k-stereo.m4a"));
        assertEquals(MediaFormat.M4A, m4a.container());
        assertEquals("AAC-LC", m4a.codec());
        assertEquals(9600, m4a.totalFrames());
        assertEquals(0.3, m4a.durationSeconds(), 1e-9);
        assertTrue(m4a.describe().startsWith("M4A AAC-LC · 32 kHz · stereo · "), m4a.describe());
        AudioFacts adts = AudioFacts.of(TestBuffers.resourceBuffer("aac-lc-22k-mono-id3.aac"));
        assertEquals(MediaFormat.AAC_ADTS, adts.container());
        assertTrue(adts.describe().startsWith("AAC-LC · 22.1 kHz · mono · "), adts.describe());
    }

    @Test
    void mp3FactsComeFromTheHeaders() throws Exception {
        AudioFacts cbr = AudioFacts.of(TestBuffers.resourceBuffer("mp3-cbr-44k-mono.mp3"));
        assertEquals(new AudioFacts(MediaFormat.MP3, "MP3", 44100, 1, 0, 64, false, 0.4, 17640), cbr);
        assertEquals("MP3 · 44.1 kHz · mono · 64 kbps · 0:00", cbr.describe());
        AudioFacts vbr = AudioFacts.of(TestBuffers.resourceBuffer("mp3-vbr-22k-mono.mp3"));
        assertTrue(vbr.vbr());
        assertTrue(vbr.bitrateKbps() > 8 && vbr.bitrateKbps() < 160, "average " + vbr.bitrateKbps());
        assertEquals(0.8, vbr.durationSeconds(), 1e-9);
    }

    @Test
    void losslessFactsShowTheSampleSize() throws Exception {
        AudioFacts flac = AudioFacts.of(TestBuffers.resourceBuffer("flac-48k-stereo-24bit.flac"));
        assertEquals("FLAC · 48 kHz · stereo · 24-bit · 0:00", flac.describe());
        assertEquals(24, flac.bitsPerSample());
        assertEquals(4800, flac.totalFrames());
    }

    @Test
    void oggFactsComeFromTheLastGranule() throws Exception {
        AudioFacts vorbis = AudioFacts.of(TestBuffers.resourceBuffer("vorbis-seek-22k-6s.ogg"));
        assertEquals("Vorbis", vorbis.codec());
        assertEquals(6.0, vorbis.durationSeconds(), 1e-9);
        assertTrue(vorbis.describe().startsWith("Ogg Vorbis · 22.1 kHz · mono · "), vorbis.describe());
        AudioFacts opus = AudioFacts.of(TestBuffers.resourceBuffer("opus-seek-48k-6s.opus"));
        assertEquals("Ogg Opus · 48 kHz · mono · " + opus.bitrateKbps() + " kbps VBR · 0:06", opus.describe());
        assertEquals(288_000, opus.totalFrames());
    }

    @Test
    void pcmFactsAreArithmetic() throws Exception {
        byte[] data = new byte[8000 * 65];
        AudioFacts wav = AudioFacts.of(TestBuffers.of(PcmFileWriter.wav(1, false, 1, 8000, 8, data), "long.wav"));
        assertEquals(new AudioFacts(MediaFormat.WAV, "PCM", 8000, 1, 8, 64, false, 65.0, 520_000), wav);
        assertEquals("WAV · 8 kHz · mono · 8-bit · 1:05", wav.describe());
        AudioFacts au = AudioFacts.of(TestBuffers.of(PcmFileWriter.au(1, 1, 8000, new byte[16000]), "x.au"));
        assertEquals("AU µ-law · 8 kHz · mono · 64 kbps · 0:02", au.describe());
    }

    @Test
    void longDurationsShowHours() {
        assertEquals("1:02:05", AudioFacts.clock(3_725_000));
        assertEquals("4:12", AudioFacts.clock(252_400));
    }

    @Test
    void nonAudioIsRefusedLikeTheDecoderRefusesIt() {
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class,
                () -> AudioFacts.of(TestBuffers.of("<html></html>".getBytes(), "page.mp3")));
        assertTrue(e.getMessage().startsWith("page.mp3"), e.getMessage());
    }
}
