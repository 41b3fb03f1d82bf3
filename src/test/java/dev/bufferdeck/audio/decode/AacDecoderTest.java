package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class AacDecoderTest {

    /**
     * Lengths are ffprobe's {@code duration_ts} (the edit list's length); ffmpeg's decode keeps the
     * end padding, so it is longer and compared over our length. ADTS has no gapless data: there
     * the length is ffmpeg's.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"aac-lc-44k-mono.m4a, 44100, 1, 17640", "aac-lc-32k-stereo.m4a, 32000, 2, 9600",
            "aac-lc-22k-mono-id3.aac, 22050, 1, 19456", "aac-tns-22k-stereo.m4a, 22050, 2, 17640",
            "aac-escape-8191-44k-stereo.aac, 44100, 2, 11264"})
    void decodesToTheContainersLengthAndMatchesFfmpegAbove50dB(String file, int rate, int channels, long frames) throws Exception {
        String name = file.substring(0, file.lastIndexOf('.'));
        short[] reference = TestBuffers.s16(TestBuffers.resource(name + ".ffmpeg.s16le"));
        try (PcmDecoder d = Decoders.open(TestBuffers.resourceBuffer(file))) {
            assertEquals(rate, d.format().getSampleRate());
            assertEquals(channels, d.format().getChannels());
            assertEquals(frames, d.totalFrames());
            short[] decoded = TestBuffers.s16(TestBuffers.readAll(d));
            assertEquals(frames * channels, decoded.length);
            if (file.endsWith(".aac")) assertEquals(reference.length, decoded.length, "ADTS: ffmpeg's length");
            double[] best = LossyCompare.bestAlignment(reference, 0, decoded, channels, 2048);
            assertEquals(0, best[0], file + ": aligned with ffmpeg's decode");
            assertTrue(best[1] >= 50, file + ": SNR against ffmpeg " + best[1] + " dB");
        }
    }

    /**
     * Frame 6 of this file holds the largest escape value (8191): JAAD as shipped throws there (its
     * inverse-quantisation table ends at 8190) and that frame used to be silence. Through
     * {@link AacEscapeBits} it is read as 8190 and the frame matches ffmpeg's.
     */
    @Test
    void theLargestEscapeValueDecodesLikeFfmpeg() throws Exception {
        String file = "aac-escape-8191-44k-stereo.aac";
        byte[] adts = TestBuffers.resource(file);
        net.sourceforge.jaad.aac.Decoder shipped = net.sourceforge.jaad.aac.Decoder.create(new byte[] {0x12, 0x10}); // LC, 44.1 kHz, stereo
        int frame = 0;
        String thrown = null;
        for (int p = 0; p + 7 <= adts.length; frame++) {
            int length = ((adts[p + 3] & 3) << 11) | ((adts[p + 4] & 0xff) << 3) | ((adts[p + 5] & 0xff) >> 5);
            try {
                shipped.decodeFrame(java.util.Arrays.copyOfRange(adts, p + 7, p + length), (planes, n, rate) -> {});
            } catch (ArrayIndexOutOfBoundsException e) {
                thrown = frame + ": " + e.getMessage();
            }
            p += length;
        }
        assertEquals("6: Index 8191 out of bounds for length 8191", thrown, "JAAD as shipped fails on frame 6 alone");

        short[] reference = TestBuffers.s16(TestBuffers.resource("aac-escape-8191-44k-stereo.ffmpeg.s16le"));
        try (PcmDecoder d = Decoders.open(TestBuffers.resourceBuffer(file))) {
            short[] decoded = TestBuffers.s16(TestBuffers.readAll(d));
            int from = 6 * 1024 * 2, to = 7 * 1024 * 2;
            double snr = LossyCompare.snr(java.util.Arrays.copyOfRange(reference, from, to), java.util.Arrays.copyOfRange(decoded, from, to));
            assertTrue(snr >= 50, "frame 6 against ffmpeg: " + snr + " dB");
        }
    }

    @Test
    void seeksLandOnTheSampleAndDoNotDecodeFromTheStart() throws Exception {
        MediaBuffer buffer = TestBuffers.resourceBuffer("aac-seek-22k-6s.m4a");
        short[] whole;
        long total;
        try (PcmDecoder d = Decoders.open(buffer)) {
            total = d.totalFrames();
            assertEquals(6 * 22050, total);
            whole = TestBuffers.s16(TestBuffers.readAll(d));
            assertEquals(total, whole.length);
        }
        try (AacDecoder d = (AacDecoder) Decoders.open(buffer)) {
            for (long target : new long[] {total / 2, 1, 0, total * 3 / 4, 12_345, total - 2000, total - 1, 1023, 1024, 100_000}) {
                long decodedBefore = d.unitsDecoded();
                d.seekToFrame(target);
                assertEquals(target, d.framePosition());
                short[] got = TestBuffers.s16(TestBuffers.read(d, 2000));
                assertEquals(Math.min(2000, total - target), got.length, "frames after seeking to " + target);
                assertTrue(d.unitsDecoded() - decodedBefore <= 1 + 2000 / 1024 + 2,
                        "a seek to " + target + " decoded " + (d.unitsDecoded() - decodedBefore) + " units");
                if (got.length < 500) continue;
                double[] best = LossyCompare.bestAlignment(whole, (int) target, got, 1, 64);
                assertEquals(0, best[0], "offset in frames after seeking to " + target);
                // 50+ dB against the continuous decode, except 43 dB in the last 2000 frames (24 kbps:
                // the encoder substitutes noise there, and a restarted decoder draws other noise)
                assertTrue(best[1] >= 40, "SNR " + best[1] + " dB after seeking to " + target);
            }
            d.seekToFrame(total);
            assertEquals(-1, d.read(new byte[64], 0, 64));
        }
    }

    /**
     * Two halves of one 440 Hz tone, encoded separately, decode to exactly 0.5 s each and stay in
     * phase with the continuous tone across the join: no gap, no overlap. (ffmpeg's encoder cannot
     * look back, so the first 2048 samples of each part carry its own onset artefacts; ffmpeg's
     * decode has them too, and they are left out of the comparison.)
     */
    @Test
    void twoTracksCutFromOneRecordingJoinWithoutGap() throws Exception {
        short[] tone = new short[44100];
        for (int i = 0; i < tone.length; i++) tone[i] = (short) Math.round(4096 * Math.sin(2 * Math.PI * 440 * i / 44100.0));
        int at = 0;
        for (String part : new String[] {"aac-gapless-part1.m4a", "aac-gapless-part2.m4a"}) {
            try (PcmDecoder d = Decoders.open(TestBuffers.resourceBuffer(part))) {
                assertEquals(22050, d.totalFrames(), part);
                short[] pcm = TestBuffers.s16(TestBuffers.readAll(d));
                assertEquals(22050, pcm.length, part);
                short[] steady = java.util.Arrays.copyOfRange(pcm, 2048, pcm.length);
                double[] best = LossyCompare.bestAlignment(tone, at + 2048, steady, 1, 100);
                assertEquals(0, best[0], part + " in phase with the continuous tone");
                assertTrue(best[1] >= 25, part + ": " + best[1] + " dB against the tone");
                at += pcm.length;
            }
        }
    }

    /**
     * The same AAC frames in a fragmented MP4 (four 'moof' fragments, ffmpeg's
     * {@code frag_keyframe+empty_moov}): they decode to the plain file's PCM. Fragments carry no edit
     * list, so the encoder's 1024 priming frames stay, as in ffmpeg's decode; the length is ffprobe's
     * {@code duration_ts}. Seeks go through the fragments' sample table.
     */
    @Test
    void aFragmentedCopyDecodesLikeThePlainFileAndSeeks() throws Exception {
        short[] plain;
        try (PcmDecoder d = Decoders.open(TestBuffers.resourceBuffer("aac-tns-22k-stereo.m4a"))) {
            plain = TestBuffers.s16(TestBuffers.readAll(d));
        }
        try (PcmDecoder d = Decoders.open(TestBuffers.resourceBuffer("aac-tns-22k-stereo-frag.m4a"))) {
            assertEquals(18664, d.totalFrames());
            short[] fragmented = TestBuffers.s16(TestBuffers.readAll(d));
            assertEquals(18664 * 2, fragmented.length);
            assertArrayEquals(plain, java.util.Arrays.copyOfRange(fragmented, 1024 * 2, 1024 * 2 + plain.length));
            for (long target : new long[] {9000, 1024, 15000}) {
                d.seekToFrame(target);
                short[] got = TestBuffers.s16(TestBuffers.read(d, 2000));
                double[] best = LossyCompare.bestAlignment(fragmented, (int) target, got, 2, 64);
                assertEquals(0, best[0], "offset after seeking to " + target);
                assertTrue(best[1] >= 50, "SNR " + best[1] + " dB after seeking to " + target);
            }
        }
    }
}
