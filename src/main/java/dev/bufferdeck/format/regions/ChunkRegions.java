package dev.bufferdeck.format.regions;

import java.util.ArrayList;
import java.util.List;

/** RIFF/RF64 (little-endian) and IFF/AIFF (big-endian) chunk files. */
final class ChunkRegions {
    private static final int MAX_CHUNKS = 10_000;
    private static final int MAX_DEPTH = 4;

    private ChunkRegions() {}

    static Region riff(ByteReader b) {
        String form = b.ascii(0, 4);
        long declared = b.u32le(4);
        boolean rf64 = form.equals("RF64");
        return file(b, form, b.ascii(8, 4), declared, false, rf64);
    }

    static Region aiff(ByteReader b) {
        return file(b, "FORM", b.ascii(8, 4), b.u32be(4), true, false);
    }

    private static Region file(ByteReader b, String form, String type, long declared, boolean bigEndian, boolean rf64) {
        List<Problem> problems = new ArrayList<>();
        long total = declared + 8;
        if (rf64 || declared == 0xFFFFFFFFL) total = b.size();
        if (total > b.size()) {
            problems.add(new Problem(4, form + " size " + declared + " runs past the end of the buffer"));
            total = b.size();
        }
        List<Region> children = new ArrayList<>();
        children.add(Region.leaf(form + " header", RegionKind.HEADER, 0, 12,
                form + " " + type + " · declared size " + declared));
        Context ctx = new Context(b, bigEndian, rf64);
        chunks(ctx, 12, total, 0, children, problems);
        if (total < b.size()) {
            long rest = b.size() - total;
            children.add(Region.leaf("trailing bytes", RegionKind.UNKNOWN, total, rest,
                    Describe.bytes(rest) + " after the " + form + " chunk"));
        }
        return new Region(form, RegionKind.CONTAINER, 0, b.size(), form + " " + type + " · " + Describe.bytes(b.size()),
                problems, children);
    }

    private record Context(ByteReader b, boolean bigEndian, boolean rf64) {
        long u32(long o) { return bigEndian ? b.u32be(o) : b.u32le(o); }
        int u16(long o) { return bigEndian ? b.u16be(o) : b.u16le(o); }
    }

    private static void chunks(Context ctx, long pos, long end, int depth, List<Region> out, List<Problem> problems) {
        ByteReader b = ctx.b();
        int count = 0;
        long dataSize64 = -1;
        while (pos + 8 <= end && count++ < MAX_CHUNKS) {
            String id = b.fourCC(pos);
            if (id == null) {
                problems.add(new Problem(pos, "not a chunk header; the rest is not understood"));
                out.add(Region.leaf("unknown", RegionKind.UNKNOWN, pos, end - pos, Describe.bytes(end - pos)));
                return;
            }
            long size = ctx.u32(pos + 4);
            if (ctx.rf64() && id.equals("ds64")) dataSize64 = b.u64le(pos + 16);
            if (ctx.rf64() && id.equals("data") && size == 0xFFFFFFFFL && dataSize64 >= 0) size = dataSize64;
            List<Problem> chunkProblems = new ArrayList<>();
            if (pos + 8 + size > end) {
                chunkProblems.add(new Problem(pos + 4, "'" + id + "' chunk size " + size + " runs past the end"));
                size = end - pos - 8;
            }
            out.add(chunk(ctx, id, pos, size, depth).withProblems(chunkProblems));
            pos += 8 + size + (size & 1);
        }
        if (pos < end) {
            out.add(Region.leaf("unknown", RegionKind.UNKNOWN, pos, end - pos, Describe.bytes(end - pos)));
        }
    }

    private static Region chunk(Context ctx, String id, long pos, long size, int depth) {
        ByteReader b = ctx.b();
        long data = pos + 8;
        List<Region> parts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        parts.add(Region.leaf("'" + id + "' header", RegionKind.HEADER, pos, 8, "id and size " + size));
        String description = "'" + id + "' chunk · " + Describe.bytes(size);
        RegionKind kind = RegionKind.CONTAINER;
        switch (id) {
            case "fmt " -> {
                kind = RegionKind.STREAM_INFO;
                int tag = ctx.u16(data);
                int channels = ctx.u16(data + 2);
                long rate = ctx.u32(data + 4);
                int bits = ctx.u16(data + 14);
                description = "'fmt ' " + waveFormat(tag) + " · " + bits + "-bit · " + Describe.hz(rate) + " · "
                        + Describe.channels(channels);
                parts.add(Region.leaf("format", RegionKind.STREAM_INFO, data, size, description));
            }
            case "COMM" -> {
                kind = RegionKind.STREAM_INFO;
                int channels = ctx.u16(data);
                long frames = ctx.u32(data + 2);
                int bits = ctx.u16(data + 6);
                long rate = extendedRate(b, data + 8);
                String compression = size >= 22 ? " · " + b.ascii(data + 18, 4) : "";
                description = "'COMM' " + bits + "-bit · " + Describe.hz(rate) + " · " + Describe.channels(channels)
                        + " · " + frames + " frames" + compression;
                parts.add(Region.leaf("common", RegionKind.STREAM_INFO, data, size, description));
            }
            case "data", "SSND" -> {
                kind = RegionKind.AUDIO_DATA;
                description = "'" + id + "' samples · " + Describe.bytes(size);
                long samples = data + (id.equals("SSND") ? 8 : 0);
                if (id.equals("SSND")) parts.add(Region.leaf("offset and block size", RegionKind.HEADER, data, 8, ""));
                parts.add(Region.leaf("samples", RegionKind.AUDIO_DATA, samples, data + size - samples,
                        Describe.bytes(data + size - samples)));
            }
            case "LIST" -> {
                String type = b.ascii(data, 4);
                description = "'LIST' " + type + " · " + Describe.bytes(size);
                kind = RegionKind.TAG;
                parts.add(Region.leaf("list type", RegionKind.HEADER, data, 4, type));
                if (depth < MAX_DEPTH) chunks(ctx, data + 4, data + size, depth + 1, parts, problems);
            }
            case "ID3 ", "id3 " -> {
                kind = RegionKind.TAG;
                if (Id3v2Regions.isAt(b, data)) parts.add(Id3v2Regions.parse(b, data));
            }
            default -> {
                if (depth > 0 && id.matches("I[A-Z]{3}")) {
                    kind = RegionKind.TAG_FIELD;
                    description = "'" + id + "' " + Describe.quote(b.ascii(data, size), 60);
                }
                if (size > 0) parts.add(Region.leaf("data", kind, data, size, Describe.bytes(size)));
            }
        }
        long padded = size + (size & 1);
        if (data + padded > b.size()) padded = size;
        return new Region("'" + id + "'", kind, pos, 8 + padded, description, problems, parts);
    }

    private static String waveFormat(int tag) {
        return switch (tag) {
            case 1 -> "PCM";
            case 3 -> "IEEE float";
            case 6 -> "A-law";
            case 7 -> "µ-law";
            case 0x55 -> "MP3";
            case 0xFFFE -> "extensible";
            default -> String.format("format 0x%04X", tag);
        };
    }

    /** The 80-bit IEEE extended sample rate of an AIFF COMM chunk, rounded to whole hertz. */
    static long extendedRate(ByteReader b, long o) {
        if (!b.has(o, 10)) return 0;
        int exponent = ((b.u8(o) & 0x7F) << 8) | b.u8(o + 1);
        long mantissa = b.u64be(o + 2);
        int shift = exponent - 16383 - 63;
        if (shift >= 0 || shift < -63) return 0;
        return Math.round((mantissa >>> 1) / Math.pow(2, -shift - 1));
    }

    static Region au(ByteReader b) {
        long headerSize = b.u32be(4);
        long dataSize = b.u32be(8);
        long encoding = b.u32be(12);
        long rate = b.u32be(16);
        long channels = b.u32be(20);
        List<Problem> problems = new ArrayList<>();
        if (headerSize < 24 || headerSize > b.size()) {
            problems.add(new Problem(4, "header size " + headerSize + " is impossible"));
            headerSize = Math.min(24, b.size());
        }
        List<Region> parts = new ArrayList<>();
        parts.add(Region.leaf("AU header", RegionKind.STREAM_INFO, 0, 24,
                "encoding " + encoding + " · " + Describe.hz(rate) + " · " + Describe.channels((int) channels)));
        if (headerSize > 24) {
            parts.add(Region.leaf("annotation", RegionKind.TAG_FIELD, 24, headerSize - 24,
                    Describe.quote(b.ascii(24, headerSize - 24), 60)));
        }
        long available = b.size() - headerSize;
        if (dataSize != 0xFFFFFFFFL && dataSize > available) {
            problems.add(new Problem(8, "data size " + dataSize + " runs past the end"));
        }
        long length = dataSize == 0xFFFFFFFFL ? available : Math.min(dataSize, available);
        parts.add(Region.leaf("samples", RegionKind.AUDIO_DATA, headerSize, length, Describe.bytes(length)));
        return new Region("AU", RegionKind.CONTAINER, 0, b.size(), "Sun AU · " + Describe.bytes(b.size()), problems, parts);
    }
}
