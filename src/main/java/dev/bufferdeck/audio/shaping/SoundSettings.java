package dev.bufferdeck.audio.shaping;

import dev.bufferdeck.audio.PcmStage;

import javax.sound.sampled.AudioFormat;
import java.util.List;

/**
 * The wanted ReplayGain and equalizer, set from any thread; the stages made by {@link #stagesFor}
 * follow every change at their next chunk. Give {@code stagesFor} to {@code Player.setShaping}.
 */
public final class SoundSettings {
    private volatile EqualizerSettings equalizer = EqualizerSettings.FLAT;
    private volatile ReplayGainSettings replayGain = ReplayGainSettings.OFF;

    public EqualizerSettings equalizer() { return equalizer; }
    public void setEqualizer(EqualizerSettings equalizer) { this.equalizer = java.util.Objects.requireNonNull(equalizer); }

    public ReplayGainSettings replayGain() { return replayGain; }
    public void setReplayGain(ReplayGainSettings replayGain) { this.replayGain = java.util.Objects.requireNonNull(replayGain); }

    /** ReplayGain first (it sets the level the equalizer's headroom works from), then the equalizer. */
    public List<PcmStage> stagesFor(AudioFormat format) {
        return List.of(new ReplayGainStage(format, this::replayGain), new EqualizerStage(format, this::equalizer));
    }
}
