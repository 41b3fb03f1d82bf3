package dev.bufferdeck.ui.library;

import dev.bufferdeck.source.FileGlimpse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The length of an Ogg Vorbis or Opus file that is not loaded, as a loaded file plays it: every
 * chain link's last granule position (less Opus's pre-skip), later links counted at the first
 * link's rate. A few small reads: a link's end is found by bisecting the file for where its serial
 * number stops (each link of a chain has its own, RFC 3533), then hopping over its last pages.
 */
final class OggChainLength {
    /** Bytes read at a time to find the next page. */
    private static final int WINDOW = 8 * 1024;
    /** The longest an Ogg page can be: 27 header bytes, 255 lacing values of 255. */
    private static final int MOST_PAGE = 27 + 255 + 255 * 255;
    private static final int HEADER = 27 + 255;

    private OggChainLength() {}

    private record Page(long offset, int serial, long granule, int length) {}

    /** Codec facts from a link's identification header. */
    private record Link(int rate, int preSkip) {}

    /** Frames at the first link's rate; -1 when the bytes are not a chain of Vorbis or Opus links. */
    static long frames(FileGlimpse glimpse) throws IOException {
        long size = glimpse.size();
        long total = 0;
        int outRate = 0;
        long start = 0;
        while (start < size) {
            Page first = pageAt(glimpse, start);
            Link link = first == null ? null : link(glimpse, first);
            if (link == null) return -1;
            if (outRate == 0) outRate = link.rate;
            long lo = first.offset;
            long hi = size;
            while (hi - lo > 2L * WINDOW) {
                long mid = lo + (hi - lo) / 2;
                Page p = nextPage(glimpse, mid);
                if (p != null && p.serial == first.serial) lo = p.offset;
                else hi = mid;
            }
            long granule = -1;
            long next = size;
            for (long at = lo; at < size; ) {
                Page p = pageAt(glimpse, at);
                if (p == null) break;
                if (p.serial != first.serial) {
                    next = p.offset;
                    break;
                }
                if (p.granule >= 0) granule = p.granule;
                at += p.length;
            }
            if (granule < 0) return -1;
            long frames = Math.max(0, granule - link.preSkip);
            total += link.rate == outRate ? frames : (frames * outRate + link.rate - 1) / link.rate;
            start = next;
        }
        return total;
    }

    /** The page whose header starts exactly at {@code offset}, or null. */
    private static Page pageAt(FileGlimpse glimpse, long offset) throws IOException {
        byte[] h = glimpse.read(offset, HEADER);
        return page(h, 0, offset);
    }

    /** The first page starting at or after {@code from}, looked for within one page's length, or null. */
    private static Page nextPage(FileGlimpse glimpse, long from) throws IOException {
        for (long at = from; at < from + MOST_PAGE && at < glimpse.size(); at += WINDOW - HEADER) {
            byte[] w = glimpse.read(at, WINDOW);
            for (int i = 0; i + 27 <= w.length; i++) {
                if (w[i] != 'O' || w[i + 1] != 'g' || w[i + 2] != 'g' || w[i + 3] != 'S') continue;
                Page p = i + HEADER <= w.length ? page(w, i, at + i) : pageAt(glimpse, at + i);
                if (p != null) return p;
            }
        }
        return null;
    }

    private static Page page(byte[] b, int i, long offset) {
        if (i + 27 > b.length || b[i] != 'O' || b[i + 1] != 'g' || b[i + 2] != 'g' || b[i + 3] != 'S'
                || b[i + 4] != 0 || (b[i + 5] & 0xF8) != 0) {
            return null;
        }
        int segments = b[i + 26] & 0xFF;
        if (i + 27 + segments > b.length) return null;
        int length = 27 + segments;
        for (int k = 0; k < segments; k++) length += b[i + 27 + k] & 0xFF;
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return new Page(offset, le.getInt(i + 14), le.getLong(i + 6), length);
    }

    /** Rate and pre-skip from the identification header on a link's first page; null for another codec. */
    private static Link link(FileGlimpse glimpse, Page first) throws IOException {
        byte[] b = glimpse.read(first.offset, Math.min(first.length, HEADER + 64));
        int packet = 27 + (b[26] & 0xFF);
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (packet + 16 <= b.length && b[packet] == 1 && ascii(b, packet + 1, "vorbis")) {
            int rate = le.getInt(packet + 12);
            return rate > 0 ? new Link(rate, 0) : null;
        }
        if (packet + 12 <= b.length && ascii(b, packet, "OpusHead")) return new Link(48_000, le.getShort(packet + 10) & 0xFFFF);
        return null;
    }

    private static boolean ascii(byte[] b, int at, String text) {
        byte[] want = text.getBytes(StandardCharsets.US_ASCII);
        for (int k = 0; k < want.length; k++) if (b[at + k] != want[k]) return false;
        return true;
    }
}
