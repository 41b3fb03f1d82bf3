package dev.bufferdeck.format.mp4;

import dev.bufferdeck.format.Bytes;

import dev.bufferdeck.repository.ByteSource;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the {@link SampleTable} of one track of a fragmented MP4 (ffmpeg's
 * {@code -movflags frag_keyframe+empty_moov}, DASH and CMAF segments): the 'moov' holds empty
 * sample tables and 'mvex/trex' defaults, and each top-level 'moof' holds a 'traf' per track whose
 * 'trun' runs list the samples, with 'tfhd' defaults and a 'tfdt' start time.
 */
final class FragmentTables {
    private static final int TFHD_BASE_OFFSET = 0x1, TFHD_DESCRIPTION = 0x2, TFHD_DURATION = 0x8, TFHD_SIZE = 0x10;
    private static final int TRUN_DATA_OFFSET = 0x1, TRUN_FIRST_FLAGS = 0x4, TRUN_DURATION = 0x100, TRUN_SIZE = 0x200,
            TRUN_FLAGS = 0x400, TRUN_COMPOSITION = 0x800;

    private long[] offsets = new long[256];
    private int[] sizes = new int[256];
    private long[] times = new long[257];
    private int count;

    private FragmentTables() {}

    /** True when the movie announces fragments ('mvex'). */
    static boolean fragmented(ByteSource b, Mp4Box moov) {
        return moov.child(b, "mvex") != null;
    }

    static SampleTable read(ByteSource b, Mp4Box moov, int trackId) throws Mp4FormatException {
        long defaultDuration = 0, defaultSize = 0;
        Mp4Box mvex = moov.child(b, "mvex");
        for (Mp4Box trex : mvex == null ? List.<Mp4Box>of() : mvex.children(b, 0)) {
            int d = (int) trex.dataStart();
            if (trex.is("trex") && Bytes.be32(b, d + 4) == trackId) {
                defaultDuration = Math.max(0, Bytes.be32(b, d + 12));
                defaultSize = Math.max(0, Bytes.be32(b, d + 16));
            }
        }
        FragmentTables table = new FragmentTables();
        long time = 0;
        for (Mp4Box moof : Mp4Box.children(b, 0, b.limit())) {
            if (!moof.is("moof")) continue;
            for (Mp4Box traf : moof.children(b, 0)) {
                Mp4Box tfhd = traf.is("traf") ? traf.child(b, "tfhd") : null;
                if (tfhd == null || Bytes.be32(b, (int) tfhd.dataStart() + 4) != trackId) continue;
                int p = (int) tfhd.dataStart();
                int flags = (int) Math.max(0, Bytes.be32(b, p)) & 0xFFFFFF;
                p += 8;
                long base = moof.offset(); // also what 'default-base-is-moof' says
                if ((flags & TFHD_BASE_OFFSET) != 0) {
                    base = Mp4Movie.be64(b, p);
                    p += 8;
                }
                if ((flags & TFHD_DESCRIPTION) != 0) p += 4;
                long duration = defaultDuration, size = defaultSize;
                if ((flags & TFHD_DURATION) != 0) { duration = Bytes.be32(b, p); p += 4; }
                if ((flags & TFHD_SIZE) != 0) size = Bytes.be32(b, p);
                Mp4Box tfdt = traf.child(b, "tfdt");
                if (tfdt != null) {
                    int d = (int) tfdt.dataStart();
                    long start = Bytes.u8(b, d) == 1 ? Mp4Movie.be64(b, d + 4) : Bytes.be32(b, d + 4);
                    if (start >= 0) time = start;
                }
                long next = base;
                for (Mp4Box trun : traf.children(b, 0)) {
                    if (!trun.is("trun")) continue;
                    long[] at = {next, time};
                    table.run(b, trun, base, duration, size, trackId, at);
                    next = at[0];
                    time = at[1];
                }
            }
        }
        return table.build(time);
    }

    /** Adds one 'trun': its samples start at {@code at[0]} (bytes) and {@code at[1]} (time), both advanced. */
    private void run(ByteSource b, Mp4Box trun, long base, long defaultDuration, long defaultSize, int trackId, long[] at)
            throws Mp4FormatException {
        int p = (int) trun.dataStart();
        int flags = (int) Math.max(0, Bytes.be32(b, p)) & 0xFFFFFF;
        long n = Bytes.be32(b, p + 4);
        p += 8;
        if ((flags & TRUN_DATA_OFFSET) != 0) {
            at[0] = base + (int) Bytes.be32(b, p); // signed
            p += 4;
        }
        if ((flags & TRUN_FIRST_FLAGS) != 0) p += 4;
        int perSample = 4 * Integer.bitCount(flags & (TRUN_DURATION | TRUN_SIZE | TRUN_FLAGS | TRUN_COMPOSITION));
        // a sample is at least a byte: no more samples than the file has bytes
        if (n < 0 || (perSample > 0 && n > (trun.end() - p) / perSample) || count + n > Math.min(Mp4Movie.MAX_SAMPLES, b.limit())) {
            throw new Mp4FormatException("the fragments of track " + trackId + " are damaged: a 'trun' is truncated or too long");
        }
        for (long i = 0; i < n; i++) {
            long duration = defaultDuration, size = defaultSize;
            if ((flags & TRUN_DURATION) != 0) { duration = Bytes.be32(b, p); p += 4; }
            if ((flags & TRUN_SIZE) != 0) { size = Bytes.be32(b, p); p += 4; }
            if ((flags & TRUN_FLAGS) != 0) p += 4;
            if ((flags & TRUN_COMPOSITION) != 0) p += 4;
            if (at[0] < 0 || size < 0 || size > b.limit()) {
                throw new Mp4FormatException("the fragments of track " + trackId + " are damaged: a sample lies outside the file");
            }
            add(at[0], (int) size, at[1]);
            at[0] += size;
            at[1] += Math.max(0, duration);
        }
    }

    private void add(long offset, int size, long time) {
        if (count == sizes.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
            times = Arrays.copyOf(times, count * 2 + 1);
        }
        offsets[count] = offset;
        sizes[count] = size;
        times[count++] = time;
    }

    private SampleTable build(long end) {
        if (count == 0) return SampleTable.EMPTY;
        long[] t = Arrays.copyOf(times, count + 1);
        t[count] = end;
        return new SampleTable(Arrays.copyOf(offsets, count), Arrays.copyOf(sizes, count), t, null);
    }
}
