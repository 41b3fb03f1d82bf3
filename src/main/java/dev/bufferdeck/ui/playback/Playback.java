package dev.bufferdeck.ui.playback;

import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.PcmStage;
import dev.bufferdeck.audio.PcmTap;
import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.repository.MediaBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.sound.sampled.AudioFormat;

/**
 * What the GUI needs from the audio engine. Commands return at once; events arrive on the
 * engine's event thread through {@link PlayerListener}.
 */
public interface Playback {
    void play(MediaBuffer buffer, long startMillis);
    /** Opens {@code buffer} ahead of a likely play (the selected row); null lets the last one go. Engines may ignore it. */
    default void prepare(MediaBuffer buffer) {}
    void pause();
    void resume();
    void stop();
    void seek(long millis);
    /** 0..1 */
    void setVolume(double volume);
    void setMuted(boolean muted);
    /** What was heard so far of the current track. Cheap; called every frame. */
    long positionMillis();
    /** The current track's duration, or -1 when unknown. */
    long durationMillis();
    PlayerState state();
    /** The buffer to start without a gap when the current one ends; null clears it. */
    void queueNext(MediaBuffer next);
    /** The device in use, or "memory sink". */
    String outputName();
    void addListener(PlayerListener listener);
    /** Puts sound-shaping stages (ReplayGain, equalizer) before the volume; engines without them ignore it. */
    default void setShaping(Function<AudioFormat, List<PcmStage>> shaping) {}
    /** Moves playback to another output now, at the position heard; engines without outputs ignore it. */
    default CompletableFuture<Void> switchOutput(AudioOutputs.Selection selection) {
        return CompletableFuture.completedFuture(null);
    }
    /** The PCM tap of the line playing, for the spectrum; null when nothing plays or the engine has none. */
    default PcmTap tap() { return null; }
    void close();
}
