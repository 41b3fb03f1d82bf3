package dev.bufferdeck.format.index;

import dev.bufferdeck.repository.MediaBuffer;

import dev.bufferdeck.repository.ByteSource;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Offset, length and granule position of every page of one logical stream in an Ogg buffer: the
 * first stream of each chain link (a link starts where beginning-of-stream pages follow other pages).
 * Built once per buffer by hopping from page header to page header (the CRC is checked only where
 * the page run breaks and a resync is needed), and cached. Seeks bisect its granule positions.
 */
public final class OggPageIndex {
    private static final Map<MediaBuffer, List<OggPageIndex>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int k = 0; k < 8; k++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            CRC_TABLE[i] = r;
        }
    }

    private final int serial;
    private final int[] offsets;
    private final int[] lengths;
    private final long[] granules;
    private final int count;
    private final boolean truncated;

    private OggPageIndex(int serial, int[] offsets, int[] lengths, long[] granules, int count, boolean truncated) {
        this.serial = serial;
        this.offsets = offsets;
        this.lengths = lengths;
        this.granules = granules;
        this.count = count;
        this.truncated = truncated;
    }

    /** The first chain link's stream. */
    public static OggPageIndex of(MediaBuffer buffer) {
        return chain(buffer).get(0);
    }

    /** Every chain link's stream in order; at least one (empty when the buffer holds no page). */
    public static List<OggPageIndex> chain(MediaBuffer buffer) {
        List<OggPageIndex> chain = CACHE.get(buffer);
        if (chain == null) {
            chain = chain(buffer.bytes());
            if (buffer.isComplete()) CACHE.put(buffer, chain);
        }
        return chain;
    }

    /** The first chain link's stream in {@code bytes}. */
    public static OggPageIndex build(ByteSource bytes) {
        return chain(bytes).get(0);
    }

    public static List<OggPageIndex> chain(ByteSource bytes) {
        ByteSource b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        List<OggPageIndex> links = new ArrayList<>();
        Builder link = null;
        boolean truncated = false;
        boolean afterLinkStart = false; // a page without the beginning-of-stream flag came since the link began
        int pos = 0;
        boolean chained = true;
        while (pos + 27 <= b.limit()) {
            int length = pageLength(b, pos);
            if (length < 0 || pos + length > b.limit() || (!chained && !crcMatches(b, pos, length))) {
                if (length > 0 && pos + length > b.limit() && isPageStart(b, pos)) {
                    truncated = true;
                    break;
                }
                int next = resync(b, pos + 1);
                if (next < 0) break;
                pos = next;
                chained = false;
                continue;
            }
            int pageSerial = b.getInt(pos + 14);
            boolean beginning = (b.get(pos + 5) & 2) != 0;
            if (link == null || (beginning && afterLinkStart)) {
                if (link != null) links.add(link.build(false));
                link = new Builder(pageSerial);
                afterLinkStart = false;
            } else if (!beginning) {
                afterLinkStart = true;
            }
            if (pageSerial == link.serial) link.add(pos, length, b.getLong(pos + 6));
            pos += length;
            chained = true;
        }
        links.add(link == null ? new Builder(0).build(truncated) : link.build(truncated));
        return List.copyOf(links);
    }

    /** Pages of one stream as they are found. */
    private static final class Builder {
        final int serial;
        int[] offsets = new int[64];
        int[] lengths = new int[64];
        long[] granules = new long[64];
        int count;

        Builder(int serial) { this.serial = serial; }

        void add(int offset, int length, long granule) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
                granules = Arrays.copyOf(granules, count * 2);
            }
            offsets[count] = offset;
            lengths[count] = length;
            granules[count] = granule;
            count++;
        }

        OggPageIndex build(boolean truncated) {
            return new OggPageIndex(serial, offsets, lengths, granules, count, truncated);
        }
    }

    private static boolean isPageStart(ByteSource b, int pos) {
        return b.get(pos) == 'O' && b.get(pos + 1) == 'g' && b.get(pos + 2) == 'g' && b.get(pos + 3) == 'S' && b.get(pos + 4) == 0;
    }

    /** Header plus body length of the page at {@code pos}, or -1 when no page header is there. */
    private static int pageLength(ByteSource b, int pos) {
        if (pos + 27 > b.limit() || !isPageStart(b, pos)) return -1;
        int segments = b.get(pos + 26) & 0xFF;
        if (pos + 27 + segments > b.limit()) return Integer.MAX_VALUE - pos;
        int body = 0;
        for (int i = 0; i < segments; i++) body += b.get(pos + 27 + i) & 0xFF;
        return 27 + segments + body;
    }

    private static int resync(ByteSource b, int from) {
        for (int pos = from; pos + 27 <= b.limit(); pos++) {
            if (b.get(pos) != 'O') continue;
            int length = pageLength(b, pos);
            if (length > 0 && pos + length <= b.limit() && crcMatches(b, pos, length)) return pos;
        }
        return -1;
    }

    /** True when the page at {@code pos} of {@code length} bytes carries the CRC of its own bytes. */
    public static boolean crcMatches(ByteSource b, int pos, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            int v = (i >= 22 && i < 26) ? 0 : b.get(pos + i) & 0xFF;
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ v) & 0xFF];
        }
        int stored = b.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(pos + 22);
        return crc == stored;
    }

    public int serial() { return serial; }
    public int pageCount() { return count; }
    public int pageOffset(int page) { return offsets[page]; }
    public int pageLength(int page) { return lengths[page]; }
    /** The page's granule position, or -1 when no packet ends on it. */
    public long granule(int page) { return granules[page]; }
    /** True when the buffer ends in the middle of a page. */
    public boolean truncated() { return truncated; }

    /** The last granule position in the stream (the exact end for Vorbis and Opus), or -1. */
    public long lastGranule() {
        for (int i = count - 1; i >= 0; i--) if (granules[i] >= 0) return granules[i];
        return -1;
    }

    /**
     * Bisection: the last page at or after {@code fromPage} whose granule position is known and at
     * most {@code granule}, or -1 when there is none.
     */
    public int lastPageAtOrBefore(long granule, int fromPage) {
        int lo = fromPage, hi = count - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int probe = mid;
            while (probe >= lo && granules[probe] < 0) probe--;
            if (probe < lo) {
                lo = mid + 1;
                continue;
            }
            if (granules[probe] <= granule) {
                found = probe;
                lo = mid + 1;
            } else {
                hi = probe - 1;
            }
        }
        return found;
    }
}
