package dev.bufferdeck.format.index;

import dev.bufferdeck.format.Id3v2Header;
import dev.bufferdeck.format.MpegAudioHeader;

import dev.bufferdeck.repository.MediaBuffer;

import dev.bufferdeck.repository.ByteSource;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The byte offset of every audio frame of an MP3 buffer, plus what its Xing/Info, LAME and VBRI
 * headers say. Built once per buffer by walking frame headers (microseconds per thousand frames)
 * and cached. The Xing/Info/VBRI frame itself is not an audio frame and is not listed.
 */
public final class MpegFrameIndex {
    private static final int SYNC_SEARCH_LIMIT = 1 << 16;
    private static final Map<MediaBuffer, MpegFrameIndex> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final MpegAudioHeader first;
    private final int[] offsets;
    private final int count;
    private final int end;
    private final boolean variableBitrate;
    private final XingInfo xing;

    private MpegFrameIndex(MpegAudioHeader first, int[] offsets, int count, int end, boolean variableBitrate, XingInfo xing) {
        this.first = first;
        this.offsets = offsets;
        this.count = count;
        this.end = end;
        this.variableBitrate = variableBitrate;
        this.xing = xing;
    }

    /** The cached index of {@code buffer}, built on first use. */
    public static MpegFrameIndex of(MediaBuffer buffer) {
        MpegFrameIndex index = CACHE.get(buffer);
        if (index == null) {
            index = build(buffer.bytes());
            if (buffer.isComplete()) CACHE.put(buffer, index);
        }
        return index;
    }

    public static MpegFrameIndex build(ByteSource b) {
        int start = findFirstFrame(b, id3v2End(b));
        if (start < 0) return new MpegFrameIndex(null, new int[0], 0, 0, false, XingInfo.NONE);
        MpegAudioHeader first = MpegAudioHeader.parseLayer3(b, start);
        XingInfo xing = XingInfo.read(b, start, first);
        int pos = xing.present() ? start + first.frameLength() : start;
        int[] offsets = new int[Math.max(16, (b.limit() - pos) / Math.max(1, first.frameLength()) + 16)];
        int count = 0;
        int lastEnd = pos;
        int bitrate = -1;
        boolean vbr = false;
        while (pos + 4 <= b.limit()) {
            MpegAudioHeader h = MpegAudioHeader.parseLayer3(b, pos);
            if (h == null || !first.sameStreamAs(h)) {
                if (isTrailingTag(b, pos)) break;
                int next = resync(b, pos + 1, first);
                if (next < 0) break;
                pos = next;
                continue;
            }
            if (pos + h.frameLength() > b.limit()) break;
            if (count == offsets.length) offsets = Arrays.copyOf(offsets, count * 2);
            offsets[count++] = pos;
            if (bitrate >= 0 && bitrate != h.bitrateKbps()) vbr = true;
            bitrate = h.bitrateKbps();
            pos += h.frameLength();
            lastEnd = pos;
        }
        return new MpegFrameIndex(first, offsets, count, lastEnd, vbr, xing);
    }

    /** The first offset at or after {@code from} holding a frame header followed by another one, or -1. */
    public static int findFirstFrame(ByteSource b, int from) {
        int limit = Math.min(b.limit() - 4, from + SYNC_SEARCH_LIMIT);
        for (int pos = Math.max(0, from); pos <= limit; pos++) {
            if (b.get(pos) != (byte) 0xFF) continue;
            MpegAudioHeader h = MpegAudioHeader.parseLayer3(b, pos);
            if (h == null) continue;
            int next = pos + h.frameLength();
            if (next == b.limit() || h.sameStreamAs(MpegAudioHeader.parseLayer3(b, next))) return pos;
        }
        return -1;
    }

    /** Offset just after an ID3v2 tag at the start of the buffer, or 0 when there is none. */
    public static int id3v2End(ByteSource b) {
        Id3v2Header tag = Id3v2Header.parse(b, 0);
        return tag == null ? 0 : (int) Math.min(tag.end(), b.limit());
    }

    private static int resync(ByteSource b, int from, MpegAudioHeader first) {
        for (int pos = from; pos + 4 <= b.limit(); pos++) {
            if (b.get(pos) != (byte) 0xFF) continue;
            MpegAudioHeader h = MpegAudioHeader.parseLayer3(b, pos);
            if (!first.sameStreamAs(h)) continue;
            int next = pos + h.frameLength();
            if (next == b.limit() || first.sameStreamAs(MpegAudioHeader.parseLayer3(b, next))) return pos;
        }
        return -1;
    }

    private static boolean isTrailingTag(ByteSource b, int pos) {
        return startsWith(b, pos, "TAG") || startsWith(b, pos, "APETAGEX") || startsWith(b, pos, "LYRICS");
    }

    private static boolean startsWith(ByteSource b, int pos, String s) {
        if (pos + s.length() > b.limit()) return false;
        for (int i = 0; i < s.length(); i++) if (b.get(pos + i) != s.charAt(i)) return false;
        return true;
    }

    public boolean isEmpty() { return count == 0; }
    public int frameCount() { return count; }
    public int frameOffset(int frame) { return offsets[frame]; }
    /** Offset just after the last whole frame. */
    public int audioEnd() { return end; }
    public MpegAudioHeader firstHeader() { return first; }
    public int samplesPerFrame() { return first.samplesPerFrame(); }
    public int sampleRate() { return first.sampleRate(); }
    public int channels() { return first.channels(); }
    public boolean variableBitrate() { return variableBitrate || xing.tag().equals("Xing") || xing.tag().equals("VBRI"); }
    public XingInfo xing() { return xing; }

    /** Samples the decoder produces when every frame is decoded, before any gapless trim. */
    public long decodedSamples() { return (long) count * samplesPerFrame(); }

    /** Average bitrate over the audio frames, in kbps. */
    public int averageBitrateKbps() {
        if (count == 0) return 0;
        long bytes = end - (long) offsets[0];
        double seconds = decodedSamples() / (double) sampleRate();
        return (int) Math.round(bytes * 8 / seconds / 1000);
    }

    /** Samples to drop at the start to match ffmpeg: the LAME encoder delay plus the decoder's 529, or 0 without a LAME tag. */
    public int leadingTrim() {
        return xing.hasGaplessInfo() ? xing.encoderDelay() + 529 : 0;
    }

    /** Exact playable length in samples per channel after the gapless trim. */
    public long playableSamples() {
        long decoded = decodedSamples();
        if (!xing.hasGaplessInfo()) return decoded;
        long complete = xing.frames() > 0 && xing.frames() <= count ? (long) xing.frames() * samplesPerFrame() : decoded;
        boolean truncated = xing.frames() > count;
        long end = truncated ? decoded : Math.min(decoded, complete - xing.encoderPadding() + 529);
        return Math.max(0, end - leadingTrim());
    }

    /** Index of the frame whose decoded samples contain {@code sample} (counted before any trim). */
    public int frameContaining(long sample) {
        return (int) Math.max(0, Math.min(count - 1L, sample / samplesPerFrame()));
    }
}
