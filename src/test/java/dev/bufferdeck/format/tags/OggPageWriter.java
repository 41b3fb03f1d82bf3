package dev.bufferdeck.format.tags;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Writes Ogg pages the way libogg does, CRC included, so tests can build Ogg streams from packets. */
final class OggPageWriter {
    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int j = 0; j < 8; j++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            CRC_TABLE[i] = r;
        }
    }

    private final int serial;
    private int sequence;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    OggPageWriter(int serial) {
        this.serial = serial;
    }

    /** The Ogg CRC-32 (polynomial 0x04C11DB7, no reflection, initial value 0) of {@code page} with its CRC field zeroed. */
    static int crc(byte[] page, int offset, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            int b = (i >= 22 && i < 26) ? 0 : page[offset + i] & 0xFF;
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xFF];
        }
        return crc;
    }

    /**
     * Writes {@code packets}, each starting a new run of segments, across as many pages as needed
     * with at most {@code maxSegments} lacing values a page (fewer makes packets span pages).
     */
    OggPageWriter packets(int maxSegments, long granule, byte[]... packets) {
        List<int[]> segments = new ArrayList<>(); // {packet index, offset, length}
        for (int k = 0; k < packets.length; k++) {
            int length = packets[k].length;
            int offset = 0;
            do {
                int segment = Math.min(255, length - offset);
                segments.add(new int[] {k, offset, segment});
                offset += segment;
                if (segment < 255) break;
            } while (true);
        }
        boolean continued = false;
        for (int start = 0; start < segments.size(); start += maxSegments) {
            List<int[]> page = segments.subList(start, Math.min(segments.size(), start + maxSegments));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] lacing = new byte[page.size()];
            for (int i = 0; i < page.size(); i++) {
                int[] s = page.get(i);
                lacing[i] = (byte) s[2];
                body.write(packets[s[0]], s[1], s[2]);
            }
            int type = (continued ? 1 : 0) | (sequence == 0 ? 2 : 0);
            writePage(type, granule, lacing, body.toByteArray());
            continued = (lacing[lacing.length - 1] & 0xFF) == 255;
        }
        return this;
    }

    private void writePage(int type, long granule, byte[] lacing, byte[] body) {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes("OggS".getBytes());
        page.write(0);
        page.write(type);
        for (int i = 0; i < 8; i++) page.write((int) (granule >> (8 * i)));
        for (int i = 0; i < 4; i++) page.write(serial >> (8 * i));
        for (int i = 0; i < 4; i++) page.write(sequence >> (8 * i));
        page.writeBytes(new byte[4]);
        page.write(lacing.length);
        page.writeBytes(lacing);
        page.writeBytes(body);
        byte[] bytes = page.toByteArray();
        int crc = crc(bytes, 0, bytes.length);
        for (int i = 0; i < 4; i++) bytes[22 + i] = (byte) (crc >> (8 * i));
        out.writeBytes(bytes);
        sequence++;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
