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

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
            assertEquals(ReferenceFactsReader.HEAD + FileGlimpse.TAIL, glimpse.bytesRead(),
                    "only the head and the tail are read of a 5 MiB WAV");
        }
    }

    /** Two ffmpeg-encoded files of one codec, one after the other: a chained Ogg stream of 3 s + 2 s. */
    @ParameterizedTest
    @CsvSource({"libvorbis, 44100, 44100", "libvorbis, 44100, 22050", "libopus, 48000, 48000"})
    void aChainedOggGetsTheLengthOfAllItsLinks(String encoder, int rate, int secondRate) throws Exception {
        byte[] first = ffmpegOgg("sine=frequency=440:sample_rate=" + rate + ":duration=3", encoder);
        byte[] second = ffmpegOgg("sine=frequency=660:sample_rate=" + secondRate + ":duration=2", encoder);
        Path file = dir.resolve("chained-" + encoder + "-" + secondRate + ".ogg");
        Files.write(file, concat(first, second));
        MediaFacts loaded = loadedFacts(file);
        assertEquals(5000, loaded.durationMillis(), 30, "the loaded chain plays both links (the test's own check)");
        ReferenceFacts read = new ReferenceFactsReader(4096).read(file.toString());
        assertFalse(read.estimated());
        assertEquals(loaded.durationMillis(), read.facts().durationMillis(), encoder + ": the length of both links");
    }

    private static byte[] ffmpegOgg(String source, String encoder) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", source, "-c:a", encoder, "-f", "ogg", "pipe:1")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "ffmpeg is not installed: " + e.getMessage());
            throw e;
        }
        p.getOutputStream().close();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0 && out.length > 0, "ffmpeg could not encode with " + encoder);
        return out;
    }

    @Test
    void aWavWithItsInfoChunkAfterTheDataGetsItsTags() throws Exception {
        byte[] wav = Wavs.tone(30, 440); // 5 MiB: the LIST chunk lies far past the head
        byte[] info = concat(ascii("INFO"), subChunk("INAM", "Tail Title"), subChunk("IART", "Tail Artist"),
                subChunk("IPRD", "Tail Album"));
        byte[] list = concat(ascii("LIST"), le32(info.length), info);
        byte[] file = concat(wav, list);
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(4, file.length - 8);
        Path path = dir.resolve("tagged at the end.wav");
        Files.write(path, file);

        ReferenceFacts read = new ReferenceFactsReader().read(path.toString());
        MediaFacts loaded = loadedFacts(path);
        assertEquals("Tail Title", loaded.title(), "the loaded file has the tag (the test's own check)");
        assertEquals("Tail Title", read.facts().title());
        assertEquals("Tail Artist", read.facts().artist());
        assertEquals("Tail Album", read.facts().album());
        assertEquals(loaded.durationMillis(), read.facts().durationMillis());
    }

    @Test
    void anMp3WithId3v1AtItsEndGetsItsTags() throws Exception {
        byte[] id3v1 = concat(ascii("TAG"), padded("V1 Title", 30), padded("V1 Artist", 30), padded("V1 Album", 30),
                ascii("2001"), padded("", 30), new byte[] {0});
        Path path = mp3WithEnding("v1.mp3", id3v1);
        ReferenceFacts read = new ReferenceFactsReader().read(path.toString());
        assertEquals("V1 Title", loadedFacts(path).title(), "the loaded file has the tag (the test's own check)");
        assertEquals("V1 Title", read.facts().title());
        assertEquals("V1 Artist", read.facts().artist());
        assertEquals("V1 Album", read.facts().album());
    }

    @Test
    void anMp3WithAnApeTagAtItsEndGetsItsTags() throws Exception {
        byte[] items = concat(apeItem("Title", "Ape Title"), apeItem("Artist", "Ape Artist"));
        byte[] footer = concat(ascii("APETAGEX"), le32(2000), le32(items.length + 32), le32(2), le32(0), new byte[8]);
        Path path = mp3WithEnding("ape.mp3", concat(items, footer));
        ReferenceFacts read = new ReferenceFactsReader().read(path.toString());
        assertEquals("Ape Title", loadedFacts(path).title(), "the loaded file has the tag (the test's own check)");
        assertEquals("Ape Title", read.facts().title());
        assertEquals("Ape Artist", read.facts().artist());
    }

    /** About 340 KB of MP3 frames without tags (more than the head), then {@code ending}. */
    private Path mp3WithEnding(String name, byte[] ending) throws Exception {
        byte[] frames = resource("audio/mp3-notag-22k-mono.mp3");
        Path path = dir.resolve(name);
        try (var out = Files.newOutputStream(path)) {
            for (int i = 0; i < 100; i++) out.write(frames);
            out.write(ending);
        }
        assertTrue(Files.size(path) > ReferenceFactsReader.HEAD);
        return path;
    }

    private static byte[] subChunk(String id, String text) {
        byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] padded = value.length % 2 == 0 ? value : concat(value, new byte[1]);
        return concat(ascii(id), le32(value.length), padded);
    }

    private static byte[] apeItem(String key, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        return concat(le32(v.length), le32(0), ascii(key + "\0"), v);
    }

    private static byte[] padded(String text, int length) {
        return Arrays.copyOf(ascii(text), length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
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

    /** A FIFO in a playlist would block the one facts thread for ever (and every row after it): refused unopened. */
    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("fifo.wav");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mkfifo.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                        () -> new ReferenceFactsReader().read(fifo.toString())));
        assertEquals(fifo + ": not a regular file (a device or pipe)", e.getMessage());
    }

    @Test
    void aLookNeverReadsMoreThanItsLimit() throws Exception {
        Path file = dir.resolve("big.bin");
        Files.write(file, new byte[FileGlimpse.LIMIT + 10]);
        try (FileGlimpse glimpse = FileGlimpse.open(file.toString())) {
            glimpse.read(0, FileGlimpse.LIMIT);
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> glimpse.read(0, 10));
            assertEquals(FileGlimpse.TAIL, glimpse.tail().length, "the tail has an allowance of its own");
            glimpse.tail();
            assertEquals(FileGlimpse.LIMIT + FileGlimpse.TAIL, glimpse.bytesRead(), "the tail is read once");
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> glimpse.read(glimpse.size() - 10, 10));
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
