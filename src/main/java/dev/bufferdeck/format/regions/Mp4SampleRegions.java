package dev.bufferdeck.format.regions;

import dev.bufferdeck.format.mp4.Mp4Track;
import dev.bufferdeck.format.mp4.SampleTable;

import java.util.AbstractList;
import java.util.Locale;

/**
 * The samples of one track that lie inside an 'mdat' box, as regions made on demand (an hour of
 * AAC is 150,000 of them): "sample N" with its time. Only samples in file order are listed.
 */
final class Mp4SampleRegions extends AbstractList<Region> {
    private final Mp4Track track;
    private final SampleTable samples;
    private final int first;
    private final int end;

    Mp4SampleRegions(Mp4Track track, long from, long to) {
        this.track = track;
        this.samples = track.samples();
        this.first = samples.firstAtOrAfter(from);
        int last = first;
        while (last < samples.count() && samples.end(last) <= to && (last == first || samples.offset(last) >= samples.end(last - 1))) last++;
        this.end = last;
    }

    @Override public int size() { return end - first; }

    /** The sample number of list entry {@code i}. */
    int sample(int i) { return first + i; }

    @Override
    public Region get(int i) {
        int n = first + i;
        double seconds = track.timescale() > 0 ? samples.time(n) / (double) track.timescale() : 0;
        String what = track.isAudio() && track.codec().equals("mp4a") ? "AAC access unit" : track.codec().strip() + " sample";
        return Region.leaf("sample " + n, RegionKind.AUDIO_FRAME, samples.offset(n), samples.size(n),
                String.format(Locale.ROOT, "%s · track %d · %.3f s · %s", what, track.id(), seconds, Describe.bytes(samples.size(n))));
    }
}
