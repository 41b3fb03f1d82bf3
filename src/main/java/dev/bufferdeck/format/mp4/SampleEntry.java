package dev.bufferdeck.format.mp4;

import dev.bufferdeck.format.Bytes;

import dev.bufferdeck.repository.ByteSource;

import java.nio.ByteBuffer;

/** The first entry of 'stsd': codec, picture size or audio channels and rate, decoder configuration. */
record SampleEntry(String codec, int width, int height, int channels, int sampleRate, ByteBuffer config,
                   int objectType, long averageBitrate) {
    private static final ByteBuffer NO_CONFIG = ByteBuffer.allocate(0).asReadOnlyBuffer();
    static final SampleEntry NONE = new SampleEntry("", 0, 0, 0, 0, NO_CONFIG, 0, 0);

    static SampleEntry read(ByteSource b, Mp4Box stsd, String handler) {
        if (stsd == null) return NONE;
        Mp4Box entry = Mp4Box.at(b, stsd.dataStart() + 8, stsd.end());
        if (entry == null || entry.impossible()) return NONE;
        int d = (int) entry.dataStart() + 8; // after 6 reserved bytes and the data reference index
        return switch (handler) {
            case "soun" -> audio(b, entry, d);
            case "vide" -> new SampleEntry(entry.type(), Math.max(0, Bytes.be16(b, d + 16)),
                    Math.max(0, Bytes.be16(b, d + 18)), 0, 0, NO_CONFIG, 0, 0);
            default -> new SampleEntry(entry.type(), 0, 0, 0, 0, NO_CONFIG, 0, 0);
        };
    }

    /** ISO audio sample entry, or QuickTime sound description version 1 or 2 (more fields before the boxes). */
    private static SampleEntry audio(ByteSource b, Mp4Box entry, int d) {
        int version = Bytes.be16(b, d);
        int channels = Math.max(0, Bytes.be16(b, d + 8));
        int rate = (int) Math.max(0, Bytes.be32(b, d + 16) >>> 16);
        int boxes = d + 20;
        if (version == 1) {
            boxes += 16;
        } else if (version == 2) {
            boxes += 36;
            if (Bytes.fits(b, d + 24, 12)) {
                rate = (int) Double.longBitsToDouble(Mp4Movie.be64(b, d + 24));
                channels = (int) Math.max(0, Bytes.be32(b, d + 32));
            }
        }
        ByteBuffer config = NO_CONFIG;
        int objectType = 0;
        long bitrate = 0;
        Mp4Box esds = Mp4Box.find(b, boxes, entry.end(), "esds");
        if (esds == null) {
            Mp4Box wave = Mp4Box.find(b, boxes, entry.end(), "wave");
            if (wave != null) esds = wave.child(b, "esds");
        }
        if (esds != null) {
            Esds parsed = Esds.read(b, (int) esds.dataStart() + 4, (int) esds.end());
            if (parsed != null) {
                config = parsed.config();
                objectType = parsed.objectType();
                bitrate = parsed.averageBitrate();
            }
        } else if (entry.is("alac")) {
            Mp4Box alac = Mp4Box.find(b, boxes, entry.end(), "alac");
            if (alac != null && alac.dataLength() > 4) config = Bytes.slice(b, (int) alac.dataStart() + 4, (int) alac.dataLength() - 4);
        }
        AudioSpecificConfig aac = objectType == 0x40 ? AudioSpecificConfig.parse(config) : null;
        if (aac != null) { // the sample entry often says 2 channels and the core rate whatever the stream is
            if (aac.channels() > 0) channels = aac.channels();
            rate = aac.outputRate();
        }
        return new SampleEntry(entry.type(), 0, 0, channels, rate, config, objectType, bitrate);
    }

    /** The MPEG-4 descriptors of 'esds': ES_Descriptor → DecoderConfigDescriptor → DecoderSpecificInfo. */
    private record Esds(int objectType, long averageBitrate, ByteBuffer config) {
        static Esds read(ByteSource b, int p, int end) {
            int objectType = 0;
            long bitrate = 0;
            for (int guard = 0; guard < 16 && p + 2 <= end; guard++) {
                int tag = Bytes.u8(b, p++);
                int length = 0;
                for (int i = 0; i < 4; i++) {
                    int v = Bytes.u8(b, p++);
                    if (v < 0) return null;
                    length = length << 7 | (v & 0x7F);
                    if ((v & 0x80) == 0) break;
                }
                if (length < 0 || p + length > end) return null;
                switch (tag) {
                    case 3 -> { // ES_Descriptor: its children follow a few fixed fields
                        int flags = Bytes.u8(b, p + 2);
                        p += 3;
                        if ((flags & 0x80) != 0) p += 2;
                        if ((flags & 0x40) != 0) p += 1 + Math.max(0, Bytes.u8(b, p));
                        if ((flags & 0x20) != 0) p += 2;
                    }
                    case 4 -> { // DecoderConfigDescriptor
                        objectType = Bytes.u8(b, p);
                        bitrate = Math.max(0, Bytes.be32(b, p + 9));
                        p += 13;
                    }
                    case 5 -> {
                        return new Esds(objectType, bitrate, Bytes.slice(b, p, length));
                    }
                    default -> p += length;
                }
            }
            return objectType == 0 ? null : new Esds(objectType, bitrate, NO_CONFIG);
        }
    }
}
