package dev.bufferdeck.audio.shaping;

import dev.bufferdeck.audio.PcmStage;
import dev.bufferdeck.audio.loudness.LoudnessLibrary;

import javax.sound.sampled.AudioFormat;
import java.util.List;
import java.util.Objects;

/**
 * The wanted ReplayGain and equalizer, set from any thread; the stages made by {@link #stagesFor}
 * follow every change at their next chunk. Give {@code stagesFor} to {@code Player.setShaping}.
 * Tracks without ReplayGain tags get their gain from {@link #loudness()}, which scans them.
 */
public final class SoundSettings {
    private final LoudnessLibrary loudness;
    private volatile EqualizerSettings equalizer = EqualizerSettings.FLAT;
    private volatile ReplayGainSettings replayGain = ReplayGainSettings.OFF;
    private volatile AppliedGain appliedGain = AppliedGain.NONE;
    private final AlbumHeard albumHeard = new AlbumHeard();

    /** Settings whose stages take scanned loudness from {@code loudness}. */
    public SoundSettings(LoudnessLibrary loudness) {
        this.loudness = Objects.requireNonNull(loudness);
    }

    public LoudnessLibrary loudness() { return loudness; }

    public EqualizerSettings equalizer() { return equalizer; }
    public void setEqualizer(EqualizerSettings equalizer) { this.equalizer = Objects.requireNonNull(equalizer); }

    public ReplayGainSettings replayGain() { return replayGain; }
    public void setReplayGain(ReplayGainSettings replayGain) { this.replayGain = Objects.requireNonNull(replayGain); }

    /** The ReplayGain on the track playing now, as the output thread last set it. */
    public AppliedGain appliedGain() { return appliedGain; }

    /**
     * ReplayGain first (it sets the level the equalizer's headroom works from), then the equalizer. The
     * ReplayGain stages of one settings share the album heard last, so a new pipeline knows it.
     */
    public List<PcmStage> stagesFor(AudioFormat format) {
        return List.of(new ReplayGainStage(format, this::replayGain, loudness, g -> appliedGain = g, albumHeard),
                new EqualizerStage(format, this::equalizer));
    }
}
