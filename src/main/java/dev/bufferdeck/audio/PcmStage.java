package dev.bufferdeck.audio;

/**
 * One step of the output path: runs on the output thread between the ring and the line and changes
 * the PCM in place. The output's {@link PcmChain} runs its stages in order; sound-shaping stages
 * (ReplayGain, an equalizer) go before the {@link VolumeStage}, which is last. A stage must not block
 * and must leave the bytes untouched when it has nothing to do (so playback stays bit-exact).
 */
public interface PcmStage {
    void apply(byte[] pcm, int off, int len);

    /** The same for PCM of {@code track}; stages whose work depends on the track (ReplayGain) override it. */
    default void apply(Track track, byte[] pcm, int off, int len) {
        apply(pcm, off, len);
    }
}
