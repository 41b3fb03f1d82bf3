package dev.bufferdeck.format.mp4;

import dev.bufferdeck.format.Bytes;

import dev.bufferdeck.repository.ByteSource;
import java.util.ArrayList;
import java.util.List;

/**
 * One iTunes metadata item of {@code moov/udta/meta/ilst}: its atom name (©nam, trkn, covr...) or,
 * for a freeform '----' atom, its mean and name ("com.apple.iTunes", "iTunSMPB"), and the first
 * 'data' box's type and payload position.
 *
 * @param name     the item's four characters
 * @param key      "mean:name" for freeform items ("com.apple.iTunes:replaygain_track_gain"), else {@code name}
 * @param dataType well-known type of the data box: 1 UTF-8, 13 JPEG, 14 PNG, 0 binary, 21 integer
 */
public record IlstItem(String name, String key, int dataType, int dataOffset, int dataLength) {

    public String text(ByteSource b) {
        return Bytes.utf8(b, dataOffset, dataLength);
    }

    /** The items of a movie's ilst, in file order; empty when there is none. */
    public static List<IlstItem> read(ByteSource b, Mp4Box moov) {
        Mp4Box meta = moov.path(b, "udta", "meta");
        if (meta == null) meta = moov.child(b, "meta");
        Mp4Box ilst = meta == null ? null : meta.path(b, "ilst");
        if (ilst == null) return List.of();
        List<IlstItem> items = new ArrayList<>();
        for (Mp4Box item : ilst.children(b, 0)) {
            if (item.impossible()) break;
            String mean = null, key = null;
            for (Mp4Box part : item.children(b, 0)) {
                if (part.impossible() || part.dataLength() < 4) break;
                int d = (int) part.dataStart();
                int text = (int) part.dataLength() - 4;
                switch (part.type()) {
                    case "mean" -> mean = Bytes.utf8(b, d + 4, text);
                    case "name" -> key = Bytes.utf8(b, d + 4, text);
                    case "data" -> {
                        if (part.dataLength() < 8) break;
                        String name = item.type();
                        String itemKey = name.equals("----") ? (mean == null ? "" : mean) + ":" + (key == null ? "" : key) : name;
                        items.add(new IlstItem(name, itemKey, (int) (Bytes.be32(b, d) & 0xFFFFFF), d + 8,
                                (int) part.dataLength() - 8));
                    }
                    default -> { }
                }
            }
        }
        return items;
    }
}
