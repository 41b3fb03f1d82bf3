package dev.bufferdeck.format.tags;

import dev.bufferdeck.format.Bytes;
import dev.bufferdeck.repository.MediaFormat;

import dev.bufferdeck.repository.ByteSource;
import java.util.List;

/** Tags of Ogg Vorbis (second packet), Opus (OpusTags) and Ogg FLAC (metadata block packets). */
final class OggTags {
    private OggTags() {}

    /** A Vorbis or Opus comment header packet on its own. */
    static void commentPacket(ByteSource packet, TagBuilder tags) {
        if (Bytes.matches(packet, 0, 3, 'v', 'o', 'r', 'b', 'i', 's')) VorbisComments.read(packet, 7, packet.limit(), tags);
        else if (Bytes.ascii(packet, 0, "OpusTags")) VorbisComments.read(packet, 8, packet.limit(), tags);
    }

    static void read(ByteSource b, MediaFormat format, TagBuilder tags) {
        switch (format) {
            case OGG_VORBIS -> {
                List<ByteSource> packets = OggHeaderPackets.read(b, 2);
                if (packets.size() < 2) return;
                commentPacket(packets.get(1), tags);
            }
            case OGG_OPUS -> {
                List<ByteSource> packets = OggHeaderPackets.read(b, 2);
                if (packets.size() < 2) return;
                commentPacket(packets.get(1), tags);
            }
            case OGG_FLAC -> {
                List<ByteSource> first = OggHeaderPackets.read(b, 1);
                if (first.isEmpty()) return;
                int headers = Bytes.be16(first.get(0), 7); // count of header packets after the first; 0 = unknown
                List<ByteSource> packets = OggHeaderPackets.read(b, headers > 0 ? 1 + headers : 16);
                for (ByteSource packet : packets.subList(1, packets.size())) {
                    int type = Bytes.u8(packet, 0);
                    if (type < 0) continue;
                    FlacMetadata.block(type & 0x7F, packet, 4, packet.limit(), false, tags);
                    if ((type & 0x80) != 0) break;
                }
            }
            default -> { }
        }
    }
}
