package dev.bufferdeck.format.regions;

import dev.bufferdeck.format.IsoBrands;
import dev.bufferdeck.format.index.AdtsFrameIndex;
import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.repository.InterleavedBlock;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaFormat;

import dev.bufferdeck.repository.ByteSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Maps a buffer to named, nested byte regions without copying it. Sizes read from the bytes are
 * checked against the buffer before use, nesting is bounded, and the long runs (MPEG frames, Ogg
 * pages, FLAC frames) keep one int per item and make their regions on demand, so hostile input
 * costs no more than its own size.
 */
public final class RegionParser {
    private RegionParser() {}

    /** Regions of a repository buffer, sharing its cached MPEG frame index. */
    public static RegionTree parse(MediaBuffer buffer) {
        if (buffer.isLive()) return live(buffer);
        return parse(buffer.bytes(), () -> MpegFrameIndex.of(buffer));
    }

    /**
     * A live window: the stream's audio bytes and, between them, the ICY metadata blocks the server
     * sent (each its length byte and text), as they lie in the window now.
     */
    private static RegionTree live(MediaBuffer buffer) {
        List<Region> roots = new ArrayList<>();
        long size = buffer.size();
        long pos = 0;
        for (InterleavedBlock block : buffer.interleavedBlocks()) {
            if (block.offset() < pos || block.offset() + block.length() > size) continue;
            if (block.offset() > pos) {
                roots.add(Region.leaf("stream audio", RegionKind.AUDIO_DATA, pos, block.offset() - pos,
                        Describe.bytes(block.offset() - pos)));
            }
            roots.add(Region.leaf("ICY metadata", RegionKind.TAG, block.offset(), block.length(),
                    block.text().isEmpty() ? "empty (no change)" : block.text()));
            pos = block.offset() + block.length();
        }
        if (pos < size) roots.add(Region.leaf("stream audio", RegionKind.AUDIO_DATA, pos, size - pos, Describe.bytes(size - pos)));
        return new RegionTree(buffer.detectedFormat(), size, roots);
    }

    public static RegionTree parse(ByteSource buffer) {
        ByteSource view = buffer.duplicate();
        return parse(view, () -> MpegFrameIndex.build(view));
    }

    // The parser is chosen by the container's magic alone, not by FormatSniffer: a damaged file the
    // sniffer rightly calls Unknown must still be broken down here, with its problems shown.
    private static RegionTree parse(ByteSource buffer, Supplier<MpegFrameIndex> mpegIndex) {
        ByteReader b = new ByteReader(buffer.duplicate());
        if (b.size() == 0) return new RegionTree(MediaFormat.EMPTY, 0, List.of());
        if ((b.matches(0, "RIFF") || b.matches(0, "RF64")) && b.size() >= 12) {
            MediaFormat riff = !b.ascii(8, 4).equals("WAVE") ? MediaFormat.UNKNOWN : b.matches(0, "RIFF") ? MediaFormat.WAV : MediaFormat.RF64;
            return new RegionTree(riff, b.size(), List.of(ChunkRegions.riff(b)));
        }
        if (b.matches(0, "FORM") && (b.matches(8, "AIFF") || b.matches(8, "AIFC"))) {
            return new RegionTree(b.matches(8, "AIFC") ? MediaFormat.AIFC : MediaFormat.AIFF, b.size(), List.of(ChunkRegions.aiff(b)));
        }
        if (b.matches(0, ".snd") && b.size() >= 24) return new RegionTree(MediaFormat.AU, b.size(), List.of(ChunkRegions.au(b)));
        if (b.matches(0, "OggS")) return new RegionTree(MediaFormat.OGG, b.size(), List.of(OggRegions.parse(b)));
        if (b.matches(0, "fLaC")) return new RegionTree(MediaFormat.FLAC, b.size(), FlacRegions.parse(b, 0));
        if (b.matches(4, "ftyp")) return new RegionTree(IsoBrands.classify(buffer, 0), b.size(), Mp4Regions.parse(b));
        if (b.u32be(0) == 0x1A45DFA3L) {
            return new RegionTree(MediaFormat.MATROSKA, b.size(), List.of(Region.leaf("EBML", RegionKind.CONTAINER, 0, b.size(),
                    "Matroska/WebM · elements are not broken down yet")));
        }
        List<Region> roots = new ArrayList<>();
        long pos = 0;
        if (Id3v2Regions.isAt(b, 0)) {
            Region tag = Id3v2Regions.parse(b, 0);
            roots.add(tag);
            pos = tag.end();
            if (b.matches(pos, "fLaC")) {
                roots.addAll(FlacRegions.parse(b, pos));
                return new RegionTree(MediaFormat.FLAC, b.size(), roots);
            }
        }
        List<Region> tail = TailTags.find(b, pos);
        long audioEnd = tail.isEmpty() ? b.size() : tail.get(0).offset();
        Region mpeg = MpegFrameIndex.findFirstFrame(buffer, (int) pos) < 0 ? null
                : MpegRegions.parse(b, buffer, mpegIndex.get(), pos, audioEnd);
        if (mpeg != null) {
            roots.add(mpeg);
            pos = mpeg.end();
            if (pos < audioEnd) {
                roots.add(Region.leaf("unknown", RegionKind.UNKNOWN, pos, audioEnd - pos, Describe.bytes(audioEnd - pos)));
            }
            roots.addAll(tail);
            return new RegionTree(MediaFormat.MP3, b.size(), roots);
        }
        AdtsFrameIndex adts = AdtsFrameIndex.build(buffer);
        if (!adts.isEmpty() && adts.frameOffset(0) >= pos) {
            if (adts.frameOffset(0) > pos) {
                roots.add(Region.leaf("unknown", RegionKind.UNKNOWN, pos, adts.frameOffset(0) - pos, Describe.bytes(adts.frameOffset(0) - pos)));
            }
            Region frames = AdtsRegions.parse(b, adts);
            roots.add(frames);
            if (frames.end() < audioEnd) {
                roots.add(Region.leaf("unknown", RegionKind.UNKNOWN, frames.end(), audioEnd - frames.end(), Describe.bytes(audioEnd - frames.end())));
            }
            roots.addAll(tail);
            return new RegionTree(MediaFormat.AAC_ADTS, b.size(), roots);
        }
        if (pos < b.size()) {
            roots.add(Region.leaf("unknown", RegionKind.UNKNOWN, pos, b.size() - pos,
                    Describe.bytes(b.size() - pos) + " in no format BufferDeck breaks down"));
        }
        return new RegionTree(MediaFormat.UNKNOWN, b.size(), roots);
    }
}
