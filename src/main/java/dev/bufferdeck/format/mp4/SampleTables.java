package dev.bufferdeck.format.mp4;

import dev.bufferdeck.format.Bytes;

import dev.bufferdeck.repository.ByteSource;
import java.util.Arrays;

/** Builds a {@link SampleTable} from the boxes of 'stbl', refusing tables that cannot be true. */
final class SampleTables {
    private SampleTables() {}

    static SampleTable read(ByteSource b, Mp4Box stbl, int trackId) throws Mp4FormatException {
        int[] sizes = sizes(b, stbl, trackId);
        if (sizes.length == 0) return SampleTable.EMPTY;
        long[] offsets = offsets(b, stbl, sizes, trackId);
        long[] times = times(b, stbl.child(b, "stts"), sizes.length);
        return new SampleTable(offsets, sizes, times, sync(b, stbl.child(b, "stss"), sizes.length));
    }

    private static int[] sizes(ByteSource b, Mp4Box stbl, int trackId) throws Mp4FormatException {
        Mp4Box stsz = stbl.child(b, "stsz");
        if (stsz != null) {
            int d = (int) stsz.dataStart();
            long constant = Bytes.be32(b, d + 4);
            long count = Bytes.be32(b, d + 8);
            if (constant < 0 || count < 0) throw broken(trackId, "'stsz' is truncated");
            if (constant > 0) {
                if (count > Math.min(b.limit() / constant, Mp4Movie.MAX_SAMPLES)) throw broken(trackId, "'stsz' claims more samples than the file can hold");
                int[] sizes = new int[(int) count];
                Arrays.fill(sizes, (int) Math.min(constant, Integer.MAX_VALUE));
                return sizes;
            }
            if (count > (stsz.end() - d - 12) / 4 || count > Mp4Movie.MAX_SAMPLES) throw broken(trackId, "'stsz' is truncated");
            int[] sizes = new int[(int) count];
            for (int i = 0; i < count; i++) sizes[i] = (int) Math.min(Bytes.be32(b, d + 12 + 4 * i), Integer.MAX_VALUE);
            return sizes;
        }
        Mp4Box stz2 = stbl.child(b, "stz2");
        if (stz2 == null) return new int[0];
        int d = (int) stz2.dataStart();
        int field = Bytes.u8(b, d + 7);
        long count = Bytes.be32(b, d + 8);
        if ((field != 4 && field != 8 && field != 16) || count < 0 || count > Mp4Movie.MAX_SAMPLES
                || count * field / 8 > stz2.end() - d - 12) throw broken(trackId, "'stz2' is truncated or corrupt");
        int[] sizes = new int[(int) count];
        for (int i = 0; i < count; i++) {
            sizes[i] = switch (field) {
                case 4 -> (Bytes.u8(b, d + 12 + i / 2) >> (i % 2 == 0 ? 4 : 0)) & 0xF;
                case 8 -> Bytes.u8(b, d + 12 + i);
                default -> Bytes.be16(b, d + 12 + 2 * i);
            };
        }
        return sizes;
    }

    /** Sample offsets from the chunk offsets and the sample-to-chunk runs. */
    private static long[] offsets(ByteSource b, Mp4Box stbl, int[] sizes, int trackId) throws Mp4FormatException {
        Mp4Box stco = stbl.child(b, "stco");
        Mp4Box co64 = stco == null ? stbl.child(b, "co64") : null;
        Mp4Box stsc = stbl.child(b, "stsc");
        if ((stco == null && co64 == null) || stsc == null) throw broken(trackId, "the chunk tables ('stco', 'stsc') are missing");
        Mp4Box co = stco != null ? stco : co64;
        int width = stco != null ? 4 : 8;
        int cd = (int) co.dataStart();
        long chunks = Math.min(Bytes.be32(b, cd + 4), (co.end() - cd - 8) / width);
        int sd = (int) stsc.dataStart();
        long runs = Math.min(Bytes.be32(b, sd + 4), (stsc.end() - sd - 8) / 12);
        if (chunks <= 0 || runs <= 0) throw broken(trackId, "the chunk tables are empty");
        long[] offsets = new long[sizes.length];
        int sample = 0;
        for (int r = 0; r < runs && sample < sizes.length; r++) {
            int rp = sd + 8 + 12 * r;
            long first = Bytes.be32(b, rp) - 1;
            long perChunk = Bytes.be32(b, rp + 4);
            long next = r + 1 < runs ? Bytes.be32(b, rp + 12) - 1 : chunks;
            if (first < 0 || perChunk <= 0) throw broken(trackId, "'stsc' is corrupt");
            for (long c = first; c < Math.min(next, chunks) && sample < sizes.length; c++) {
                long pos = width == 4 ? Bytes.be32(b, cd + 8 + 4 * (int) c) : Mp4Movie.be64(b, cd + 8 + 8 * (int) c);
                for (long k = 0; k < perChunk && sample < sizes.length; k++) {
                    offsets[sample] = pos;
                    pos += sizes[sample++];
                }
            }
        }
        if (sample < sizes.length) throw broken(trackId, "the chunk tables place " + sample + " of " + sizes.length + " samples");
        return offsets;
    }

    /** Start times from 'stts' runs; samples it does not cover get the last delta (or 0). */
    private static long[] times(ByteSource b, Mp4Box stts, int count) {
        long[] times = new long[count + 1];
        int i = 0;
        long t = 0, delta = 0;
        if (stts != null) {
            int d = (int) stts.dataStart();
            long runs = Math.min(Bytes.be32(b, d + 4), (stts.end() - d - 8) / 8);
            for (int r = 0; r < runs && i < count; r++) {
                long n = Bytes.be32(b, d + 8 + 8 * r);
                delta = Bytes.be32(b, d + 12 + 8 * r);
                for (long k = 0; k < n && i < count; k++) {
                    times[i++] = t;
                    t += delta;
                }
            }
        }
        while (i < count) {
            times[i++] = t;
            t += delta;
        }
        times[count] = t;
        return times;
    }

    private static int[] sync(ByteSource b, Mp4Box stss, int count) {
        if (stss == null) return null;
        int d = (int) stss.dataStart();
        long n = Math.max(0, Math.min(Bytes.be32(b, d + 4), (stss.end() - d - 8) / 4));
        int[] sync = new int[(int) n];
        for (int i = 0; i < n; i++) sync[i] = (int) Math.min(count, Bytes.be32(b, d + 8 + 4 * i) - 1);
        Arrays.sort(sync);
        return sync;
    }

    private static Mp4FormatException broken(int trackId, String what) {
        return new Mp4FormatException("the sample tables of track " + trackId + " are damaged: " + what);
    }
}
