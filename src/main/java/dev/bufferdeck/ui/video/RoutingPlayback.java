package dev.bufferdeck.ui.video;

import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.PcmStage;
import dev.bufferdeck.audio.PcmTap;
import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.playback.Playback;
import dev.bufferdeck.video.VideoProbe;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.sound.sampled.AudioFormat;

/**
 * One transport over two engines: entries with a video track play through JavaFX Media
 * ({@link VideoPlayback}), everything else through our decoders. Commands go to the engine of the
 * current entry, and only its events reach the listeners, so the other engine's last words (a
 * STOPPED after a switch) cannot overwrite the state. Video BufferDeck cannot play is refused here
 * with one message naming container and codec.
 */
public final class RoutingPlayback implements Playback {
    private final Playback audio;
    private final VideoPlayback video;
    private final List<PlayerListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Playback active;
    /** True after a refusal, until the next play: the stopped engine's news is not about this entry. */
    private volatile boolean refused;

    public RoutingPlayback(Playback audio, VideoPlayback video) {
        this.audio = audio;
        this.video = video;
        this.active = audio;
        audio.addListener(forwardFrom(audio));
        video.addListener(forwardFrom(video));
    }

    public VideoPlayback video() { return video; }

    /** True while the current entry plays (or opens) through JavaFX Media. */
    public boolean videoActive() { return active == video; }

    /** The engine and codec facts for {@code buffer}, usually read already when its facts were. */
    public VideoProbe probe(MediaBuffer buffer) {
        return VideoProbe.of(buffer);
    }

    @Override
    public void play(MediaBuffer buffer, long startMillis) {
        VideoProbe probe = probe(buffer);
        refused = probe.engine() == VideoProbe.Engine.REFUSED;
        switch (probe.engine()) {
            case JAVAFX_MEDIA -> switchTo(video).play(buffer, startMillis);
            case AUDIO_DECODERS -> switchTo(audio).play(buffer, startMillis);
            case REFUSED -> {
                switchTo(audio).stop();
                listeners.forEach(l -> l.notice(probe.refusal(), true));
                listeners.forEach(l -> l.stateChanged(PlayerState.ERROR, buffer));
            }
        }
    }

    /** Only our decoders open ahead; JavaFX Media opens at play. */
    @Override
    public void prepare(MediaBuffer buffer) {
        boolean ours = buffer != null && buffer.isResident() && buffer.isComplete()
                && probe(buffer).engine() == VideoProbe.Engine.AUDIO_DECODERS;
        audio.prepare(ours ? buffer : null);
    }

    private Playback switchTo(Playback engine) {
        Playback previous = active;
        active = engine;
        if (previous != engine) previous.stop();
        return engine;
    }

    @Override public void pause() { active.pause(); }
    @Override public void resume() { active.resume(); }
    @Override public void stop() { active.stop(); }
    @Override public void seek(long millis) { active.seek(millis); }
    @Override public void setVolume(double volume) { audio.setVolume(volume); video.setVolume(volume); }
    @Override public void setMuted(boolean muted) { audio.setMuted(muted); video.setMuted(muted); }
    @Override public long positionMillis() { return active.positionMillis(); }
    @Override public long durationMillis() { return active.durationMillis(); }
    @Override public PlayerState state() { return refused ? PlayerState.ERROR : active.state(); }
    @Override public String outputName() { return active.outputName(); }
    @Override public PcmTap tap() { return active.tap(); }
    @Override public void setShaping(Function<AudioFormat, List<PcmStage>> shaping) {
        audio.setShaping(shaping);
    }
    @Override public CompletableFuture<Void> switchOutput(AudioOutputs.Selection selection) {
        return audio.switchOutput(selection);
    }
    @Override public void addListener(PlayerListener listener) { listeners.add(listener); }

    /** Our decoders start the next audio entry without a gap; a video entry starts when the playlist says so. */
    @Override
    public void queueNext(MediaBuffer next) {
        boolean gapless = active == audio && next != null && probe(next).engine() == VideoProbe.Engine.AUDIO_DECODERS;
        audio.queueNext(gapless ? next : null);
    }

    @Override
    public void close() {
        audio.close();
        video.close();
    }

    private PlayerListener forwardFrom(Playback engine) {
        return new PlayerListener() {
            @Override public void stateChanged(PlayerState state, MediaBuffer buffer) {
                if (active == engine && !refused) listeners.forEach(l -> l.stateChanged(state, buffer));
            }
            @Override public void notice(String message, boolean error) {
                if (active == engine && !refused) listeners.forEach(l -> l.notice(message, error));
            }
            @Override public void trackStarted(MediaBuffer buffer) {
                if (active == engine && !refused) listeners.forEach(l -> l.trackStarted(buffer));
            }
            @Override public void trackEnded(MediaBuffer buffer) {
                if (active == engine && !refused) listeners.forEach(l -> l.trackEnded(buffer));
            }
            @Override public void titleChanged(MediaBuffer buffer, String title) {
                if (active == engine && !refused) listeners.forEach(l -> l.titleChanged(buffer, title));
            }
            @Override public void buffering(MediaBuffer buffer, boolean buffering) {
                if (active == engine && !refused) listeners.forEach(l -> l.buffering(buffer, buffering));
            }
        };
    }
}
