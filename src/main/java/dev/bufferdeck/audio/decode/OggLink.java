package dev.bufferdeck.audio.decode;

import dev.bufferdeck.format.index.OggPageIndex;
import dev.bufferdeck.repository.MediaBuffer;

import dev.bufferdeck.repository.ByteSource;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One chain link of an Ogg buffer: its stream's pages and what the identification header on its
 * first page says, read without decoding.
 *
 * @param preSkip samples the codec outputs before the stream's first (Opus pre-skip; 0 for Vorbis)
 */
record OggLink(OggPageIndex index, Codec codec, int rate, int channels, long preSkip) {
    enum Codec { VORBIS, OPUS, OTHER }

    /** The decoded length in frames at the link's own rate. */
    long frames() {
        return codec == Codec.OTHER ? 0 : Math.max(0, index.lastGranule() - preSkip);
    }

    static List<OggLink> chain(MediaBuffer buffer) {
        List<OggLink> links = new ArrayList<>();
        for (OggPageIndex index : OggPageIndex.chain(buffer)) links.add(read(buffer.bytes(), index));
        return links;
    }

    static OggLink read(ByteSource bytes, OggPageIndex index) {
        ByteSource b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (index.pageCount() == 0) return new OggLink(index, Codec.OTHER, 0, 0, 0);
        int page = index.pageOffset(0);
        int packet = page + 27 + (b.get(page + 26) & 0xFF);
        int end = page + index.pageLength(0);
        if (packet + 30 <= end && b.get(packet) == 1 && ascii(b, packet + 1, "vorbis")) {
            int channels = b.get(packet + 11) & 0xFF;
            int rate = b.getInt(packet + 12);
            if (channels > 0 && rate > 0) return new OggLink(index, Codec.VORBIS, rate, channels, 0);
        } else if (packet + 19 <= end && ascii(b, packet, "OpusHead")) {
            int channels = b.get(packet + 9) & 0xFF;
            if (channels > 0) return new OggLink(index, Codec.OPUS, 48_000, channels, b.getShort(packet + 10) & 0xFFFF);
        }
        return new OggLink(index, Codec.OTHER, 0, 0, 0);
    }

    private static boolean ascii(ByteSource b, int at, String text) {
        byte[] want = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < want.length; i++) if (b.get(at + i) != want[i]) return false;
        return true;
    }
}
