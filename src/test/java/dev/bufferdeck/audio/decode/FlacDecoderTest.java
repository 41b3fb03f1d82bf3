package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class FlacDecoderTest {

    @ParameterizedTest
    @ValueSource(strings = {"flac-16k-mono-16bit", "flac-48k-stereo-24bit"})
    void decodesBitExactToItsSourceWav(String name) throws Exception {
        try (PcmDecoder flac = Decoders.open(TestBuffers.resourceBuffer(name + ".flac"));
             PcmDecoder wav = Decoders.open(TestBuffers.resourceBuffer(name + ".wav"))) {
            assertEquals(wav.format().toString(), flac.format().toString());
            assertEquals(wav.totalFrames(), flac.totalFrames());
            assertArrayEquals(TestBuffers.readAll(wav), TestBuffers.readAll(flac));
        }
    }

    @Test
    void twentyFourBitSourcesComeOutAsTwentyFourBit() throws Exception {
        try (PcmDecoder flac = Decoders.open(TestBuffers.resourceBuffer("flac-48k-stereo-24bit.flac"))) {
            assertEquals(24, flac.format().getSampleSizeInBits());
            assertEquals(2, flac.format().getChannels());
            assertEquals(48000, flac.format().getSampleRate());
            assertEquals(4800, flac.totalFrames());
        }
    }

    @Test
    void seeksLandOnTheExactSample() throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer("flac-seek-8k-5s.flac");
        byte[] whole;
        try (PcmDecoder d = Decoders.open(buffer)) {
            whole = TestBuffers.readAll(d);
            assertEquals(40_000, d.totalFrames());
            assertEquals(80_000, whole.length);
        }
        try (PcmDecoder d = Decoders.open(buffer)) {
            for (long target : new long[] {20_000, 0, 1, 575, 576, 577, 39_999, 31_234, 12_000, 40_000}) {
                d.seekToFrame(target);
                assertEquals(target, d.framePosition());
                byte[] got = TestBuffers.read(d, 1000);
                byte[] want = Arrays.copyOfRange(whole, (int) target * 2, (int) Math.min(40_000, target + 1000) * 2);
                assertArrayEquals(want, got, "after seeking to " + target);
            }
        }
    }

    @Test
    void aSeekReadsOnlyBytesNearItsTarget() throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer("flac-seek-8k-5s.flac");
        try (FlacDecoder d = (FlacDecoder) Decoders.open(buffer)) {
            long before = d.bytesRead();
            d.seekToFrame(36_000);
            TestBuffers.read(d, 100);
            long read = d.bytesRead() - before;
            assertTrue(read < buffer.size() / 4, "a seek to 90% read " + read + " of " + buffer.size() + " bytes");
        }
    }
}
