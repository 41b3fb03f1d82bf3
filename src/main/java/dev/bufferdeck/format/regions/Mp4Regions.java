package dev.bufferdeck.format.regions;

import dev.bufferdeck.format.mp4.Mp4Box;
import dev.bufferdeck.format.mp4.Mp4FormatException;
import dev.bufferdeck.format.mp4.Mp4Movie;
import dev.bufferdeck.format.mp4.Mp4Track;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** ISO base media (MP4, M4A, MOV) boxes, descending into the usual containers. */
final class Mp4Regions {
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "udta", "edts",
            "dinf", "mvex", "moof", "traf", "ilst", "meta", "sinf", "schi");
    private static final int MAX_DEPTH = 8;
    private static final int MAX_BOXES = 20_000;

    private Mp4Regions() {}

    static List<Region> parse(ByteReader b) {
        List<Region> out = new ArrayList<>();
        int[] budget = {MAX_BOXES};
        boxes(b, 0, b.size(), 0, out, budget, sampleTrack(b));
        return out;
    }

    /**
     * The track whose samples 'mdat' is split into (and the hex view's playhead follows): the first
     * video track, whose samples are the pictures shown, else the first audio track, else the first;
     * null if none can be read.
     */
    static Mp4Track sampleTrack(ByteReader b) {
        try {
            Mp4Movie movie = Mp4Movie.read(b.buffer());
            return movie.firstVideoTrack().or(movie::firstAudioTrack)
                    .orElse(movie.tracks().isEmpty() ? null : movie.tracks().get(0));
        } catch (Mp4FormatException | RuntimeException e) {
            return null; // the boxes are still shown, with their problems
        }
    }

    private static void boxes(ByteReader b, long pos, long end, int depth, List<Region> out, int[] budget, Mp4Track track) {
        Mp4Box box;
        while ((box = Mp4Box.at(b.buffer(), pos, end)) != null && budget[0]-- > 0) {
            String type = box.type();
            if (box.impossible()) {
                out.add(new Region("'" + type + "'", RegionKind.UNKNOWN, pos, end - pos,
                        "box with impossible size; the rest is not understood",
                        List.of(new Problem(pos, "box '" + type + "' size " + box.declaredSize() + " is smaller than its header")),
                        List.of()));
                return;
            }
            List<Problem> problems = box.runsPast()
                    ? List.of(new Problem(pos, "box '" + type + "' size " + box.declaredSize() + " runs past "
                            + (depth == 0 ? "the end of the buffer" : "its parent")))
                    : List.of();
            out.add(box(b, type, pos, box.size(), box.headerSize(), depth, budget, track).withProblems(problems));
            pos = box.end();
        }
        if (pos < end && budget[0] > 0) {
            out.add(Region.leaf("unknown", RegionKind.UNKNOWN, pos, end - pos, Describe.bytes(end - pos)));
        }
    }

    private static Region box(ByteReader b, String type, long pos, long size, int header, int depth, int[] budget, Mp4Track track) {
        List<Region> parts = new ArrayList<>();
        parts.add(Region.leaf("box header", RegionKind.HEADER, pos, header, "'" + type + "' · " + Describe.bytes(size)));
        long data = pos + header;
        long end = pos + size;
        String description = "'" + type + "' box · " + Describe.bytes(size);
        RegionKind kind = CONTAINERS.contains(type) ? RegionKind.CONTAINER : RegionKind.HEADER;
        switch (type) {
            case "ftyp" -> {
                kind = RegionKind.HEADER;
                StringBuilder brands = new StringBuilder();
                for (long p = data + 8; p + 4 <= end && brands.length() < 60; p += 4) {
                    String brand = b.fourCC(p);
                    if (brand != null) brands.append(brands.length() == 0 ? "" : ", ").append(brand.strip());
                }
                description = "'ftyp' brand " + b.ascii(data, 4).strip() + (brands.length() > 0 ? " · compatible " + brands : "");
            }
            case "mdat" -> {
                description = "'mdat' media data · " + Describe.bytes(size);
                if (track != null) {
                    Mp4SampleRegions samples = new Mp4SampleRegions(track, data, end);
                    if (!samples.isEmpty()) {
                        description += " · samples " + samples.sample(0) + "–" + samples.sample(samples.size() - 1)
                                + " of track " + track.id() + " (" + track.codec().strip() + ")";
                        return new Region("'mdat'", RegionKind.AUDIO_DATA, pos, size, description, List.of(),
                                new HeadThen(parts.get(0), samples));
                    }
                }
                kind = RegionKind.AUDIO_DATA;
            }
            case "stsd" -> {
                kind = RegionKind.STREAM_INFO;
                String codec = b.fourCC(data + 12);
                description = "'stsd' sample description" + (codec == null ? "" : " · " + codec.strip());
            }
            case "stsz", "stz2" -> description = "'" + type + "' sample sizes · " + b.u32be(data + 8) + " samples";
            case "stts" -> description = "'stts' time to sample · " + b.u32be(data + 4) + " runs";
            case "stsc" -> description = "'stsc' sample to chunk · " + b.u32be(data + 4) + " runs";
            case "stco", "co64" -> description = "'" + type + "' chunk offsets · " + b.u32be(data + 4) + " chunks";
            case "stss" -> description = "'stss' sync samples · " + b.u32be(data + 4);
            case "elst" -> description = "'elst' edit list · " + b.u32be(data + 4) + " edits";
            case "free", "skip" -> kind = RegionKind.PADDING;
            case "mvhd", "mdhd" -> {
                kind = RegionKind.STREAM_INFO;
                boolean v1 = b.u8(data) == 1;
                long timescale = v1 ? b.u32be(data + 20) : b.u32be(data + 12);
                long duration = v1 ? b.u64be(data + 24) : b.u32be(data + 16);
                if (timescale > 0) {
                    description = "'" + type + "' · timescale " + timescale + " · duration "
                            + String.format(Locale.ROOT, "%.3f s", duration / (double) timescale);
                }
            }
            default -> { }
        }
        if (CONTAINERS.contains(type) && depth < MAX_DEPTH) {
            long childStart = type.equals("meta") ? data + 4 : data;
            if (type.equals("meta")) parts.add(Region.leaf("version and flags", RegionKind.HEADER, data, 4, ""));
            boxes(b, childStart, end, depth + 1, parts, budget, track);
        } else if (depth > 0 && (type.charAt(0) == '©' || type.equals("covr"))) {
            kind = "covr".equals(type) ? RegionKind.PICTURE : RegionKind.TAG_FIELD;
            parts.add(Region.leaf("data", kind, data, end - data, Describe.bytes(end - data)));
        } else if (end > data) {
            parts.add(Region.leaf("data", kind, data, end - data,
                    Describe.bytes(end - data)));
        }
        return new Region("'" + type + "'", kind, pos, size, description, List.of(), parts);
    }

    /** One region, then a list made on demand. */
    private static final class HeadThen extends AbstractList<Region> {
        private final Region head;
        private final List<Region> rest;

        HeadThen(Region head, List<Region> rest) {
            this.head = head;
            this.rest = rest;
        }

        @Override public int size() { return 1 + rest.size(); }
        @Override public Region get(int i) { return i == 0 ? head : rest.get(i - 1); }
    }
}
