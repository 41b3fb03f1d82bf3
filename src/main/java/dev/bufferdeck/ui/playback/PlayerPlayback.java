package dev.bufferdeck.ui.playback;

import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.OutputException;
import dev.bufferdeck.audio.PcmStage;
import dev.bufferdeck.audio.Player;
import dev.bufferdeck.audio.PcmTap;
import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.repository.MediaBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.sound.sampled.AudioFormat;

/**
 * The GUI's transport through the audio package's {@link Player}. The player owns the track that
 * follows ({@link Player#setNext}): the playlist can replace or clear it at any time, and the
 * follow-on is gapless.
 */
public final class PlayerPlayback implements Playback {
    /** System property naming the output: "memory", "default", or a device name. */
    public static final String OUTPUT_PROPERTY = "bufferdeck.output";

    private final Player player;

    public PlayerPlayback(Player player) {
        this.player = player;
    }

    /** The output from {@value #OUTPUT_PROPERTY}; the memory sink under headless Monocle; else the default device. */
    public static PlayerPlayback standard() {
        String wanted = System.getProperty(OUTPUT_PROPERTY, "");
        if (wanted.isBlank() && "Headless".equalsIgnoreCase(System.getProperty("monocle.platform", ""))) {
            wanted = "memory";
        }
        AudioOutputs.Selection selection;
        try {
            selection = AudioOutputs.choose(wanted);
        } catch (OutputException e) {
            selection = new AudioOutputs.Selection(AudioOutputs.memory(), e.getMessage() + " — playing into memory");
        }
        return new PlayerPlayback(new Player(selection, Decoders::open));
    }

    public Player player() { return player; }

    @Override public void play(MediaBuffer buffer, long startMillis) { player.play(buffer, startMillis, 0); }
    @Override public void prepare(MediaBuffer buffer) { player.prepare(buffer); }
    @Override public void pause() { player.pause(); }
    @Override public void resume() { player.resume(); }
    @Override public void stop() { player.stop(); }
    @Override public void seek(long millis) { player.seek(millis); }
    @Override public void setVolume(double volume) { player.setVolume(volume); }
    @Override public void setMuted(boolean muted) { player.setMuted(muted); }
    @Override public long positionMillis() { return player.positionMillis(); }
    @Override public long durationMillis() { return player.durationMillis(); }
    @Override public PlayerState state() { return player.state(); }
    @Override public void queueNext(MediaBuffer next) { player.setNext(next); }
    @Override public String outputName() { return player.outputName(); }
    @Override public void addListener(PlayerListener listener) { player.addListener(listener); }
    @Override public PcmTap tap() { return player.tap(); }
    @Override public void setShaping(Function<AudioFormat, List<PcmStage>> shaping) {
        player.setShaping(shaping);
    }
    @Override public CompletableFuture<Void> switchOutput(AudioOutputs.Selection selection) {
        return player.switchOutput(selection);
    }

    @Override
    public void close() {
        player.close();
    }
}
