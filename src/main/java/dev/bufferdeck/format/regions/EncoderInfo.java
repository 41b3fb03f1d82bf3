package dev.bufferdeck.format.regions;

import java.util.ArrayList;
import java.util.List;

/** The Xing/Info (with LAME extension) or VBRI header some encoders put in the first MPEG frame. */
final class EncoderInfo {
    private EncoderInfo() {}

    static Region at(ByteReader b, long frame, int sideInfoLength, long afterHeader, long end) {
        long xing = afterHeader + sideInfoLength;
        if (b.matches(xing, "Xing") || b.matches(xing, "Info")) return xing(b, xing, end);
        long vbri = frame + 4 + 32;
        if (b.matches(vbri, "VBRI")) return vbri(b, vbri, end);
        return null;
    }

    private static Region xing(ByteReader b, long start, long frameEnd) {
        String tag = b.ascii(start, 4);
        long flags = b.u32be(start + 4);
        long pos = start + 8;
        StringBuilder d = new StringBuilder(tag).append(tag.equals("Xing") ? " (VBR)" : " (CBR)");
        if ((flags & 1) != 0) { d.append(" · ").append(b.u32be(pos)).append(" frames"); pos += 4; }
        if ((flags & 2) != 0) { d.append(" · ").append(b.u32be(pos)).append(" bytes"); pos += 4; }
        if ((flags & 4) != 0) { d.append(" · TOC"); pos += 100; }
        if ((flags & 8) != 0) { d.append(" · quality ").append(b.u32be(pos)); pos += 4; }
        List<Region> parts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (pos > frameEnd) {
            problems.add(new Problem(start, tag + " header runs past its frame"));
            pos = frameEnd;
        }
        parts.add(Region.leaf(tag + " header", RegionKind.STREAM_INFO, start, pos - start, d.toString()));
        long lameEnd = pos;
        if (pos + 36 <= frameEnd && (b.matches(pos, "LAME") || b.matches(pos, "Lavc") || b.matches(pos, "Lavf"))) {
            String version = b.ascii(pos, 9).strip();
            int delayPadding = b.u24be(pos + 21);
            int delay = delayPadding >> 12;
            int padding = delayPadding & 0xFFF;
            parts.add(Region.leaf("LAME tag", RegionKind.STREAM_INFO, pos, 36,
                    version + " · encoder delay " + delay + " · padding " + padding));
            lameEnd = pos + 36;
        }
        return new Region(tag, RegionKind.STREAM_INFO, start, lameEnd - start, d.toString(), problems, parts);
    }

    private static Region vbri(ByteReader b, long start, long frameEnd) {
        int delay = b.u16be(start + 6);
        long bytes = b.u32be(start + 10);
        long frames = b.u32be(start + 14);
        int entries = b.u16be(start + 18);
        int entrySize = b.u16be(start + 22);
        long length = Math.min(26L + (long) Math.max(0, entries) * Math.max(0, entrySize), frameEnd - start);
        return Region.leaf("VBRI", RegionKind.STREAM_INFO, start, length,
                "VBRI (VBR) · " + frames + " frames · " + bytes + " bytes · delay " + delay);
    }
}
