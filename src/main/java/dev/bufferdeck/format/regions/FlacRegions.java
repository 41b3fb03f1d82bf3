package dev.bufferdeck.format.regions;

import dev.bufferdeck.format.index.FlacFrameLocator;
import dev.bufferdeck.format.index.FlacStreamInfo;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Native FLAC: the marker, each metadata block, and the audio frames (found by verified sync). */
final class FlacRegions {
    private static final String[] BLOCK_NAMES = {"STREAMINFO", "PADDING", "APPLICATION", "SEEKTABLE",
        "VORBIS_COMMENT", "CUESHEET", "PICTURE"};
    private static final int MAX_BLOCKS = 1024;

    private FlacRegions() {}

    /** Parses from the "fLaC" marker at {@code start}; returns the marker, the blocks and the frames. */
    static List<Region> parse(ByteReader b, long start) {
        List<Region> out = new ArrayList<>();
        out.add(Region.leaf("fLaC", RegionKind.HEADER, start, 4, "FLAC stream marker"));
        long pos = start + 4;
        boolean last = false;
        int blocks = 0;
        long streamInfo = -1;
        while (!last && pos + 4 <= b.size() && blocks++ < MAX_BLOCKS) {
            int head = b.u8(pos);
            last = (head & 0x80) != 0;
            int type = head & 0x7F;
            long length = b.u24be(pos + 1);
            List<Problem> problems = new ArrayList<>();
            if (pos + 4 + length > b.size()) {
                problems.add(new Problem(pos + 1, "metadata block length " + length + " runs past the end"));
                length = b.size() - pos - 4;
                last = true;
            }
            if (type == 127) problems.add(new Problem(pos, "invalid metadata block type 127"));
            if (type == 0) streamInfo = pos + 4;
            out.add(block(b, type, pos, length, last).withProblems(problems));
            pos += 4 + length;
        }
        if (pos < b.size()) out.add(frames(b, start, pos));
        return out;
    }

    private static Region block(ByteReader b, int type, long pos, long length, boolean last) {
        String name = type < BLOCK_NAMES.length ? BLOCK_NAMES[type] : "block type " + type;
        long data = pos + 4;
        List<Region> parts = new ArrayList<>();
        parts.add(Region.leaf("block header", RegionKind.HEADER, pos, 4,
                name + " · " + Describe.bytes(length) + (last ? " · last" : "")));
        String description = name + " · " + Describe.bytes(length);
        RegionKind kind = RegionKind.TAG;
        switch (type) {
            case 0 -> {
                kind = RegionKind.STREAM_INFO;
                long rate = b.u24be(data + 10) >> 4;
                int channels = ((b.u8(data + 12) >> 1) & 7) + 1;
                int bits = (((b.u8(data + 12) & 1) << 4) | (b.u8(data + 13) >> 4)) + 1;
                long samples = ((long) (b.u8(data + 13) & 0x0F) << 32) | b.u32be(data + 14);
                description = "STREAMINFO · " + bits + "-bit · " + Describe.hz(rate) + " · "
                        + Describe.channels(channels) + " · " + samples + " samples";
            }
            case 1 -> kind = RegionKind.PADDING;
            case 3 -> description = "SEEKTABLE · " + (length / 18) + " seek points";
            case 4 -> {
                long vendorLength = b.u32le(data);
                long count = b.u32le(data + 4 + vendorLength);
                description = "VORBIS_COMMENT · " + Describe.quote(b.text(data + 4, vendorLength, StandardCharsets.UTF_8, 80), 40)
                        + " · " + count + " comments";
            }
            case 6 -> {
                kind = RegionKind.PICTURE;
                Region image = picture(b, data, length);
                if (image != null) {
                    parts.add(Region.leaf("picture info", RegionKind.TAG_FIELD, data, image.offset() - data,
                            "type, MIME, description, size"));
                    parts.add(image);
                    description = "PICTURE · " + image.description();
                    return new Region(name, kind, pos, 4 + length, description, List.of(), parts);
                }
            }
            default -> { }
        }
        if (length > 0) parts.add(Region.leaf("data", kind, data, length, Describe.bytes(length)));
        return new Region(name, kind, pos, 4 + length, description, List.of(), parts);
    }

    /** A FLAC PICTURE block body (also used for Vorbis METADATA_BLOCK_PICTURE). */
    private static Region picture(ByteReader b, long data, long length) {
        long end = data + length;
        long type = b.u32be(data);
        long mimeLength = b.u32be(data + 4);
        if (mimeLength < 0 || data + 8 + mimeLength > end) return null;
        String mime = b.ascii(data + 8, mimeLength);
        long descPos = data + 8 + mimeLength;
        long descLength = b.u32be(descPos);
        if (descLength < 0 || descPos + 4 + descLength + 20 > end) return null;
        long dims = descPos + 4 + descLength;
        long width = b.u32be(dims), height = b.u32be(dims + 4);
        long imageLength = b.u32be(dims + 16);
        long image = dims + 20;
        if (image + imageLength > end) return null;
        String typeName = type < Id3v2Regions.PICTURE_TYPES.length ? Id3v2Regions.PICTURE_TYPES[(int) type] : "type " + type;
        return Region.leaf("image", RegionKind.PICTURE, image, imageLength,
                typeName + " · " + mime + " · " + width + "×" + height + " · " + Describe.bytes(imageLength));
    }

    /** The shared frame locator for the stream whose "fLaC" marker is at {@code marker}, or null. */
    static FlacFrameLocator locator(ByteReader b, long marker) {
        FlacStreamInfo info = FlacStreamInfo.read(b.buffer(), (int) marker);
        return info == null ? null : new FlacFrameLocator(b.buffer(), info);
    }

    private static Region frames(ByteReader b, long marker, long start) {
        FlacFrameLocator locator = locator(b, marker);
        List<Problem> problems = new ArrayList<>();
        if (locator == null) {
            problems.add(new Problem(start, "metadata is damaged, so the frames are not broken down"));
            return new Region("FLAC frames", RegionKind.UNKNOWN, start, b.size() - start,
                    Describe.bytes(b.size() - start), problems, List.of());
        }
        FlacFrameLocator.FrameStart current = locator.headerAt((int) start);
        if (current == null) {
            current = locator.nextFrame((int) start + 1);
            problems.add(new Problem(start, "no FLAC frame where the audio should start"
                    + (current != null ? "; first frame at " + Describe.hex(current.offset()) : "")));
            if (current == null) {
                return new Region("FLAC frames", RegionKind.UNKNOWN, start, b.size() - start,
                        Describe.bytes(b.size() - start) + " with no FLAC frame", problems, List.of());
            }
        }
        long firstFrame = current.offset();
        int[] starts = new int[1024];
        int count = 0;
        while (current != null) {
            if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
            starts[count++] = current.offset();
            long expected = current.sample() + current.blockSize();
            FlacFrameLocator.FrameStart next = locator.nextFrame(current.offset() + current.headerLength() + 1);
            while (next != null && next.sample() != expected) next = locator.nextFrame(next.offset() + 1);
            current = next;
        }
        int[] frames = Arrays.copyOf(starts, count);
        return new Region("FLAC frames", RegionKind.CONTAINER, firstFrame, b.size() - firstFrame,
                count + " frames", problems, new FrameList(b, frames, locator));
    }

    private static final class FrameList extends AbstractList<Region> {
        private final ByteReader b;
        private final int[] frames;
        private final FlacFrameLocator locator;

        FrameList(ByteReader b, int[] frames, FlacFrameLocator locator) {
            this.b = b;
            this.frames = frames;
            this.locator = locator;
        }

        @Override public int size() { return frames.length; }

        @Override
        public Region get(int i) {
            long start = frames[i];
            long end = i + 1 < frames.length ? frames[i + 1] : b.size();
            FlacFrameLocator.FrameStart h = locator.headerAt(frames[i]);
            List<Problem> problems = new ArrayList<>();
            if (end - start >= 2 && crc16(b, start, end - start - 2) != b.u16be(end - 2)) {
                problems.add(new Problem(end - 2, "frame CRC-16 mismatch"));
            }
            List<Region> parts = List.of(
                    Region.leaf("frame header", RegionKind.HEADER, start, h.headerLength(),
                            "sample " + h.sample() + " · " + h.blockSize() + " samples"),
                    Region.leaf("subframes", RegionKind.AUDIO_FRAME, start + h.headerLength(),
                            Math.max(0, end - start - h.headerLength() - 2), "encoded samples"),
                    Region.leaf("CRC-16", RegionKind.HEADER, Math.max(start, end - 2), Math.min(2, end - start), ""));
            return new Region("frame " + i, RegionKind.AUDIO_FRAME, start, end - start,
                    "FLAC frame · " + h.blockSize() + " samples · " + Describe.bytes(end - start), problems, parts);
        }
    }

    static int crc16(ByteReader b, long p, long length) {
        int crc = 0;
        for (long i = 0; i < length; i++) {
            crc ^= b.u8(p + i) << 8;
            for (int j = 0; j < 8; j++) crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
        }
        return crc;
    }
}
