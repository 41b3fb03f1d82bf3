package dev.bufferdeck.format.regions;

import dev.bufferdeck.format.AdtsHeader;
import dev.bufferdeck.format.index.AdtsFrameIndex;

import java.util.AbstractList;
import java.util.List;
import java.util.Locale;

/** The frames of an ADTS (.aac) stream, one region per frame made on demand. */
final class AdtsRegions {
    private AdtsRegions() {}

    static Region parse(ByteReader b, AdtsFrameIndex index) {
        int n = index.frameCount();
        long start = index.frameOffset(0);
        long end = index.frameOffset(n - 1) + AdtsHeader.parse(b.buffer(), index.frameOffset(n - 1)).frameLength();
        AdtsHeader h = index.firstHeader();
        List<Problem> problems = index.skippedBytes() > 0
                ? List.of(new Problem(start, Describe.bytes(index.skippedBytes()) + " between frames belong to no frame (lost sync)"))
                : List.of();
        String description = String.format(Locale.ROOT, "ADTS · %s · %s · %d frames", profile(h), Describe.hz(h.sampleRate()), n);
        return new Region("ADTS audio", RegionKind.CONTAINER, start, end - start, description, problems, new Frames(b, index));
    }

    private static String profile(AdtsHeader h) {
        return switch (h.objectType()) {
            case 1 -> "AAC Main";
            case 2 -> "AAC-LC";
            case 3 -> "AAC SSR";
            default -> "AAC LTP";
        };
    }

    private static final class Frames extends AbstractList<Region> {
        private final ByteReader b;
        private final AdtsFrameIndex index;

        Frames(ByteReader b, AdtsFrameIndex index) {
            this.b = b;
            this.index = index;
        }

        @Override public int size() { return index.frameCount(); }

        @Override
        public Region get(int i) {
            long at = index.frameOffset(i);
            AdtsHeader h = AdtsHeader.parse(b.buffer(), (int) at);
            double seconds = (double) i * index.samplesPerFrame() / h.sampleRate();
            return new Region("frame " + i, RegionKind.AUDIO_FRAME, at, h.frameLength(),
                    String.format(Locale.ROOT, "ADTS frame · %.3f s · %s", seconds, Describe.bytes(h.frameLength())), List.of(),
                    List.of(Region.leaf("frame header", RegionKind.HEADER, at, h.headerLength(),
                                    profile(h) + " · " + Describe.channels(h.channelConfig()) + (h.headerLength() == 9 ? " · CRC" : "")),
                            Region.leaf("raw data block", RegionKind.AUDIO_FRAME, at + h.headerLength(),
                                    h.frameLength() - h.headerLength(), Describe.bytes(h.frameLength() - h.headerLength()))));
        }
    }
}
