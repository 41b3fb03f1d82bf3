package dev.bufferdeck.format;

import dev.bufferdeck.repository.MediaFormat;

import dev.bufferdeck.repository.ByteSource;

/** Tells WebM from other Matroska by the DocType in the EBML header. */
final class Ebml {
    private static final int DOC_TYPE = 0x4282;
    /** The header is read from at most this many bytes, whatever its size claims. */
    private static final int MAX_HEADER = 1024;

    private Ebml() {}

    static MediaFormat classify(ByteSource b, int at) {
        int p = at + 4;
        long size = vint(b, p, false);
        if (size < 0) return MediaFormat.MATROSKA;
        p += length(b, p);
        long end = Math.min(Math.min((long) p + size, (long) p + MAX_HEADER), b.limit());
        while (p < end) {
            long id = vint(b, p, true);
            if (id < 0) break;
            p += length(b, p);
            long elementSize = vint(b, p, false);
            if (elementSize < 0) break;
            p += length(b, p);
            if (id == DOC_TYPE) {
                if (!Bytes.fits(b, p, elementSize) || elementSize > 64) break;
                String docType = Bytes.latin1(b, p, (int) elementSize).trim().replace("\0", "");
                return docType.equals("webm") ? MediaFormat.WEBM : MediaFormat.MATROSKA;
            }
            if (elementSize > end - p) break;
            p += (int) elementSize;
        }
        return MediaFormat.MATROSKA;
    }

    /** Bytes in the variable-length integer at {@code p}: 1 to 8, or 0 when there is none. */
    private static int length(ByteSource b, int p) {
        int first = Bytes.u8(b, p);
        if (first <= 0) return 0;
        return Integer.numberOfLeadingZeros(first) - 24 + 1;
    }

    /** The variable-length integer at {@code p} (an ID keeps its marker bit), or -1. */
    private static long vint(ByteSource b, int p, boolean keepMarker) {
        int n = length(b, p);
        if (n == 0 || !Bytes.fits(b, p, n)) return -1;
        long value = keepMarker ? Bytes.u8(b, p) : Bytes.u8(b, p) & (0xFF >> n);
        for (int i = 1; i < n; i++) value = value << 8 | Bytes.u8(b, p + i);
        return value;
    }
}
