package dev.bufferdeck.video;

import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which engine plays what; clips and the ffmpeg commands that made them are in test resources. */
class VideoProbeTest {
    private final MediaRepository repository = new MediaRepository(new FormatSniffer());

    private MediaBuffer load(String resource, String name) throws Exception {
        try (InputStream in = Objects.requireNonNull(VideoProbeTest.class.getResourceAsStream(resource), resource)) {
            return repository.add(in.readAllBytes(), name, new Origin.File(Path.of("/v/" + name)), "").buffer();
        }
    }

    @Test
    void h264InMp4GoesToJavaFxMedia() throws Exception {
        VideoProbe probe = VideoProbe.of(load("clip-h264-aac.mp4", "clip.mp4"));
        assertEquals(VideoProbe.Engine.JAVAFX_MEDIA, probe.engine());
        assertEquals("H.264", probe.videoCodec());
    }

    @Test
    void audioOnlyMp4KeepsOurDecoders() throws Exception {
        VideoProbe probe = VideoProbe.of(load("/dev/bufferdeck/format/regions/tone.m4a", "tone.m4a"));
        assertEquals(VideoProbe.Engine.AUDIO_DECODERS, probe.engine());
    }

    @Test
    void webmIsRefusedNamingContainerAndCodecs() throws Exception {
        VideoProbe probe = VideoProbe.of(load("clip-vp9-opus.webm", "clip.webm"));
        assertEquals(VideoProbe.Engine.REFUSED, probe.engine());
        assertTrue(probe.refusal().startsWith("clip.webm is a WebM file with VP9 video and Opus audio: "
                + "BufferDeck plays video from MP4, M4V and MOV files with H.264 or H.265."), probe.refusal());
    }

    @Test
    void aviIsRefusedNamingItsVideoCodec() throws Exception {
        VideoProbe probe = VideoProbe.of(load("clip-xvid.avi", "clip.avi"));
        assertEquals(VideoProbe.Engine.REFUSED, probe.engine());
        assertTrue(probe.refusal().startsWith("clip.avi is an AVI file with MPEG-4 Part 2 (Xvid) video: "), probe.refusal());
    }

    @Test
    void mp4WithACodecJavaFxCannotDecodeIsRefused() throws Exception {
        VideoProbe probe = VideoProbe.of(load("clip-mpeg4.mp4", "old.mp4"));
        assertEquals(VideoProbe.Engine.REFUSED, probe.engine());
        assertTrue(probe.refusal().startsWith("old.mp4 is an MP4 file with MPEG-4 Part 2 video: "), probe.refusal());
    }

    @Test
    void audioIsLeftToOurDecoders() throws Exception {
        VideoProbe probe = VideoProbe.of(load("/dev/bufferdeck/format/regions/tone.mp3", "tone.mp3"));
        assertEquals(VideoProbe.Engine.AUDIO_DECODERS, probe.engine());
    }
}
