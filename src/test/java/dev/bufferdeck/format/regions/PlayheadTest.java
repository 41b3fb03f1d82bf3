package dev.bufferdeck.format.regions;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlayheadTest {

    private static Playhead playhead(byte[] bytes) {
        ByteSource buffer = ByteSource.of(bytes);
        RegionTree tree = RegionParser.parse(buffer);
        return Playhead.of(buffer, tree, MpegFrameIndex.build(buffer)).orElseThrow();
    }

    @Test
    void inAMovieThePlayheadFollowsTheVideoSampleShownAtThatTime() throws Exception {
        byte[] mp4;
        try (java.io.InputStream in = PlayheadTest.class.getResourceAsStream("/dev/bufferdeck/video/clip-h264-aac.mp4")) {
            mp4 = in.readAllBytes();
        }
        ByteSource buffer = ByteSource.of(mp4);
        dev.bufferdeck.format.mp4.Mp4Track video = dev.bufferdeck.format.mp4.Mp4Movie.read(buffer).firstVideoTrack().orElseThrow();
        Playhead playhead = Playhead.of(buffer, RegionParser.parse(buffer), null).orElseThrow();
        // 10 frames a second: the picture shown from 1.00 s to 1.10 s is the 11th sample (sample 10)
        for (long millis : new long[] {0, 1_000, 1_050, 1_950}) {
            Region shown = playhead.regionAtMillis(millis).orElseThrow();
            int n = (int) (millis / 100);
            assertEquals("sample " + n, shown.name(), "at " + millis + " ms");
            assertTrue(shown.description().startsWith("avc1 sample · track " + video.id()), shown.description());
            assertEquals(video.samples().offset(n), shown.offset());
            assertEquals(video.samples().size(n), shown.length());
        }
    }

    @Test
    void pcmRegionAtTimeHoldsTheSamplesTheDecoderPlaysAtThatTime() throws Exception {
        byte[] wav = RegionParserTest.fixture("tone.wav");
        MediaBuffer buffer = new MediaRepository(FormatDetector.NONE).add(wav, "tone.wav", new Origin.BuiltIn("test"), "wav").buffer();
        Playhead playhead = playhead(wav);
        for (long millis : new long[] {0, 37, 150, 299}) {
            Region region = playhead.regionAtMillis(millis).orElseThrow();
            long sample = millis * 8000 / 1000;
            byte[] heard = new byte[(int) Math.min(region.length(), 64)];
            try (PcmDecoder decoder = Decoders.open(buffer)) {
                decoder.seekToFrame(sample);
                int n = decoder.read(heard, 0, heard.length);
                assertEquals(heard.length, n);
            }
            byte[] marked = Arrays.copyOfRange(wav, (int) region.offset(), (int) region.offset() + heard.length);
            assertArrayEquals(heard, marked, "bytes marked at " + millis + " ms are the samples heard then");
            assertEquals(millis, playhead.millisAtOffset(region.offset()).orElseThrow());
        }
        assertTrue(playhead.regionAtMillis(301).isEmpty(), "past the end nothing is marked");
    }

    @Test
    void flacRegionAtSampleIsTheFrameWhoseBlockHoldsIt() throws Exception {
        Playhead playhead = playhead(RegionParserTest.fixture("tone.flac"));
        RegionTree tree = RegionParser.parse(ByteSource.of(RegionParserTest.fixture("tone.flac")));
        var frames = tree.roots().get(tree.roots().size() - 1).children();
        // STREAMINFO of the fixture: fixed blocks of 576 samples, 2400 samples in all.
        assertEquals(frames.get(0), playhead.regionAtSample(0).orElseThrow());
        assertEquals(frames.get(0), playhead.regionAtSample(575).orElseThrow());
        assertEquals(frames.get(1), playhead.regionAtSample(576).orElseThrow());
        assertEquals(frames.get(4), playhead.regionAtSample(2399).orElseThrow());
        assertEquals(576L * 1000 / 8000, playhead.millisAtOffset(frames.get(1).offset() + 10).orElseThrow());
    }

    @Test
    void oggRegionAtSampleIsThePageWhoseGranuleRangeHoldsIt() {
        // Identification page, then audio pages ending at granules 1000, 2000, (none), 3500.
        byte[] ogg = oggStream(new long[] {0, 1000, 2000, -1, 3500});
        Playhead playhead = playhead(ogg);
        RegionTree tree = RegionParser.parse(ByteSource.of(ogg));
        var pages = tree.roots().get(0).children();
        assertEquals(pages.get(1), playhead.regionAtSample(0).orElseThrow());
        assertEquals(pages.get(1), playhead.regionAtSample(999).orElseThrow());
        assertEquals(pages.get(2), playhead.regionAtSample(1000).orElseThrow());
        assertEquals(pages.get(4), playhead.regionAtSample(2000).orElseThrow(),
                "a page where no packet ends holds no sample boundary; the samples finish on the next one");
        assertEquals(pages.get(4), playhead.regionAtSample(3499).orElseThrow());
        assertTrue(playhead.regionAtSample(3500).isEmpty());
        assertEquals(1000L * 1000 / 8000, playhead.millisAtOffset(pages.get(2).offset()).orElseThrow());
    }

    @Test
    void mp3RegionAtTimeIsTheFrameHoldingThatSampleAfterTheEncoderDelay() throws Exception {
        byte[] mp3 = RegionParserTest.fixture("tone.mp3");
        Playhead playhead = playhead(mp3);
        MpegFrameIndex index = MpegFrameIndex.build(ByteSource.of(mp3));
        // LAME tag of the fixture: encoder delay 576, so output sample 0 is decoded sample 576 + 529 = 1105,
        // which lies in the second 576-sample frame (frames count from the first audio frame after Info).
        assertEquals(1105, index.leadingTrim());
        assertEquals(index.frameOffset(1), playhead.regionAtSample(0).orElseThrow().offset());
        assertEquals(index.frameOffset(2), playhead.regionAtSample(1152 - 1105).orElseThrow().offset());
        assertEquals(index.frameOffset(1), playhead.regionAtSample(1152 - 1105 - 1).orElseThrow().offset());
    }

    /** Ogg pages with a Vorbis identification packet first (8 kHz), each later page one small packet. */
    private static byte[] oggStream(long[] granules) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < granules.length; i++) {
            byte[] packet = new byte[30];
            if (i == 0) {
                packet[0] = 1;
                System.arraycopy("vorbis".getBytes(StandardCharsets.US_ASCII), 0, packet, 1, 6);
                packet[11] = 1;
                ByteBuffer.wrap(packet, 12, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(8000);
            }
            ByteBuffer page = ByteBuffer.allocate(28 + packet.length).order(ByteOrder.LITTLE_ENDIAN);
            page.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) (i == 0 ? 2 : 0));
            page.putLong(granules[i]).putInt(7).putInt(i).putInt(0).put((byte) 1).put((byte) packet.length).put(packet);
            out.writeBytes(page.array());
        }
        return out.toByteArray();
    }
}
