package dev.bufferdeck.format.regions;

import dev.bufferdeck.format.mp4.Mp4Box;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** ISO base media (MP4, M4A, MOV) boxes, descending into the usual containers. */
final class Mp4Regions {
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "udta", "edts",
            "dinf", "mvex", "moof", "traf", "ilst", "meta", "sinf", "schi");
    private static final int MAX_DEPTH = 8;
    private static final int MAX_BOXES = 20_000;

    private Mp4Regions() {}

    static List<Region> parse(Bytes b) {
        List<Region> out = new ArrayList<>();
        int[] budget = {MAX_BOXES};
        boxes(b, 0, b.size(), 0, out, budget);
        return out;
    }

    private static void boxes(Bytes b, long pos, long end, int depth, List<Region> out, int[] budget) {
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
            out.add(box(b, type, pos, box.size(), box.headerSize(), depth, budget).withProblems(problems));
            pos = box.end();
        }
        if (pos < end && budget[0] > 0) {
            out.add(Region.leaf("unknown", RegionKind.UNKNOWN, pos, end - pos, Describe.bytes(end - pos)));
        }
    }

    private static Region box(Bytes b, String type, long pos, long size, int header, int depth, int[] budget) {
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
                kind = RegionKind.AUDIO_DATA;
                description = "'mdat' media data · " + Describe.bytes(size);
            }
            case "free", "skip" -> kind = RegionKind.PADDING;
            case "mvhd", "mdhd" -> {
                kind = RegionKind.STREAM_INFO;
                boolean v1 = b.u8(data) == 1;
                long timescale = v1 ? b.u32be(data + 20) : b.u32be(data + 12);
                long duration = v1 ? b.u64be(data + 24) : b.u32be(data + 16);
                if (timescale > 0) {
                    description = "'" + type + "' · timescale " + timescale + " · duration "
                            + String.format(java.util.Locale.ROOT, "%.3f s", duration / (double) timescale);
                }
            }
            default -> { }
        }
        if (CONTAINERS.contains(type) && depth < MAX_DEPTH) {
            long childStart = type.equals("meta") ? data + 4 : data;
            if (type.equals("meta")) parts.add(Region.leaf("version and flags", RegionKind.HEADER, data, 4, ""));
            boxes(b, childStart, end, depth + 1, parts, budget);
        } else if (depth > 0 && (type.charAt(0) == '©' || type.equals("covr"))) {
            kind = "covr".equals(type) ? RegionKind.PICTURE : RegionKind.TAG_FIELD;
            parts.add(Region.leaf("data", kind, data, end - data, Describe.bytes(end - data)));
        } else if (end > data) {
            parts.add(Region.leaf("data", kind, data, end - data,
                    Describe.bytes(end - data)));
        }
        return new Region("'" + type + "'", kind, pos, size, description, List.of(), parts);
    }
}
