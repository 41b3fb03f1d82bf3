package dev.bufferdeck.audio.decode;

import dev.bufferdeck.format.mp4.Mp4Track;
import dev.bufferdeck.format.mp4.SampleTable;
import dev.bufferdeck.repository.MediaBuffer;

/** The samples of an MP4 audio track, as the sample tables place them. */
final class Mp4AacUnits implements AacUnits {
    private final MediaBuffer buffer;
    private final SampleTable samples;
    private final long timescale;
    private final int present;

    Mp4AacUnits(MediaBuffer buffer, Mp4Track track) {
        this.buffer = buffer;
        this.samples = track.samples();
        this.timescale = track.timescale();
        this.present = samples.samplesWithin(buffer.size());
    }

    @Override public int count() { return samples.count(); }
    @Override public int present() { return present; }
    @Override public long timescale() { return timescale; }

    @Override
    public byte[] read(int unit) {
        byte[] bytes = new byte[samples.size(unit)];
        buffer.copy((int) samples.offset(unit), bytes, 0, bytes.length);
        return bytes;
    }

    @Override
    public long time(int unit) {
        return unit >= samples.count() ? samples.totalDuration() : samples.time(unit);
    }

    @Override
    public int unitAt(long t) {
        return samples.sampleAt(t);
    }
}
