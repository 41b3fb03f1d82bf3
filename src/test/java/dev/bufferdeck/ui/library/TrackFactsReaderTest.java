package dev.bufferdeck.ui.library;

import dev.bufferdeck.audio.decode.AudioFacts;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.video.VideoProbe;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which buffers the library greys as unplayable: never a movie JavaFX Media plays, whatever its audio. */
class TrackFactsReaderTest {
    private final MediaRepository repository = new MediaRepository(new FormatSniffer());
    private final TrackFactsReader reader = new TrackFactsReader();

    private MediaBuffer load(String resource, String name) throws Exception {
        try (InputStream in = Objects.requireNonNull(TrackFactsReaderTest.class.getResourceAsStream(resource), resource)) {
            return repository.add(in.readAllBytes(), name, new Origin.File(Path.of("/v/" + name)), "").buffer();
        }
    }

    @Test
    void anMp4WhoseAudioWeRefuseButWhoseVideoJavaFxPlaysIsNotGreyed() throws Exception {
        MediaBuffer clip = load("/dev/bufferdeck/video/clip-h264-alac.mp4", "clip.mp4");
        assertThrows(Exception.class, () -> AudioFacts.of(clip), "our decoders refuse its ALAC audio");
        assertEquals(VideoProbe.Engine.JAVAFX_MEDIA, VideoProbe.of(clip).engine());

        MediaFacts facts = reader.read(clip);

        assertNull(facts.unplayable(), "greyed: " + facts.unplayable());
        assertTrue(facts.formatLine().contains("H.264"), facts.formatLine());
    }

    @Test
    void anMp4WithVideoJavaFxCannotPlayIsGreyedWithTheReason() throws Exception {
        MediaFacts facts = reader.read(load("/dev/bufferdeck/video/clip-mpeg4.mp4", "old.mp4"));
        assertNotNull(facts.unplayable());
        assertTrue(facts.unplayable().contains("MPEG-4"), facts.unplayable());
    }
}
