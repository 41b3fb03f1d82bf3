package dev.bufferdeck.format.regions;

import dev.bufferdeck.format.index.OggPageIndex;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Ogg pages with their packets; pages are found in one pass and made into regions on demand. */
final class OggRegions {
    private OggRegions() {}

    static Region parse(ByteReader b) {
        int[] starts = new int[256];
        int count = 0;
        List<Problem> problems = new ArrayList<>();
        long pos = 0;
        String codec = codecOf(b, 0);
        while (pos + 27 <= b.size()) {
            if (!b.matches(pos, "OggS")) {
                long next = nextCapture(b, pos + 1);
                if (problems.size() < 100) {
                    problems.add(new Problem(pos, "page capture pattern lost at " + Describe.hex(pos)
                            + (next >= 0 ? ", found again at " + Describe.hex(next) : "")));
                }
                if (next < 0) break;
                pos = next;
                continue;
            }
            long size = pageSize(b, pos);
            if (size < 0 || pos + size > b.size()) {
                problems.add(new Problem(pos, "last page is truncated"));
                break;
            }
            if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
            starts[count++] = (int) pos;
            pos += size;
        }
        int[] pages = Arrays.copyOf(starts, count);
        long last = count == 0 ? -1 : b.u64le(pages[count - 1] + 6);
        String description = "Ogg " + codec + " · " + count + (count == 1 ? " page" : " pages")
                + (last >= 0 ? " · last granule " + last : "");
        return new Region("Ogg", RegionKind.CONTAINER, 0, b.size(), description, problems, new PageList(b, pages));
    }

    static long pageSize(ByteReader b, long pos) {
        int segments = b.u8(pos + 26);
        if (segments < 0 || !b.has(pos + 27, segments)) return -1;
        long body = 0;
        for (int i = 0; i < segments; i++) body += b.u8(pos + 27 + i);
        return 27 + segments + body;
    }

    private static long nextCapture(ByteReader b, long from) {
        for (long p = from; p + 4 <= b.size(); p++) if (b.matches(p, "OggS")) return p;
        return -1;
    }

    private static String codecOf(ByteReader b, long page) {
        long data = page + 27 + Math.max(0, b.u8(page + 26));
        if (b.u8(data) == 1 && b.matches(data + 1, "vorbis")) return "Vorbis";
        if (b.matches(data, "OpusHead")) return "Opus";
        if (b.u8(data) == 0x7F && b.matches(data + 1, "FLAC")) return "FLAC";
        if (b.matches(data, "Speex")) return "Speex";
        if (b.matches(data, "\u0080theora")) return "Theora";
        return "stream";
    }

    private static final class PageList extends AbstractList<Region> {
        private final ByteReader b;
        private final int[] pages;

        PageList(ByteReader b, int[] pages) {
            this.b = b;
            this.pages = pages;
        }

        @Override public int size() { return pages.length; }

        @Override public Region get(int i) { return page(b, pages[i], i); }
    }

    static Region page(ByteReader b, long pos, int index) {
        int type = b.u8(pos + 5);
        long granule = b.u64le(pos + 6);
        long serial = b.u32le(pos + 14);
        int segments = b.u8(pos + 26);
        long size = pageSize(b, pos);
        long headerLength = 27 + segments;
        List<Problem> problems = new ArrayList<>();
        if (!OggPageIndex.crcMatches(b.buffer(), (int) pos, (int) size)) problems.add(new Problem(pos + 22, "page CRC mismatch"));
        List<Region> parts = new ArrayList<>();
        parts.add(Region.leaf("page header", RegionKind.HEADER, pos, headerLength,
                "serial " + String.format("0x%08X", serial) + " · sequence " + b.u32le(pos + 18)
                        + ((type & 1) != 0 ? " · continued" : "") + ((type & 2) != 0 ? " · first" : "")
                        + ((type & 4) != 0 ? " · last" : "")));
        long data = pos + headerLength;
        long packetStart = data;
        int packets = 0;
        boolean continued = (type & 1) != 0;
        for (int s = 0; s < segments; s++) {
            int lace = b.u8(pos + 27 + s);
            data += lace;
            if (lace < 255 || s == segments - 1) {
                boolean complete = lace < 255;
                parts.add(packet(b, packetStart, data - packetStart, continued, complete));
                continued = false;
                packetStart = data;
                packets++;
            }
        }
        String description = "Ogg page " + index + " · granule " + (granule == -1 ? "none" : Long.toString(granule))
                + " · " + packets + (packets == 1 ? " packet" : " packets") + " · " + Describe.bytes(size);
        RegionKind kind = index < 3 && packets > 0 && parts.get(1).kind() != RegionKind.AUDIO_FRAME
                ? parts.get(1).kind() : RegionKind.AUDIO_FRAME;
        return new Region("page " + index, kind, pos, size, description, problems, parts);
    }

    private static Region packet(ByteReader b, long start, long length, boolean continued, boolean complete) {
        String note = (continued ? " · continues a packet" : "") + (complete ? "" : " · continues on the next page");
        if (!continued) {
            if (b.u8(start) == 1 && b.matches(start + 1, "vorbis")) {
                long rate = b.u32le(start + 12);
                int channels = b.u8(start + 11);
                return Region.leaf("identification header", RegionKind.STREAM_INFO, start, length,
                        "Vorbis identification · " + Describe.hz(rate) + " · " + Describe.channels(channels));
            }
            if (b.u8(start) == 3 && b.matches(start + 1, "vorbis")) {
                return Region.leaf("comment header", RegionKind.TAG, start, length,
                        "Vorbis comments · " + Describe.bytes(length) + note);
            }
            if (b.u8(start) == 5 && b.matches(start + 1, "vorbis")) {
                return Region.leaf("setup header", RegionKind.STREAM_INFO, start, length,
                        "Vorbis setup (codebooks) · " + Describe.bytes(length) + note);
            }
            if (b.matches(start, "OpusHead")) {
                return Region.leaf("identification header", RegionKind.STREAM_INFO, start, length,
                        "OpusHead · " + Describe.channels(b.u8(start + 9)) + " · pre-skip " + b.u16le(start + 10)
                                + " · input " + Describe.hz(b.u32le(start + 12)));
            }
            if (b.matches(start, "OpusTags")) {
                return Region.leaf("comment header", RegionKind.TAG, start, length, "OpusTags · " + Describe.bytes(length) + note);
            }
            if (b.u8(start) == 0x7F && b.matches(start + 1, "FLAC")) {
                return Region.leaf("FLAC mapping header", RegionKind.STREAM_INFO, start, length, "FLAC-in-Ogg header with STREAMINFO");
            }
        }
        return Region.leaf("packet", RegionKind.AUDIO_FRAME, start, length, "packet · " + Describe.bytes(length) + note);
    }
}
