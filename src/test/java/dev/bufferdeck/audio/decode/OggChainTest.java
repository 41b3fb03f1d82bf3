package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.TitledDecoder;
import dev.bufferdeck.format.index.OggPageIndex;
import dev.bufferdeck.repository.MediaBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Chained Ogg files (links one after the other, as {@code cat a.ogg b.ogg} makes them) play every
 * link in order, with the length, seeks and titles covering all links.
 */
class OggChainTest {
    /** Link lengths from ffprobe's duration_ts (less the Opus pre-skip), see the resources' README. */
    private static final long VORBIS_A = 11_025;   // 22,050 Hz mono, 440 Hz
    private static final long VORBIS_B = 17_640;   // 44,100 Hz stereo, 660 Hz
    private static final long OPUS_A = 24_000;     // mono, 440 Hz
    private static final long OPUS_B = 14_400;     // stereo, 660 Hz

    static byte[] concat(String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) out.writeBytes(TestBuffers.resource(name));
        return out.toByteArray();
    }

    private record TitleAt(long frame, String title) {}

    /** Reads the decoder to its end, noting where each new title begins. */
    private static List<TitleAt> titles(TitledDecoder d, ByteArrayOutputStream pcm) throws Exception {
        List<TitleAt> seen = new ArrayList<>();
        byte[] chunk = new byte[d.format().getFrameSize() * 1000];
        String last = null;
        while (true) {
            long at = d.framePosition();
            int n = d.read(chunk, 0, chunk.length);
            if (n < 0) break;
            pcm.write(chunk, 0, n);
            if (d.title() != null && !d.title().equals(last)) seen.add(new TitleAt(at, last = d.title()));
        }
        return seen;
    }

    /** Frequency of a tone from its zero crossings (first channel). */
    static double frequency(short[] samples, int channels, int from, int to, double rate) {
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if ((samples[(i - 1) * channels] < 0) != (samples[i * channels] < 0)) crossings++;
        }
        return crossings / 2.0 / ((to - from) / rate);
    }

    @Test
    void everyChainLinkIsIndexedEvenWhenTheSerialRepeats() {
        MediaBuffer two = TestBuffers.of(concat("link-vorbis-22k-mono.ogg", "link-vorbis-44k-stereo.ogg"), "two.ogg");
        assertEquals(2, OggPageIndex.chain(two).size());
        MediaBuffer same = TestBuffers.of(concat("link-vorbis-22k-mono.ogg", "link-vorbis-22k-mono.ogg"), "same.ogg");
        List<OggPageIndex> links = OggPageIndex.chain(same);
        assertEquals(2, links.size(), "the same file twice (same serial) is two links");
        assertEquals(links.get(0).pageCount(), links.get(1).pageCount());
        assertEquals(1, OggPageIndex.chain(TestBuffers.resourceBuffer("link-vorbis-22k-mono.ogg")).size());
    }

    @Test
    void vorbisLinksPlayInOrderInTheFirstLinksFormatWithTheirTitles() throws Exception {
        MediaBuffer chain = TestBuffers.of(concat("link-vorbis-22k-mono.ogg", "link-vorbis-44k-stereo.ogg"), "chain.ogg");
        try (PcmDecoder d = Decoders.open(chain)) {
            assertEquals(22050, d.format().getSampleRate());
            assertEquals(1, d.format().getChannels());
            long total = VORBIS_A + VORBIS_B / 2;
            assertEquals(total, d.totalFrames());
            ByteArrayOutputStream pcm = new ByteArrayOutputStream();
            List<TitleAt> titles = titles((TitledDecoder) d, pcm);
            assertEquals(List.of(new TitleAt(0, "Artist A - First Song"), new TitleAt(VORBIS_A, "Second Song")), titles);
            short[] s = TestBuffers.s16(pcm.toByteArray());
            assertEquals(total, s.length);
            assertEquals(440, frequency(s, 1, 1000, 10_000, 22050), 10, "the first link's tone");
            assertEquals(660, frequency(s, 1, (int) VORBIS_A + 1000, (int) total - 1000, 22050), 10, "the second link's tone, resampled");
        }
        assertEquals((VORBIS_A + VORBIS_B / 2) / 22050.0, AudioFacts.of(chain).durationSeconds(), 1e-6);
    }

    @Test
    void opusLinksPlayInOrderWithTheirTitles() throws Exception {
        MediaBuffer chain = TestBuffers.of(concat("link-opus-mono.opus", "link-opus-stereo.opus"), "chain.opus");
        try (PcmDecoder d = Decoders.open(chain)) {
            assertEquals(48000, d.format().getSampleRate());
            assertEquals(1, d.format().getChannels());
            assertEquals(OPUS_A + OPUS_B, d.totalFrames());
            ByteArrayOutputStream pcm = new ByteArrayOutputStream();
            List<TitleAt> titles = titles((TitledDecoder) d, pcm);
            assertEquals(List.of(new TitleAt(0, "Opus One"), new TitleAt(OPUS_A, "Artist B - Opus Two")), titles);
            short[] s = TestBuffers.s16(pcm.toByteArray());
            assertEquals(OPUS_A + OPUS_B, s.length);
            assertEquals(440, frequency(s, 1, 2000, 22_000, 48000), 10);
            assertEquals(660, frequency(s, 1, (int) OPUS_A + 2000, s.length - 2000, 48000), 10, "the stereo link, down-mixed");
        }
        assertEquals((OPUS_A + OPUS_B) / 48000.0, AudioFacts.of(chain).durationSeconds(), 1e-6);
    }

    @Test
    void aVorbisLinkFollowedByAnOpusLinkPlaysBoth() throws Exception {
        MediaBuffer chain = TestBuffers.of(concat("link-vorbis-22k-mono.ogg", "link-opus-stereo.opus"), "mixed.ogg");
        try (PcmDecoder d = Decoders.open(chain)) {
            long opusFrames = OPUS_B * 22050 / 48000;
            assertEquals(VORBIS_A + opusFrames, d.totalFrames());
            short[] s = TestBuffers.s16(TestBuffers.readAll(d));
            assertEquals(VORBIS_A + opusFrames, s.length);
            assertEquals(660, frequency(s, 1, (int) VORBIS_A + 1000, s.length - 1000, 22050), 10);
        }
    }

    @Test
    void seeksLandInTheRightLinkAndMatchTheWholeDecode() throws Exception {
        for (String[] files : new String[][] {{"link-vorbis-22k-mono.ogg", "link-vorbis-44k-stereo.ogg"},
                {"link-opus-mono.opus", "link-opus-stereo.opus"}}) {
            MediaBuffer chain = TestBuffers.of(concat(files), "chain");
            short[] whole;
            try (PcmDecoder d = Decoders.open(chain)) {
                whole = TestBuffers.s16(TestBuffers.readAll(d));
            }
            try (PcmDecoder d = Decoders.open(chain)) {
                long total = d.totalFrames();
                long firstLink = files[0].endsWith(".ogg") ? VORBIS_A : OPUS_A;
                for (long target : new long[] {firstLink + 3000, 500, firstLink, firstLink - 700, total - 900, 0}) {
                    d.seekToFrame(target);
                    assertEquals(target, d.framePosition());
                    short[] got = TestBuffers.s16(TestBuffers.read(d, 600));
                    assertEquals(Math.min(600, total - target), got.length, "frames after seeking to " + target);
                    double snr = LossyCompare.snr(whole, (int) target, got, 0, got.length);
                    assertTrue(snr >= 25, files[0] + ": SNR " + snr + " dB after seeking to " + target);
                    assertEquals(target >= firstLink ? 660 : 440, frequency(got, 1, 0, got.length, d.format().getSampleRate()), 60);
                }
                d.seekToFrame(total);
                assertEquals(-1, d.read(new byte[64], 0, 64));
            }
        }
    }
}
