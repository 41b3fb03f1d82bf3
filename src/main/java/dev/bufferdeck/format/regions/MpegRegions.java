package dev.bufferdeck.format.regions;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A run of MPEG audio frames: one pass records where each frame (or stretch of junk) starts, in an
 * int array; the region for a frame is made only when asked for.
 */
final class MpegRegions {
    private static final int MAX_PROBLEMS = 100;

    private MpegRegions() {}

    /** Parses frames from {@code start} up to {@code end}; null when no frame is found at all. */
    static Region parse(Bytes b, long start, long end) {
        long first = firstSync(b, start, end);
        if (first < 0) return null;
        int[] starts = new int[1024];
        BitSet junk = new BitSet();
        int count = 0;
        int problemsSkipped = 0;
        List<Problem> problems = new ArrayList<>();
        if (first > start) {
            problems.add(new Problem(start, "no frame sync in the first " + Describe.bytes(first - start)));
            starts[count] = (int) start;
            junk.set(count++);
        }
        long pos = first;
        long frames = 0;
        long bitrateSum = 0;
        int minRate = Integer.MAX_VALUE, maxRate = 0;
        MpegHeader firstHeader = MpegHeader.at(b, first);
        while (pos < end) {
            MpegHeader h = MpegHeader.at(b, pos);
            if (h != null && pos + h.frameLength() <= end && sameStream(h, firstHeader)) {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = (int) pos;
                frames++;
                bitrateSum += h.bitrateKbps();
                minRate = Math.min(minRate, h.bitrateKbps());
                maxRate = Math.max(maxRate, h.bitrateKbps());
                pos += h.frameLength();
                continue;
            }
            long resync = nextSync(b, pos + 1, end, firstHeader);
            if (h != null && pos + h.frameLength() > end && resync < 0) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(new Problem(pos, "last frame is truncated: " + Describe.bytes(end - pos)
                            + " of " + h.frameLength()));
                } else problemsSkipped++;
            } else if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem(pos, "frame sync lost at " + Describe.hex(pos)
                        + (resync >= 0 ? ", found again at " + Describe.hex(resync) : "")));
            } else {
                problemsSkipped++;
            }
            if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
            starts[count] = (int) pos;
            junk.set(count++);
            if (resync < 0) {
                pos = end;
                break;
            }
            pos = resync;
        }
        if (problemsSkipped > 0) {
            problems.add(new Problem(end, "… and " + problemsSkipped + " more problems"));
        }
        int[] finalStarts = Arrays.copyOf(starts, count);
        long length = pos - start;
        String rate = frames == 0 ? "" : minRate == maxRate ? " · " + minRate + " kbps CBR"
                : " · " + (bitrateSum / frames) + " kbps VBR";
        String description = frames + " frames · " + firstHeader.versionName() + " " + firstHeader.layerName()
                + " · " + Describe.hz(firstHeader.sampleRate()) + " · " + Describe.channels(firstHeader.mono() ? 1 : 2)
                + rate;
        return new Region("MPEG audio", RegionKind.CONTAINER, start, length, description, problems,
                new FrameList(b, finalStarts, junk, pos));
    }

    private static boolean sameStream(MpegHeader h, MpegHeader first) {
        return h.version() == first.version() && h.layer() == first.layer() && h.sampleRate() == first.sampleRate();
    }

    static long firstSync(Bytes b, long from, long end) {
        long limit = Math.min(end, from + 64 * 1024);
        for (long p = from; p + 4 <= limit; p++) {
            if (b.u8(p) == 0xFF && MpegHeader.confirmedAt(b, p)) return p;
        }
        return -1;
    }

    private static long nextSync(Bytes b, long from, long end, MpegHeader like) {
        for (long p = from; p + 4 <= end; p++) {
            if (b.u8(p) != 0xFF) continue;
            MpegHeader h = MpegHeader.at(b, p);
            if (h != null && sameStream(h, like) && (p + h.frameLength() >= end || MpegHeader.confirmedAt(b, p))) {
                return p;
            }
        }
        return -1;
    }

    /** The frames and junk runs, made into regions on demand. */
    private static final class FrameList extends AbstractList<Region> {
        private final Bytes b;
        private final int[] starts;
        private final BitSet junk;
        private final long end;

        FrameList(Bytes b, int[] starts, BitSet junk, long end) {
            this.b = b;
            this.starts = starts;
            this.junk = junk;
            this.end = end;
        }

        @Override public int size() { return starts.length; }

        @Override
        public Region get(int i) {
            long offset = starts[i];
            long next = i + 1 < starts.length ? starts[i + 1] : end;
            if (junk.get(i)) {
                return Region.leaf("junk", RegionKind.UNKNOWN, offset, next - offset,
                        Describe.bytes(next - offset) + " outside any frame");
            }
            return frame(b, offset, MpegHeader.at(b, offset), i);
        }
    }

    static Region frame(Bytes b, long offset, MpegHeader h, int index) {
        List<Region> parts = new ArrayList<>(4);
        parts.add(Region.leaf("frame header", RegionKind.HEADER, offset, 4,
                h.versionName() + " " + h.layerName() + " · " + Describe.channels(h.mono() ? 1 : 2)
                        + (h.padding() ? " · padded" : "") + (h.crc() ? " · CRC" : "")));
        long pos = offset + 4;
        if (h.crc()) {
            parts.add(Region.leaf("CRC", RegionKind.HEADER, pos, 2, "CRC-16"));
            pos += 2;
        }
        long end = offset + h.frameLength();
        Region info = h.layer() == 3 ? EncoderInfo.at(b, offset, h, pos) : null;
        String name = "frame " + index;
        if (info != null) {
            parts.add(Region.leaf("side info", RegionKind.HEADER, pos, info.offset() - pos, "Layer III side information"));
            parts.add(info);
            if (info.end() < end) {
                parts.add(Region.leaf("padding", RegionKind.PADDING, info.end(), end - info.end(),
                        Describe.bytes(end - info.end())));
            }
            return new Region(name, RegionKind.STREAM_INFO, offset, h.frameLength(),
                    info.name() + " frame · " + h.describe(), List.of(), parts);
        }
        parts.add(Region.leaf("audio data", RegionKind.AUDIO_FRAME, pos, end - pos, Describe.bytes(end - pos)));
        return new Region(name, RegionKind.AUDIO_FRAME, offset, h.frameLength(), h.describe(), List.of(), parts);
    }
}
