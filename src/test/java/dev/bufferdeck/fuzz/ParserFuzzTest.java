package dev.bufferdeck.fuzz;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.ByteSource;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.format.index.AdtsFrameIndex;
import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.format.mp4.AudioSpecificConfig;
import dev.bufferdeck.format.mp4.IlstItem;
import dev.bufferdeck.format.mp4.ItunesGapless;
import dev.bufferdeck.format.mp4.Mp4FormatException;
import dev.bufferdeck.format.mp4.Mp4Movie;
import dev.bufferdeck.format.mp4.Mp4Track;
import dev.bufferdeck.format.mp4.SampleTable;
import dev.bufferdeck.format.regions.Playhead;
import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionParser;
import dev.bufferdeck.format.regions.RegionTree;
import dev.bufferdeck.playlist.PlaylistFormat;
import dev.bufferdeck.playlist.PlaylistEntry;
import dev.bufferdeck.playlist.PlaylistFormatException;
import dev.bufferdeck.playlist.PlaylistLimits;
import dev.bufferdeck.playlist.PlaylistSource;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Fuzz targets for every entry point that reads untrusted bytes without decoding them. In the normal
 * test run each target replays its seed corpus (src/test/resources/dev/bufferdeck/fuzz/ParserFuzzTestInputs/);
 * with {@code -Pfuzz} Jazzer explores from there.
 */
class ParserFuzzTest {
    private static final long SMALL_ALLOWANCE = 2L << 20;
    /** The JDK's XML parser allocates about 2.7 MB of buffers per document, whatever its size (measured). */
    private static final long XML_ALLOWANCE = 4L << 20;

    @FuzzTest(maxDuration = "60s")
    void sniff(byte[] input) throws Exception {
        FuzzLimits.check(input.length, SMALL_ALLOWANCE, () -> {
            FormatSniffer sniffer = new FormatSniffer();
            sniffer.sniff(ByteSource.of(input));
            sniffer.detect(ByteSource.of(input), "mp3");
        });
    }

    @FuzzTest(maxDuration = "60s")
    void regions(byte[] input) throws Exception {
        FuzzLimits.check(input.length, SMALL_ALLOWANCE, () -> {
            ByteSource buffer = ByteSource.of(input);
            RegionTree tree = RegionParser.parse(buffer);
            walk(tree.roots(), 0, new int[] {20_000});
            tree.firstProblem();
            Playhead.of(buffer, tree, MpegFrameIndex.build(buffer)).ifPresent(p -> {
                for (long ms : new long[] {0, 1, 500, 10_000}) p.regionAtMillis(ms);
                p.millisAtOffset(input.length / 2);
            });
        });
    }

    private static void walk(java.util.List<Region> regions, int depth, int[] budget) {
        for (Region r : regions) {
            if (budget[0]-- <= 0 || depth > 64) return;
            if (r.offset() < 0 || r.length() < 0) throw new AssertionError("negative region " + r);
            walk(r.children(), depth + 1, budget);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void mpegFrameIndex(byte[] input) throws Exception {
        FuzzLimits.check(input.length, SMALL_ALLOWANCE, () -> {
            MpegFrameIndex index = MpegFrameIndex.build(ByteSource.of(input));
            if (!index.isEmpty()) {
                index.playableSamples();
                index.averageBitrateKbps();
                index.frameContaining(index.decodedSamples() / 2);
            }
        });
    }

    /** The MP4 demuxer: movie, tracks, sample tables, edit list and ilst items, all bounded by the input. */
    @FuzzTest(maxDuration = "60s")
    void mp4Demuxer(byte[] input) throws Exception {
        FuzzLimits.check(input.length, SMALL_ALLOWANCE, () -> {
            ByteSource buffer = ByteSource.of(input);
            try {
                Mp4Movie movie = Mp4Movie.read(buffer);
                for (Mp4Track track : movie.tracks()) {
                    SampleTable samples = track.samples();
                    int within = samples.samplesWithin(input.length);
                    if (within < 0 || within > samples.count()) throw new AssertionError("samples within " + within);
                    if (samples.count() > 0) samples.sampleAt(samples.totalDuration() / 2);
                    AudioSpecificConfig.parse(track.decoderConfig());
                }
                IlstItem.read(buffer, movie.moov()).forEach(item -> item.text(buffer));
                ItunesGapless.read(buffer, movie);
            } catch (Mp4FormatException refused) {
                // the one documented refusal
            }
        });
    }

    @FuzzTest(maxDuration = "60s")
    void adtsFrameIndex(byte[] input) throws Exception {
        FuzzLimits.check(input.length, SMALL_ALLOWANCE, () -> {
            ByteSource buffer = ByteSource.of(input);
            AdtsFrameIndex index = AdtsFrameIndex.build(buffer);
            for (int i = 0; i < index.frameCount(); i++) {
                if (index.header(buffer, i) == null) throw new AssertionError("frame " + i + " has no header");
            }
        });
    }

    /**
     * Every format reads every input streaming, within {@link PlaylistLimits}: at most
     * {@code MAX_ENTRIES} entries, no title longer than a line may be, and nothing but the one-line
     * refusal thrown (a limit's refusal names the limit).
     */
    @FuzzTest(maxDuration = "60s")
    void playlists(byte[] input) throws Exception {
        FuzzLimits.check(input.length, XML_ALLOWANCE, () -> {
            for (PlaylistFormat format : PlaylistFormat.values()) {
                try {
                    List<PlaylistEntry> entries = format.read(PlaylistSource.of(ByteBuffer.wrap(input).asReadOnlyBuffer()),
                            "/music/list." + format.extension());
                    if (entries.size() > PlaylistLimits.MAX_ENTRIES) throw new AssertionError(entries.size() + " entries");
                    for (PlaylistEntry e : entries) {
                        if (e.title().length() > PlaylistLimits.MAX_LINE_CHARS) {
                            throw new AssertionError("title of " + e.title().length() + " characters");
                        }
                    }
                } catch (PlaylistFormatException expected) {
                    String message = String.valueOf(expected.getMessage());
                    if (message.isBlank() || message.contains("\n")) throw new AssertionError("not one line: " + message);
                }
            }
        });
    }
}
