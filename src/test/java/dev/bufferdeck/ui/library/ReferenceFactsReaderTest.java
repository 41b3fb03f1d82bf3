package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.source.FileGlimpse;
import dev.bufferdeck.ui.library.ReferenceFactsReader.ReferenceFacts;
import dev.bufferdeck.ui.testing.Wavs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facts of a file that is not loaded, from its first bytes (and its last, or its moov), agree
 * with the facts of the whole file loaded; the look reads a bounded part of the file.
 */
class ReferenceFactsReaderTest {
    @TempDir
    Path dir;

    /** Each fixture read with a head smaller than the file, so the partial path runs (the real head is 256 KiB). */
    @ParameterizedTest
    @CsvSource({
            "audio/flac-seek-8k-5s.flac, 4096, 0",
            "audio/vorbis-seek-22k-6s.ogg, 8192, 0",
            "audio/opus-seek-48k-6s.opus, 4096, 0",
            "audio/aac-seek-22k-6s.m4a, 1024, 25",
            "audio/mp3-seek-16k-6s.mp3, 2048, 0",
    })
    void aHeadAndATailGiveTheLoadedLength(String resource, int head, long toleranceMillis) throws Exception {
        Path file = copy(resource);
        MediaFacts loaded = loadedFacts(file);
        ReferenceFacts read = new ReferenceFactsReader(head).read(file.toString());
        long tolerance = read.estimated() ? loaded.durationMillis() / 30 : toleranceMillis;
        assertTrue(Math.abs(loaded.durationMillis() - read.facts().durationMillis()) <= tolerance,
                resource + ": loaded " + loaded.durationMillis() + " ms, read " + read.facts().durationMillis() + " ms"
                        + (read.estimated() ? " (estimated)" : ""));
        assertEquals(loaded.title(), read.facts().title());
        assertEquals(loaded.artist(), read.facts().artist());
    }

    @Test
    void aLargeWavIsReadInItsFirstBytesOnly() throws Exception {
        Path file = dir.resolve("long tone.wav");
        Files.write(file, Wavs.tone(30, 440)); // 5 MiB
        ReferenceFacts read = new ReferenceFactsReader().read(file.toString());
        assertEquals(30_000, read.facts().durationMillis());
        assertFalse(read.estimated());
        assertEquals("long tone", read.facts().title());
        assertTrue(read.facts().formatLine().startsWith("WAV · 44.1 kHz · stereo · 16-bit"), read.facts().formatLine());
        try (FileGlimpse glimpse = FileGlimpse.open(file.toString())) {
            new ReferenceFactsReader().read(glimpse, "long tone.wav", new Origin.File(file));
            assertEquals(ReferenceFactsReader.HEAD, glimpse.bytesRead(), "only the head is read of a 5 MiB WAV");
        }
    }

    @Test
    void anMp3WithoutXingFrameGetsAnEstimateThatSaysSo() throws Exception {
        byte[] one = resource("audio/mp3-cbr-44k-mono.mp3");
        Path file = dir.resolve("repeated.mp3");
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < 100; i++) out.write(one); // ~370 KB of CBR frames, more than the head
        }
        MediaFacts loaded = loadedFacts(file);
        ReferenceFacts read = new ReferenceFactsReader().read(file.toString());
        if (read.estimated()) assertTrue(read.facts().formatLine().contains("≈"), read.facts().formatLine());
        assertTrue(Math.abs(loaded.durationMillis() - read.facts().durationMillis()) <= loaded.durationMillis() / 30,
                "loaded " + loaded.durationMillis() + ", read " + read.facts().durationMillis());
    }

    @Test
    void aUrlIsNotContacted() throws Exception {
        assertNull(new ReferenceFactsReader().read("http://127.0.0.1:9/never.mp3"));
    }

    @Test
    void aLookNeverReadsMoreThanItsLimit() throws Exception {
        Path file = dir.resolve("big.bin");
        Files.write(file, new byte[FileGlimpse.LIMIT + 10]);
        try (FileGlimpse glimpse = FileGlimpse.open(file.toString())) {
            glimpse.read(0, FileGlimpse.LIMIT);
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> glimpse.read(0, 10));
        }
    }

    private MediaFacts loadedFacts(Path file) throws Exception {
        return new TrackFactsReader().read(MediaRepository.unlisted(Files.readAllBytes(file), file.getFileName().toString(),
                new Origin.File(file), new FormatSniffer()));
    }

    private Path copy(String resource) throws Exception {
        Path file = dir.resolve(resource.substring(resource.indexOf('/') + 1));
        Files.write(file, resource(resource));
        return file;
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = Objects.requireNonNull(ReferenceFactsReaderTest.class.getResourceAsStream("/dev/bufferdeck/" + name))) {
            return in.readAllBytes();
        }
    }
}
