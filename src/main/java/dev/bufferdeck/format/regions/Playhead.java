package dev.bufferdeck.format.regions;

import dev.bufferdeck.format.index.FlacFrameLocator;
import dev.bufferdeck.format.index.FlacStreamInfo;
import dev.bufferdeck.format.AdtsHeader;
import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.format.mp4.Mp4Track;
import dev.bufferdeck.format.mp4.SampleTable;

import dev.bufferdeck.repository.MediaFormat;

import dev.bufferdeck.repository.ByteSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntToLongFunction;

/**
 * Maps playback time to the bytes being heard and back: the MPEG frame, Ogg page, FLAC frame, or
 * the few milliseconds of PCM samples that hold a given sample, and the first sample of the audio
 * unit at a byte offset. Times are in samples per channel of the decoded (gapless-trimmed) output.
 */
public final class Playhead {
    /** How much PCM is marked around the playhead in an uncompressed file. */
    private static final int PCM_WINDOW_MS = 20;

    private final Mapper mapper;
    private final long sampleRate;

    private Playhead(Mapper mapper, long sampleRate) {
        this.mapper = mapper;
        this.sampleRate = sampleRate;
    }

    /** A playhead for the buffer, or empty when its format has no time map here (unknown, MP4 without audio). */
    public static Optional<Playhead> of(ByteSource buffer, RegionTree tree, MpegFrameIndex mpegIndex) {
        ByteReader b = new ByteReader(buffer.duplicate());
        Mapper mapper = switch (tree.format()) {
            case MP3 -> mpegIndex == null || mpegIndex.isEmpty() ? null : new MpegMapper(tree, mpegIndex);
            case FLAC -> FlacMapper.of(b, tree);
            case OGG -> OggMapper.of(b, tree);
            case WAV, RF64, AIFF, AIFC, AU -> PcmMapper.of(b, tree);
            case MP4, M4A, HEIF -> Mp4Mapper.of(b, tree);
            case AAC_ADTS -> AdtsMapper.of(b, tree);
            default -> null;
        };
        if (mapper == null || mapper.sampleRate() <= 0) return Optional.empty();
        return Optional.of(new Playhead(mapper, mapper.sampleRate()));
    }

    public long sampleRate() { return sampleRate; }

    /** The region holding the audio heard at {@code millis}. */
    public Optional<Region> regionAtMillis(long millis) {
        return regionAtSample(millis * sampleRate / 1000);
    }

    public Optional<Region> regionAtSample(long sample) {
        return Optional.ofNullable(mapper.regionAt(Math.max(0, sample)));
    }

    /** Where playback should go to hear the audio unit that holds {@code offset}, in milliseconds. */
    public OptionalLong millisAtOffset(long offset) {
        long sample = mapper.sampleAt(offset);
        return sample < 0 ? OptionalLong.empty() : OptionalLong.of(sample * 1000 / sampleRate);
    }

    private interface Mapper {
        long sampleRate();
        Region regionAt(long sample);
        /** First output sample of the unit holding {@code offset}, or -1. */
        long sampleAt(long offset);
    }

    /** The largest index in [0, size) whose key is ≤ target, by bisection; -1 when none is. */
    private static int floor(int size, IntToLongFunction key, long target) {
        int lo = 0, hi = size - 1, best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (key.applyAsLong(mid) <= target) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    private static Region container(RegionTree tree, String name) {
        for (Region r : tree.roots()) if (r.name().equals(name)) return r;
        return null;
    }

    private record MpegMapper(RegionTree tree, MpegFrameIndex index) implements Mapper {
        public long sampleRate() { return index.sampleRate(); }

        public Region regionAt(long sample) {
            int frame = index.frameContaining(sample + index.leadingTrim());
            return tree.pathAt(index.frameOffset(frame)).stream()
                    .filter(r -> r.name().startsWith("frame ")).findFirst().orElse(null);
        }

        public long sampleAt(long offset) {
            int frame = floor(index.frameCount(), index::frameOffset, offset);
            if (frame < 0) return -1;
            return Math.max(0, (long) frame * index.samplesPerFrame() - index.leadingTrim());
        }
    }

    /** MP4: the sample tables of the track 'mdat' is split into; times in its media timescale, after the edit. */
    private record Mp4Mapper(RegionTree tree, SampleTable samples, long timescale, long start) implements Mapper {
        static Mp4Mapper of(ByteReader b, RegionTree tree) {
            Mp4Track track = Mp4Regions.sampleTrack(b);
            if (track == null || track.samples().count() == 0) return null;
            return new Mp4Mapper(tree, track.samples(), track.timescale(), Math.max(0, track.edit().mediaStart()));
        }

        public long sampleRate() { return timescale; }

        public Region regionAt(long sample) {
            int n = samples.sampleAt(sample + start);
            return tree.pathAt(samples.offset(n)).stream()
                    .filter(r -> r.name().equals("sample " + n)).findFirst().orElse(null);
        }

        public long sampleAt(long offset) {
            int n = samples.sampleContaining(offset);
            return n < 0 ? -1 : Math.max(0, samples.time(n) - start);
        }
    }

    /** ADTS: every frame lasts the same number of samples. */
    private record AdtsMapper(List<Region> frames, long rate, int samplesPerFrame) implements Mapper {
        static AdtsMapper of(ByteReader b, RegionTree tree) {
            Region adts = container(tree, "ADTS audio");
            AdtsHeader first = adts == null ? null : AdtsHeader.parse(b.buffer(), (int) adts.offset());
            if (first == null || adts.children().isEmpty()) return null;
            return new AdtsMapper(adts.children(), first.sampleRate(), AdtsHeader.SAMPLES_PER_BLOCK * first.rawBlocks());
        }

        public long sampleRate() { return rate; }

        public Region regionAt(long sample) {
            int i = (int) Math.min(frames.size() - 1, sample / samplesPerFrame);
            return frames.get(i);
        }

        public long sampleAt(long offset) {
            int i = floor(frames.size(), k -> frames.get(k).offset(), offset);
            return i < 0 ? -1 : (long) i * samplesPerFrame;
        }
    }

    private record FlacMapper(List<Region> frames, FlacFrameLocator locator, long rate) implements Mapper {
        static FlacMapper of(ByteReader b, RegionTree tree) {
            Region frames = container(tree, "FLAC frames");
            Region marker = container(tree, "fLaC");
            if (frames == null || marker == null) return null;
            FlacFrameLocator locator = FlacRegions.locator(b, marker.offset());
            if (locator == null) return null;
            return new FlacMapper(frames.children(), locator, FlacStreamInfo.read(b.buffer(), (int) marker.offset()).sampleRate());
        }

        public long sampleRate() { return rate; }

        long firstSample(int i) {
            FlacFrameLocator.FrameStart h = locator.headerAt((int) frames.get(i).offset());
            return h == null ? Long.MAX_VALUE : h.sample();
        }

        public Region regionAt(long sample) {
            int i = floor(frames.size(), this::firstSample, sample);
            return i < 0 ? null : frames.get(i);
        }

        public long sampleAt(long offset) {
            int i = floor(frames.size(), k -> frames.get(k).offset(), offset);
            return i < 0 ? -1 : firstSample(i);
        }
    }

    private record OggMapper(ByteReader b, List<Region> pages, long rate, long granuleOffset) implements Mapper {
        static OggMapper of(ByteReader b, RegionTree tree) {
            List<Region> pages = tree.roots().get(0).children();
            if (pages.isEmpty()) return null;
            long id = pages.get(0).offset() + 27 + b.u8(pages.get(0).offset() + 26);
            if (b.u8(id) == 1 && b.matches(id + 1, "vorbis")) return new OggMapper(b, pages, b.u32le(id + 12), 0);
            if (b.matches(id, "OpusHead")) return new OggMapper(b, pages, 48_000, b.u16le(id + 10));
            return null;
        }

        public long sampleRate() { return rate; }

        /** Samples completed by the end of page i; a page where no packet ends has its predecessor's. */
        long granule(int i) {
            for (int k = i; k >= 0; k--) {
                long g = b.u64le(pages.get(k).offset() + 6);
                if (g >= 0) return g;
            }
            return 0;
        }

        public Region regionAt(long sample) {
            int page = floor(pages.size(), this::granule, sample + granuleOffset) + 1;
            return page < pages.size() ? pages.get(page) : null;
        }

        public long sampleAt(long offset) {
            int i = floor(pages.size(), k -> pages.get(k).offset(), offset);
            if (i < 0) return -1;
            return i == 0 ? 0 : Math.max(0, granule(i - 1) - granuleOffset);
        }
    }

    private record PcmMapper(long dataStart, long dataEnd, int blockAlign, long rate) implements Mapper {
        static PcmMapper of(ByteReader b, RegionTree tree) {
            Region samples = null;
            for (Region r : tree.roots()) {
                for (Region c : r.children()) {
                    if (c.kind() == RegionKind.AUDIO_DATA) {
                        samples = c.children().stream().filter(x -> x.name().equals("samples")).findFirst()
                                .orElse(c.name().equals("samples") ? c : null);
                    }
                }
            }
            if (samples == null) return null;
            return switch (tree.format()) {
                case WAV, RF64 -> {
                    Region fmt = tree.roots().get(0).children().stream().filter(x -> x.name().equals("'fmt '"))
                            .findFirst().orElse(null);
                    if (fmt == null) yield null;
                    yield new PcmMapper(samples.offset(), samples.end(), b.u16le(fmt.offset() + 20), b.u32le(fmt.offset() + 12));
                }
                case AIFF, AIFC -> {
                    Region comm = tree.roots().get(0).children().stream().filter(x -> x.name().equals("'COMM'"))
                            .findFirst().orElse(null);
                    if (comm == null) yield null;
                    long data = comm.offset() + 8;
                    int align = b.u16be(data) * ((b.u16be(data + 6) + 7) / 8);
                    yield new PcmMapper(samples.offset(), samples.end(), align, ChunkRegions.extendedRate(b, data + 8));
                }
                default -> {
                    long encoding = b.u32be(12);
                    int bytes = encoding == 1 || encoding == 27 ? 1 : encoding == 2 ? 1 : encoding == 3 ? 2
                            : encoding == 4 ? 3 : encoding == 5 || encoding == 6 ? 4 : encoding == 7 ? 8 : 0;
                    yield new PcmMapper(samples.offset(), samples.end(), (int) (bytes * b.u32be(20)), b.u32be(16));
                }
            };
        }

        public long sampleRate() { return blockAlign > 0 ? rate : 0; }

        public Region regionAt(long sample) {
            long offset = dataStart + sample * blockAlign;
            if (offset >= dataEnd) return null;
            long window = Math.max(1, rate * PCM_WINDOW_MS / 1000) * blockAlign;
            long length = Math.min(window, dataEnd - offset);
            return Region.leaf("playhead", RegionKind.AUDIO_DATA, offset, length,
                    String.format(Locale.ROOT, "samples at %.3f s", sample / (double) rate));
        }

        public long sampleAt(long offset) {
            if (offset < dataStart || offset >= dataEnd) return -1;
            return (offset - dataStart) / blockAlign;
        }
    }
}
