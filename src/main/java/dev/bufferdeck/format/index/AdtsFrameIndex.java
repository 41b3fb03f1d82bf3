package dev.bufferdeck.format.index;

import dev.bufferdeck.format.AdtsHeader;
import dev.bufferdeck.repository.MediaBuffer;

import dev.bufferdeck.repository.ByteSource;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The byte offset of every ADTS frame of an {@code .aac} buffer (after a leading ID3v2 tag), so
 * that seeking is arithmetic: frame N starts at sample N × 1024 × blocks. Built once per buffer and
 * cached. Frames of another stream, or bytes that are not a frame, end the index after a resync
 * attempt; the ID3v1/APE tags some files end with are not frames.
 */
public final class AdtsFrameIndex {
    private static final int SYNC_SEARCH_LIMIT = 1 << 16;
    private static final Map<MediaBuffer, AdtsFrameIndex> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final AdtsHeader first;
    private final int[] offsets;
    private final int count;
    private final int skippedBytes;

    private AdtsFrameIndex(AdtsHeader first, int[] offsets, int count, int skippedBytes) {
        this.first = first;
        this.offsets = offsets;
        this.count = count;
        this.skippedBytes = skippedBytes;
    }

    public static AdtsFrameIndex of(MediaBuffer buffer) {
        AdtsFrameIndex index = CACHE.get(buffer);
        if (index == null) {
            index = build(buffer.bytes());
            CACHE.put(buffer, index);
        }
        return index;
    }

    public static AdtsFrameIndex build(ByteSource b) {
        int start = find(b, MpegFrameIndex.id3v2End(b), null);
        if (start < 0) return new AdtsFrameIndex(null, new int[0], 0, 0);
        AdtsHeader first = AdtsHeader.parse(b, start);
        int[] offsets = new int[Math.max(16, (b.limit() - start) / Math.max(8, first.frameLength()) + 16)];
        int count = 0;
        int skipped = 0;
        int pos = start;
        while (pos < b.limit()) {
            AdtsHeader h = AdtsHeader.parse(b, pos);
            if (h == null || !first.sameStream(h) || pos + (long) h.frameLength() > b.limit()) {
                if (h != null && first.sameStream(h)) break; // the last frame is cut short
                int next = find(b, pos + 1, first);
                if (next < 0) break;
                skipped += next - pos;
                pos = next;
                continue;
            }
            if (count == offsets.length) offsets = Arrays.copyOf(offsets, count * 2);
            offsets[count++] = pos;
            pos += h.frameLength();
        }
        return new AdtsFrameIndex(first, offsets, count, skipped);
    }

    /** The first frame at or after {@code from} followed by another of the same stream (or the end). */
    private static int find(ByteSource b, int from, AdtsHeader stream) {
        long last = Math.min(b.limit() - 7L, (long) from + SYNC_SEARCH_LIMIT);
        for (int p = from; p <= last; p++) {
            if (b.get(p) != (byte) 0xFF) continue;
            AdtsHeader h = AdtsHeader.parse(b, p);
            if (h == null || (stream != null && !stream.sameStream(h))) continue;
            long next = (long) p + h.frameLength();
            if (next == b.limit() || (next < b.limit() && h.sameStream(AdtsHeader.parse(b, (int) next)))) return p;
        }
        return -1;
    }

    public boolean isEmpty() { return count == 0; }
    public int frameCount() { return count; }
    public int frameOffset(int frame) { return offsets[frame]; }
    public AdtsHeader firstHeader() { return first; }
    public AdtsHeader header(ByteSource b, int frame) { return AdtsHeader.parse(b, offsets[frame]); }
    /** Bytes between frames that belong to no frame (lost sync). */
    public int skippedBytes() { return skippedBytes; }
    public int samplesPerFrame() { return AdtsHeader.SAMPLES_PER_BLOCK * first.rawBlocks(); }
    public long decodedSamples() { return (long) count * samplesPerFrame(); }
}
