package dev.bufferdeck.format.mp4;

import java.util.Arrays;

/**
 * Where each sample of a track lies and when it plays, built from 'stsz'/'stz2', 'stsc',
 * 'stco'/'co64', 'stts' and 'stss'. Times are in the track's media timescale.
 */
public final class SampleTable {
    static final SampleTable EMPTY = new SampleTable(new long[0], new int[0], new long[1], null);

    private final long[] offsets;
    private final int[] sizes;
    /** times[i] is when sample i starts; times[count] is the end of the last one. */
    private final long[] times;
    /** Sorted indexes of sync samples, or null when every sample is one. */
    private final int[] sync;

    SampleTable(long[] offsets, int[] sizes, long[] times, int[] sync) {
        this.offsets = offsets;
        this.sizes = sizes;
        this.times = times;
        this.sync = sync;
    }

    public int count() { return sizes.length; }
    public long offset(int sample) { return offsets[sample]; }
    public int size(int sample) { return sizes[sample]; }
    public long time(int sample) { return times[sample]; }
    public long duration(int sample) { return times[sample + 1] - times[sample]; }
    public long totalDuration() { return times[sizes.length]; }
    public long end(int sample) { return offsets[sample] + sizes[sample]; }

    /** The sample playing at {@code time} (the last one for times past the end, 0 before the start). */
    public int sampleAt(long time) {
        if (sizes.length == 0 || time <= 0) return 0;
        int i = Arrays.binarySearch(times, 0, sizes.length, time);
        int sample = i >= 0 ? i : -i - 2;
        // several samples may share a time when durations are 0: take the first
        while (sample > 0 && times[sample - 1] == times[sample]) sample--;
        return Math.min(sample, sizes.length - 1);
    }

    public boolean isSync(int sample) {
        return sync == null || Arrays.binarySearch(sync, sample) >= 0;
    }

    /** The number of leading samples whose bytes lie wholly inside a buffer of {@code length} bytes. */
    public int samplesWithin(long length) {
        for (int i = 0; i < sizes.length; i++) {
            if (offsets[i] < 0 || end(i) > length) return i;
        }
        return sizes.length;
    }

    /** The first sample starting at or after {@code byteOffset} (samples in file order), or {@link #count()}. */
    public int firstAtOrAfter(long byteOffset) {
        int lo = 0, hi = sizes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (offsets[mid] < byteOffset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The sample whose bytes contain {@code byteOffset}, or -1. Samples are searched in file order. */
    public int sampleContaining(long byteOffset) {
        // offsets normally grow with the index (one track, or chunks interleaved in order)
        int lo = 0, hi = sizes.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (offsets[mid] > byteOffset) hi = mid - 1;
            else if (end(mid) <= byteOffset) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}
