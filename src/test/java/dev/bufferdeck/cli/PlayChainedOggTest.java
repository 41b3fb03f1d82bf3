package dev.bufferdeck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code play} on a chained Ogg file plays every link and prints each link's title as it is heard. */
class PlayChainedOggTest {
    @TempDir Path dir;

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = PlayChainedOggTest.class.getResourceAsStream("/dev/bufferdeck/audio/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void eachLinksTitleIsPrintedAndEveryLinkIsInTheOutput() throws Exception {
        Path chain = dir.resolve("chain.ogg");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(resource("link-vorbis-22k-mono.ogg"));
        bytes.writeBytes(resource("link-vorbis-44k-stereo.ogg"));
        Files.write(chain, bytes.toByteArray());
        Path wav = dir.resolve("out.wav");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run("play", List.of("--out", wav.toString(), chain.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("Playing chain.ogg", "Title: Artist A - First Song", "Title: Second Song"),
                out.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(11_025 + 8_820, AudioSystem.getAudioFileFormat(wav.toFile()).getFrameLength(), "both links, 22,050 Hz mono");
    }
}
