package dev.bufferdeck.format.regions;

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
    static List<Region> parse(Bytes b, long start) {
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
        if (pos < b.size()) out.add(frames(b, pos, streamInfo));
        return out;
    }

    private static Region block(Bytes b, int type, long pos, long length, boolean last) {
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
    private static Region picture(Bytes b, long data, long length) {
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

    private static Region frames(Bytes b, long start, long streamInfo) {
        int fixedBlock = streamInfo >= 0 ? b.u16be(streamInfo) : -1;
        int minFrame = streamInfo >= 0 ? Math.max(0, b.u24be(streamInfo + 4)) : 0;
        int[] starts = new int[1024];
        int count = 0;
        List<Problem> problems = new ArrayList<>();
        FrameHeader first = FrameHeader.at(b, start, fixedBlock);
        long pos = start;
        if (first == null) {
            long sync = nextFrame(b, start + 1, fixedBlock, -1, -1);
            problems.add(new Problem(start, "no FLAC frame where the audio should start"
                    + (sync >= 0 ? "; first frame at " + Describe.hex(sync) : "")));
            if (sync < 0) {
                return new Region("FLAC frames", RegionKind.UNKNOWN, start, b.size() - start,
                        Describe.bytes(b.size() - start) + " with no FLAC frame", problems, List.of());
            }
            pos = sync;
        }
        long firstFrame = pos;
        FrameHeader current = FrameHeader.at(b, pos, fixedBlock);
        while (current != null) {
            if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
            starts[count++] = (int) pos;
            long expectedNumber = current.variable() ? current.number() + current.blockSize() : current.number() + 1;
            long next = nextFrame(b, pos + Math.max(minFrame, current.headerLength() + 1), fixedBlock,
                    expectedNumber, current.variable() ? 1 : 0);
            if (next < 0) break;
            pos = next;
            current = FrameHeader.at(b, pos, fixedBlock);
        }
        int[] frames = Arrays.copyOf(starts, count);
        return new Region("FLAC frames", RegionKind.CONTAINER, firstFrame, b.size() - firstFrame,
                count + " frames" + (fixedBlock > 0 ? " · block size " + fixedBlock : ""), problems,
                new FrameList(b, frames, fixedBlock));
    }

    /** The next verified frame header at or after {@code from} with the expected number, or -1. */
    private static long nextFrame(Bytes b, long from, int fixedBlock, long expectedNumber, int variable) {
        for (long p = from; p + 2 <= b.size(); p++) {
            if (b.u8(p) != 0xFF || (b.u8(p + 1) & 0xFE) != 0xF8) continue;
            FrameHeader h = FrameHeader.at(b, p, fixedBlock);
            if (h == null) continue;
            if (expectedNumber < 0 || (h.number() == expectedNumber && (h.variable() ? 1 : 0) == variable)) return p;
        }
        return -1;
    }

    private static final class FrameList extends AbstractList<Region> {
        private final Bytes b;
        private final int[] frames;
        private final int fixedBlock;

        FrameList(Bytes b, int[] frames, int fixedBlock) {
            this.b = b;
            this.frames = frames;
            this.fixedBlock = fixedBlock;
        }

        @Override public int size() { return frames.length; }

        @Override
        public Region get(int i) {
            long start = frames[i];
            long end = i + 1 < frames.length ? frames[i + 1] : b.size();
            FrameHeader h = FrameHeader.at(b, start, fixedBlock);
            List<Problem> problems = new ArrayList<>();
            if (end - start >= 2 && crc16(b, start, end - start - 2) != b.u16be(end - 2)) {
                problems.add(new Problem(end - 2, "frame CRC-16 mismatch"));
            }
            List<Region> parts = List.of(
                    Region.leaf("frame header", RegionKind.HEADER, start, h.headerLength(),
                            (h.variable() ? "sample " : "frame ") + h.number() + " · " + h.blockSize() + " samples"),
                    Region.leaf("subframes", RegionKind.AUDIO_FRAME, start + h.headerLength(),
                            Math.max(0, end - start - h.headerLength() - 2), "encoded samples"),
                    Region.leaf("CRC-16", RegionKind.HEADER, Math.max(start, end - 2), Math.min(2, end - start), ""));
            return new Region("frame " + i, RegionKind.AUDIO_FRAME, start, end - start,
                    "FLAC frame · " + h.blockSize() + " samples · " + Describe.bytes(end - start), problems, parts);
        }
    }

    /** The verified header of one FLAC frame. */
    record FrameHeader(boolean variable, long number, int blockSize, int headerLength) {
        static FrameHeader at(Bytes b, long p, int fixedBlock) {
            if (!b.has(p, 6) || b.u8(p) != 0xFF || (b.u8(p + 1) & 0xFE) != 0xF8) return null;
            int blockCode = b.u8(p + 2) >> 4;
            int rateCode = b.u8(p + 2) & 0x0F;
            int channelCode = b.u8(p + 3) >> 4;
            int sizeCode = (b.u8(p + 3) >> 1) & 7;
            if (blockCode == 0 || rateCode == 15 || channelCode > 10 || sizeCode == 3 || sizeCode == 7
                    || (b.u8(p + 3) & 1) != 0) return null;
            long q = p + 4;
            int first = b.u8(q);
            int extra;
            long value;
            if (first < 0x80) { extra = 0; value = first; }
            else if ((first & 0xE0) == 0xC0) { extra = 1; value = first & 0x1F; }
            else if ((first & 0xF0) == 0xE0) { extra = 2; value = first & 0x0F; }
            else if ((first & 0xF8) == 0xF0) { extra = 3; value = first & 0x07; }
            else if ((first & 0xFC) == 0xF8) { extra = 4; value = first & 0x03; }
            else if ((first & 0xFE) == 0xFC) { extra = 5; value = first & 0x01; }
            else if (first == 0xFE) { extra = 6; value = 0; }
            else return null;
            for (int i = 1; i <= extra; i++) {
                int c = b.u8(q + i);
                if ((c & 0xC0) != 0x80) return null;
                value = (value << 6) | (c & 0x3F);
            }
            q += 1 + extra;
            int blockSize;
            if (blockCode == 1) blockSize = 192;
            else if (blockCode <= 5) blockSize = 576 << (blockCode - 2);
            else if (blockCode == 6) { blockSize = b.u8(q) + 1; q += 1; }
            else if (blockCode == 7) { blockSize = b.u16be(q) + 1; q += 2; }
            else blockSize = 256 << (blockCode - 8);
            if (rateCode == 12) q += 1;
            else if (rateCode == 13 || rateCode == 14) q += 2;
            if (!b.has(q, 1) || crc8(b, p, q - p) != b.u8(q)) return null;
            boolean variable = (b.u8(p + 1) & 1) == 1;
            return new FrameHeader(variable, value, blockSize, (int) (q - p + 1));
        }
    }

    static int crc8(Bytes b, long p, long length) {
        int crc = 0;
        for (long i = 0; i < length; i++) {
            crc ^= b.u8(p + i);
            for (int j = 0; j < 8; j++) crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
        }
        return crc;
    }

    static int crc16(Bytes b, long p, long length) {
        int crc = 0;
        for (long i = 0; i < length; i++) {
            crc ^= b.u8(p + i) << 8;
            for (int j = 0; j < 8; j++) crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
        }
        return crc;
    }
}
