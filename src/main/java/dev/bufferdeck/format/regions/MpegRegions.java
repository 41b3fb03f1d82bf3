package dev.bufferdeck.format.regions;

import dev.bufferdeck.format.MpegAudioHeader;
import dev.bufferdeck.format.index.MpegFrameIndex;

import dev.bufferdeck.repository.ByteSource;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The MPEG audio frames of an MP3, from the same {@link MpegFrameIndex} that playback seeks with:
 * one int per frame, the region for a frame made only when asked for. ByteReader between indexed
 * frames become "junk" regions with a problem at their offset.
 */
final class MpegRegions {
    private static final int MAX_PROBLEMS = 100;

    private MpegRegions() {}

    /** The frames between {@code start} and {@code end}; null when there is no frame at all. */
    static Region parse(ByteReader b, ByteSource buffer, MpegFrameIndex index, long start, long end) {
        int first = MpegFrameIndex.findFirstFrame(buffer, (int) start);
        if (first < 0 || (index.isEmpty() && !index.xing().present())) return null;
        MpegAudioHeader head = MpegAudioHeader.parseLayer3(buffer, first);
        List<long[]> runs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (first > start) {
            problems.add(new Problem(start, "no frame sync in the first " + Describe.bytes(first - start)));
            runs.add(new long[] {start, first, -1});
        }
        long pos = first;
        if (index.xing().present()) {
            runs.add(new long[] {first, first + head.frameLength(), -2});
            pos = first + head.frameLength();
        }
        int frameNumber = 0;
        for (int i = 0; i < index.frameCount(); i++) {
            long offset = index.frameOffset(i);
            if (offset >= end) break;
            if (offset > pos) {
                junk(problems, pos, offset, "frame sync lost at " + Describe.hex(pos) + ", found again at " + Describe.hex(offset));
                runs.add(new long[] {pos, offset, -1});
            }
            long length = MpegAudioHeader.parseLayer3(buffer, (int) offset).frameLength();
            runs.add(new long[] {offset, offset + length, frameNumber++});
            pos = offset + length;
        }
        if (pos < end) {
            junk(problems, pos, end, MpegAudioHeader.parseLayer3(buffer, (int) pos) != null
                    ? "last frame is truncated: " + Describe.bytes(end - pos)
                    : "frame sync lost at " + Describe.hex(pos));
            runs.add(new long[] {pos, end, -1});
            pos = end;
        }
        String rate = index.variableBitrate() ? " · " + index.averageBitrateKbps() + " kbps VBR"
                : " · " + head.bitrateKbps() + " kbps CBR";
        String description = index.frameCount() + " frames · " + layer(head) + " · " + Describe.hz(head.sampleRate())
                + " · " + Describe.channels(head.channels()) + rate;
        return new Region("MPEG audio", RegionKind.CONTAINER, start, pos - start, description, problems,
                new FrameList(b, buffer, runs));
    }

    private static void junk(List<Problem> problems, long from, long to, String message) {
        if (problems.size() < MAX_PROBLEMS) problems.add(new Problem(from, message));
        else if (problems.size() == MAX_PROBLEMS) problems.add(new Problem(from, "… and more problems after this one"));
    }

    static String layer(MpegAudioHeader h) {
        return "MPEG-" + h.version().label() + " Layer III";
    }

    static String describe(MpegAudioHeader h) {
        return layer(h) + " frame · " + h.bitrateKbps() + " kbps · " + Describe.hz(h.sampleRate()) + " · "
                + Describe.bytes(h.frameLength());
    }

    /** Runs of {start, end, kind}: kind is the audio frame number, -1 for junk, -2 for the Xing/Info frame. */
    private static final class FrameList extends AbstractList<Region> {
        private final ByteReader b;
        private final ByteSource buffer;
        private final long[] starts;
        private final long[] ends;
        private final int[] kinds;

        FrameList(ByteReader b, ByteSource buffer, List<long[]> runs) {
            this.b = b;
            this.buffer = buffer;
            int n = runs.size();
            starts = new long[n];
            ends = new long[n];
            kinds = new int[n];
            for (int i = 0; i < n; i++) {
                starts[i] = runs.get(i)[0];
                ends[i] = runs.get(i)[1];
                kinds[i] = (int) runs.get(i)[2];
            }
        }

        @Override public int size() { return starts.length; }

        @Override
        public Region get(int i) {
            long length = ends[i] - starts[i];
            if (kinds[i] == -1) {
                return Region.leaf("junk", RegionKind.UNKNOWN, starts[i], length, Describe.bytes(length) + " outside any frame");
            }
            return frame(b, starts[i], MpegAudioHeader.parseLayer3(buffer, (int) starts[i]), kinds[i]);
        }
    }

    private static Region frame(ByteReader b, long offset, MpegAudioHeader h, int number) {
        List<Region> parts = new ArrayList<>(4);
        parts.add(Region.leaf("frame header", RegionKind.HEADER, offset, 4,
                layer(h) + " · " + Describe.channels(h.channels()) + (h.crcProtected() ? " · CRC" : "")));
        long pos = offset + 4;
        if (h.crcProtected()) {
            parts.add(Region.leaf("CRC", RegionKind.HEADER, pos, 2, "CRC-16"));
            pos += 2;
        }
        long end = offset + h.frameLength();
        if (number == -2) {
            Region info = EncoderInfo.at(b, offset, h.sideInfoLength(), pos, end);
            if (info != null) {
                parts.add(Region.leaf("side info", RegionKind.HEADER, pos, info.offset() - pos, "Layer III side information"));
                parts.add(info);
                if (info.end() < end) {
                    parts.add(Region.leaf("padding", RegionKind.PADDING, info.end(), end - info.end(), Describe.bytes(end - info.end())));
                }
                return new Region("encoder info", RegionKind.STREAM_INFO, offset, h.frameLength(),
                        info.name() + " frame · " + describe(h), List.of(), parts);
            }
        }
        parts.add(Region.leaf("audio data", RegionKind.AUDIO_FRAME, pos, end - pos, Describe.bytes(end - pos)));
        return new Region("frame " + number, RegionKind.AUDIO_FRAME, offset, h.frameLength(), describe(h), List.of(), parts);
    }
}
