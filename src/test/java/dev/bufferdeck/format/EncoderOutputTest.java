package dev.bufferdeck.format;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.format.tags.CoverArt;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.format.tags.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sniffing and tags on files real encoders wrote (the region fixtures, made by ffmpeg, lame and flac). */
class EncoderOutputTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "tone.wav, WAV", "tone.aiff, AIFF", "tone.au, AU", "tone.mp3, MP3", "tone.ogg, OGG_VORBIS",
            "tone.opus, OGG_OPUS", "tone.flac, FLAC", "tone.m4a, M4A"})
    void encoderOutputIsRecognised(String file, MediaFormat expected) throws IOException {
        assertEquals(expected, new FormatSniffer().sniff(fixture(file)));
    }

    @Test
    void ffmpegMp3WithId3v23CoverAndId3v1() throws IOException {
        Tags tags = TagReader.read(fixture("tone.mp3"));
        assertEquals("Tone", tags.title());
        assertEquals("BufferDeck", tags.artist());
        assertEquals(List.of("ID3v2.3", "ID3v1"), tags.formats());
        CoverArt cover = tags.cover().orElseThrow();
        assertEquals("image/png", cover.mimeType());
        assertTrue(cover.inBuffer());
        assertEquals(MediaFormat.PNG, new FormatSniffer().sniff(ByteSource.of(cover.data())));
    }

    @Test
    void metaflacPictureAndVorbisComment() throws IOException {
        Tags tags = TagReader.read(fixture("tone.flac"));
        assertEquals("Tone", tags.title());
        CoverArt cover = tags.cover().orElseThrow();
        assertEquals("image/png", cover.mimeType());
        assertEquals(MediaFormat.PNG, new FormatSniffer().sniff(ByteSource.of(cover.data())));
    }

    @Test
    void ffmpegWavListInfo() throws IOException {
        assertEquals("Tone", TagReader.read(fixture("tone.wav")).title());
    }

    private static ByteSource fixture(String name) throws IOException {
        try (InputStream in = EncoderOutputTest.class.getResourceAsStream("regions/" + name)) {
            assertNotNull(in, name);
            return ByteSource.of(in.readAllBytes());
        }
    }
}
