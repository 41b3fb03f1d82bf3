package dev.bufferdeck.format.tags;

import dev.bufferdeck.format.Bytes;

import java.io.ByteArrayOutputStream;
import dev.bufferdeck.repository.ByteSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles the first packets of the first logical stream of an Ogg file. A packet that lies in
 * one page is a view of the buffer; one that spans pages is copied (bounded by the bytes present).
 * CRCs are not checked: a damaged page still yields its tags.
 */
final class OggHeaderPackets {
    private static final int PAGE_HEADER = 27;
    /** Header packets are read from at most this many pages. */
    private static final int MAX_PAGES = 4096;

    private OggHeaderPackets() {}

    static List<ByteSource> read(ByteSource b, int maxPackets) {
        List<ByteSource> packets = new ArrayList<>();
        ByteArrayOutputStream spanning = null;
        long serial = -1;
        int p = 0;
        for (int page = 0; page < MAX_PAGES && packets.size() < maxPackets; page++) {
            if (!Bytes.ascii(b, p, "OggS") || !Bytes.fits(b, p, PAGE_HEADER)) break;
            int segments = Bytes.u8(b, p + 26);
            int body = p + PAGE_HEADER + segments;
            if (body > b.limit()) break;
            long pageSerial = Bytes.le32(b, p + 14);
            int bodyLength = 0;
            for (int i = 0; i < segments; i++) bodyLength += Bytes.u8(b, p + PAGE_HEADER + i);
            if (serial < 0) serial = pageSerial;
            if (pageSerial != serial) {
                p = body + bodyLength;
                continue;
            }
            boolean continued = (Bytes.u8(b, p + 5) & 1) != 0;
            if (!continued) spanning = null;
            int packetStart = body;
            int q = body;
            for (int i = 0; i < segments && packets.size() < maxPackets; i++) {
                int lacing = Bytes.u8(b, p + PAGE_HEADER + i);
                if (q + lacing > b.limit()) return packets;
                q += lacing;
                if (lacing < 255) {
                    if (spanning != null) {
                        spanning.write(bytes(b, packetStart, q), 0, q - packetStart);
                        packets.add(ByteSource.of(spanning.toByteArray()));
                        spanning = null;
                    } else {
                        packets.add(b.slice(packetStart, q - packetStart));
                    }
                    packetStart = q;
                }
            }
            if (packetStart < q || (segments > 0 && Bytes.u8(b, p + PAGE_HEADER + segments - 1) == 255)) {
                if (spanning == null) spanning = new ByteArrayOutputStream();
                spanning.write(bytes(b, packetStart, q), 0, q - packetStart);
            }
            p = body + bodyLength;
        }
        return packets;
    }

    private static byte[] bytes(ByteSource b, int start, int end) {
        byte[] out = new byte[end - start];
        b.get(start, out);
        return out;
    }
}
