package dev.bufferdeck.audio;

import java.util.List;

/**
 * The stages PCM passes on the output thread, in order, ending with the volume. Stages can be put in
 * front of the volume from any thread ({@link #setShaping}); the output thread picks the new list up
 * at its next chunk.
 */
public final class PcmChain {
    private final VolumeStage volume;
    private volatile PcmStage[] stages;

    PcmChain(VolumeStage volume) {
        this.volume = volume;
        this.stages = new PcmStage[] {volume};
    }

    public VolumeStage volume() { return volume; }

    /** The stages that shape the sound before the volume (none by default). */
    public void setShaping(List<PcmStage> shaping) {
        PcmStage[] next = new PcmStage[shaping.size() + 1];
        for (int i = 0; i < shaping.size(); i++) next[i] = shaping.get(i);
        next[shaping.size()] = volume;
        stages = next;
    }

    /** Output thread: runs every stage over the bytes of {@code track}, in place. */
    void apply(Track track, byte[] pcm, int off, int len) {
        for (PcmStage s : stages) s.apply(track, pcm, off, len);
    }
}
