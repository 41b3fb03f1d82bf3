package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.repository.BufferWriter;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoding a buffer while its bytes still arrive gives what decoding the whole buffer gives. */
class ProgressiveDecoderTest {
    private final MediaRepository repository = new MediaRepository(1 << 26, FormatDetector.NONE);

    /** A listed buffer that a background thread fills in slices of {@code slice} bytes, {@code pauseMs} apart. */
    private BufferWriter trickle(byte[] bytes, String name, int slice, long pauseMs, int stopAt) throws Exception {
        BufferWriter writer = repository.startLoad(name, new Origin.BuiltIn(name), "", -1);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes, 0, Math.min(stopAt, bytes.length));
        writer.readFrom(in, slice);
        writer.publish();
        Thread feeder = new Thread(() -> {
            try {
                while (writer.readFrom(in, slice) >= 0) Thread.sleep(pauseMs);
                if (stopAt >= bytes.length) writer.complete();
            } catch (Exception e) {
                writer.fail(e.toString());
            }
        }, "test-feeder");
        feeder.setDaemon(true);
        feeder.start();
        return writer;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3-seek-16k-6s.mp3", "mp3-vbr-32k-stereo.mp3", "vorbis-seek-22k-6s-ffmpeg.ogg",
            "opus-seek-48k-6s.opus", "flac-seek-8k-5s.flac"})
    void aBufferDecodedWhileItLoadsGivesTheWholeDecode(String name) throws Exception {
        byte[] file = TestBuffers.resource(name);
        byte[] whole;
        try (PcmDecoder d = Decoders.open(TestBuffers.of(file, name))) {
            whole = TestBuffers.readAll(d);
        }
        BufferWriter writer = trickle(file, name, 700, 2, Integer.MAX_VALUE);
        MediaBuffer growing = writer.buffer();
        assertFalse(growing.isComplete());
        byte[] progressive;
        try (PcmDecoder d = Decoders.open(growing)) {
            assertEquals(-1, d.totalFrames(), "the length is not known before every byte is here");
            progressive = TestBuffers.readAll(d);
            assertTrue(growing.isComplete());
        }
        assertEquals(whole.length, progressive.length, name + ": the same number of frames");
        if (name.endsWith(".flac")) {
            assertArrayEquals(whole, progressive, "FLAC is exact");
        } else {
            double snr = LossyCompare.snr(TestBuffers.s16(whole), TestBuffers.s16(progressive));
            assertTrue(snr > 40, name + ": SNR " + snr + " dB against the whole decode");
        }
    }

    /**
     * A body that stops half way for a while (a server that stalls): the decoder plays up to where
     * the bytes end, waits, and plays on from there exactly as the whole file plays.
     */
    @ParameterizedTest
    @ValueSource(strings = {"opus-seek-48k-6s.opus", "opus-48k-stereo.opus", "aac-seek-22k-6s.m4a",
            "aac-tns-22k-stereo-frag.m4a", "aac-lc-22k-mono-id3.aac", "mp3-seek-16k-6s.mp3",
            "vorbis-seek-22k-6s.ogg", "flac-seek-8k-5s.flac", "opus-48k-mono.opus+opus-seek-48k-6s.opus",
            "link-vorbis-22k-mono.ogg+vorbis-seek-22k-6s.ogg"})
    void aBodyThatPausesHalfWayPlaysAsTheWholeFile(String name) throws Exception {
        // "a+b": a chained Ogg file, b's pages after a's
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (String part : name.split("\\+")) joined.write(TestBuffers.resource(part));
        byte[] file = joined.toByteArray();
        byte[] whole;
        try (PcmDecoder d = Decoders.open(TestBuffers.of(file, name))) {
            whole = TestBuffers.readAll(d);
        }
        BufferWriter writer = repository.startLoad(name, new Origin.BuiltIn(name), "", -1);
        ByteArrayInputStream in = new ByteArrayInputStream(file);
        for (int got = 0; got < file.length / 2; ) got += writer.readFrom(in, Math.min(3000, file.length / 2 - got));
        writer.publish();
        CompletableFuture<byte[]> heard = CompletableFuture.supplyAsync(() -> {
            try (PcmDecoder d = Decoders.open(writer.buffer())) {
                return TestBuffers.readAll(d);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertFalse(heard.isDone(), () -> "the decoder waits for the second half, but ended with " + heard.handle((pcm, e) -> e).join());
        while (writer.readFrom(in, 3000) >= 0) { }
        writer.complete();
        byte[] progressive = heard.get(20, TimeUnit.SECONDS);
        assertEquals(whole.length, progressive.length, name + ": the same number of frames");
        assertArrayEquals(whole, progressive, name + ": the same PCM as the whole file");
    }

    @Test
    void aWavStreamsExactly() throws Exception {
        byte[] pcm = dev.bufferdeck.audio.TestAudio.counter(30_000);
        byte[] wav = PcmFileWriter.wav(1, false, 2, 44_100, 16, pcm);
        BufferWriter writer = trickle(wav, "c.wav", 4000, 1, Integer.MAX_VALUE);
        try (PcmDecoder d = Decoders.open(writer.buffer())) {
            assertArrayEquals(pcm, TestBuffers.readAll(d));
        }
    }

    @Test
    void aSeekPastTheBytesHereWaitsForThem() throws Exception {
        byte[] file = TestBuffers.resource("mp3-seek-16k-6s.mp3");
        BufferWriter writer = trickle(file, "a.mp3", 500, 20, Integer.MAX_VALUE);
        try (PcmDecoder d = Decoders.open(writer.buffer())) {
            long t0 = System.nanoTime();
            d.seekToFrame(16_000 * 5);
            assertTrue(writer.buffer().size() > file.length * 3 / 4, "the seek waited for the bytes of second 5");
            assertEquals(16_000 * 5, d.framePosition(), 16);
            assertTrue(System.nanoTime() - t0 > 100_000_000L);
            assertTrue(TestBuffers.readAll(d).length > 0);
        }
    }

    @Test
    void aCancelledLoadEndsTheDecoderWithTheReason() throws Exception {
        byte[] file = TestBuffers.resource("mp3-seek-16k-6s.mp3");
        BufferWriter writer = trickle(file, "a.mp3", 1000, 5, 8000);
        try (PcmDecoder d = Decoders.open(writer.buffer())) {
            CompletableFuture<Throwable> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    TestBuffers.readAll(d);
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            assertFalse(reading.isDone(), "the decoder waits for bytes still loading");
            writer.close();
            Throwable t = reading.get(5, TimeUnit.SECONDS);
            assertTrue(t != null && t.getMessage().contains("load cancelled"), String.valueOf(t));
        }
    }

    @Test
    void htmlIsRefusedAtOnceWithoutWaitingForTheWholeBody() throws Exception {
        byte[] html = ("<!DOCTYPE html><html><body>" + "x".repeat(10_000) + "</body></html>").getBytes();
        BufferWriter writer = trickle(html, "a.mp3", 5000, 10_000, Integer.MAX_VALUE);
        long t0 = System.nanoTime();
        assertThrows(dev.bufferdeck.audio.UnsupportedMediaException.class, () -> Decoders.open(writer.buffer()));
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
        writer.close();
    }
}
