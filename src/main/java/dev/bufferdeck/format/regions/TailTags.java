package dev.bufferdeck.format.regions;

import java.util.ArrayList;
import java.util.List;

/** Tags at the end of an MP3: ID3v1 (the last 128 bytes) and an APEv2 tag before it. */
final class TailTags {
    private TailTags() {}

    /** Regions at the end of the buffer, in offset order; the first one's offset is where audio stops. */
    static List<Region> find(ByteReader b, long audioStart) {
        List<Region> out = new ArrayList<>();
        long end = b.size();
        Region v1 = null;
        if (end - 128 >= audioStart && b.matches(end - 128, "TAG")) {
            v1 = id3v1(b, end - 128);
            end -= 128;
        }
        if (end - 32 >= audioStart && b.matches(end - 32, "APETAGEX")) {
            long size = b.u32le(end - 32 + 12);
            long items = b.u32le(end - 32 + 16);
            boolean hasHeader = (b.u32le(end - 32 + 20) & 0x80000000L) != 0;
            long start = end - size - (hasHeader ? 32 : 0);
            if (size >= 32 && start >= audioStart) {
                out.add(Region.leaf("APEv2", RegionKind.TAG, start, end - start,
                        "APEv2 tag · " + items + " items · " + Describe.bytes(end - start)));
            }
        }
        if (v1 != null) out.add(v1);
        return out;
    }

    private static Region id3v1(ByteReader b, long at) {
        List<Region> fields = new ArrayList<>();
        fields.add(Region.leaf("TAG", RegionKind.HEADER, at, 3, "ID3v1 marker"));
        fields.add(field(b, "title", at + 3, 30));
        fields.add(field(b, "artist", at + 33, 30));
        fields.add(field(b, "album", at + 63, 30));
        fields.add(field(b, "year", at + 93, 4));
        boolean v11 = b.u8(at + 125) == 0 && b.u8(at + 126) != 0;
        fields.add(field(b, "comment", at + 97, v11 ? 28 : 30));
        if (v11) fields.add(Region.leaf("track", RegionKind.TAG_FIELD, at + 125, 2, "track " + b.u8(at + 126)));
        fields.add(Region.leaf("genre", RegionKind.TAG_FIELD, at + 127, 1, "genre " + b.u8(at + 127)));
        String title = b.ascii(at + 3, 30).replace("\u0000", "").strip();
        return new Region("ID3v1", RegionKind.TAG, at, 128, "ID3v1" + (v11 ? ".1" : "") + " tag · "
                + Describe.quote(title, 40), List.of(), fields);
    }

    private static Region field(ByteReader b, String name, long at, int length) {
        String value = b.ascii(at, length).replace("\u0000", "").strip();
        return Region.leaf(name, RegionKind.TAG_FIELD, at, length, name + " " + Describe.quote(value, 40));
    }
}
