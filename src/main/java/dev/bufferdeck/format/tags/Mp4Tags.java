package dev.bufferdeck.format.tags;

import dev.bufferdeck.format.Bytes;
import dev.bufferdeck.format.mp4.IlstItem;
import dev.bufferdeck.format.mp4.Mp4Box;

import dev.bufferdeck.repository.ByteSource;
import java.util.List;

/** iTunes-style tags of MP4/M4A files: moov/udta/meta/ilst items holding "data" boxes, freeform '----' included. */
final class Mp4Tags {
    private static final int TYPE_PNG = 14, TYPE_JPEG = 13, TYPE_UTF8 = 1;

    private Mp4Tags() {}

    static void read(ByteSource b, TagBuilder tags) {
        Mp4Box moov = Mp4Box.top(b, "moov");
        List<IlstItem> items = moov == null ? List.of() : IlstItem.read(b, moov);
        if (items.isEmpty()) return;
        tags.format("MP4");
        for (IlstItem item : items) {
            int data = item.dataOffset();
            int length = item.dataLength();
            switch (item.name()) {
                case "\u00a9nam" -> tags.title(item.text(b));
                case "\u00a9ART" -> tags.artist(item.text(b));
                case "aART" -> tags.albumArtist(item.text(b));
                case "\u00a9alb" -> tags.album(item.text(b));
                case "\u00a9day" -> tags.year(item.text(b));
                case "trkn" -> {
                    if (length >= 4 && Bytes.be16(b, data + 2) > 0) {
                        int total = length >= 6 ? Bytes.be16(b, data + 4) : 0;
                        tags.track(Bytes.be16(b, data + 2) + (total > 0 ? "/" + total : ""));
                    }
                }
                case "covr" -> {
                    String mime = item.dataType() == TYPE_PNG ? "image/png" : item.dataType() == TYPE_JPEG ? "image/jpeg" : "";
                    tags.picture(new CoverArt(CoverArt.normalizeMime(mime, b, data), CoverArt.FRONT_COVER, "",
                            Bytes.slice(b, data, length), data));
                }
                case "----" -> {
                    if (item.dataType() == TYPE_UTF8) {
                        String key = item.key();
                        tags.freeform(key.substring(key.indexOf(':') + 1), item.text(b));
                    }
                }
                default -> { }
            }
        }
    }
}
