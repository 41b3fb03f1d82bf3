package dev.bufferdeck.video;

import dev.bufferdeck.format.Bytes;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * TEMPORARY until {@code dev.bufferdeck.format.mp4.Mp4Movie} (branch aac) is merged: finds the
 * sample-entry fourcc of an MP4's first video track ({@code moov/trak/mdia} with handler
 * {@code vide}, its {@code minf/stbl/stsd}). Only the boxes on that path are read.
 */
final class Mp4VideoTrack {
    private Mp4VideoTrack() {}

    /** The codec fourcc of the first video track (e.g. "avc1"), or empty when there is none. */
    static Optional<String> codec(ByteBuffer b) {
        long moov = find(b, 0, b.limit(), "moov");
        if (moov < 0) return Optional.empty();
        for (long trak = 0; (trak = next(b, moov, trak, "trak")) >= 0; ) {
            long mdia = find(b, body(b, trak), end(b, trak), "mdia");
            if (mdia < 0) continue;
            long hdlr = find(b, body(b, mdia), end(b, mdia), "hdlr");
            if (hdlr < 0 || !Bytes.ascii(b, (int) body(b, hdlr) + 8, "vide")) continue;
            long minf = find(b, body(b, mdia), end(b, mdia), "minf");
            long stbl = minf < 0 ? -1 : find(b, body(b, minf), end(b, minf), "stbl");
            long stsd = stbl < 0 ? -1 : find(b, body(b, stbl), end(b, stbl), "stsd");
            // stsd: version+flags, entry count, then the first entry's size and fourcc
            if (stsd >= 0 && Bytes.fits(b, body(b, stsd) + 12, 4)) {
                return Optional.of(Bytes.latin1(b, (int) body(b, stsd) + 12, 4));
            }
            return Optional.of("");
        }
        return Optional.empty();
    }

    /** The next child of {@code parent} named {@code type} after the child at {@code after} (0: from the start). */
    private static long next(ByteBuffer b, long parent, long after, String type) {
        long from = after == 0 ? body(b, parent) : end(b, after);
        return find(b, from, end(b, parent), type);
    }

    private static long find(ByteBuffer b, long from, long to, String type) {
        for (long p = from; p + 8 <= to; ) {
            long size = size(b, p);
            if (size < 8) return -1;
            if (Bytes.ascii(b, (int) p + 4, type)) return p;
            p += size;
        }
        return -1;
    }

    private static long size(ByteBuffer b, long p) {
        long size = Bytes.be32(b, (int) p);
        if (size == 1) {
            long hi = Bytes.be32(b, (int) p + 8), lo = Bytes.be32(b, (int) p + 12);
            return hi < 0 || lo < 0 ? -1 : hi << 32 | lo;
        }
        return size == 0 ? b.limit() - p : size;
    }

    private static long body(ByteBuffer b, long box) { return box + (Bytes.be32(b, (int) box) == 1 ? 16 : 8); }

    private static long end(ByteBuffer b, long box) { return Math.min(b.limit(), box + size(b, box)); }
}
