package dev.bufferdeck.ui.services;

import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.OutputException;
import dev.bufferdeck.audio.Player;
import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.repository.MediaBuffer;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The GUI's transport through the audio package's {@link Player}. The engine's queue only grows,
 * so the track that follows is handed over late (in the last {@value #HAND_OVER_MILLIS} ms of the
 * current one): the playlist can change until then, and the follow-on is still gapless.
 */
public final class PlayerPlayback implements Playback {
    /** System property naming the output: "memory", "default", or a device name. */
    public static final String OUTPUT_PROPERTY = "bufferdeck.output";
    static final long HAND_OVER_MILLIS = 1500;

    private final Player player;
    private final ScheduledExecutorService handOver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bufferdeck-gapless-hand-over");
        t.setDaemon(true);
        return t;
    });
    private volatile MediaBuffer wantedNext;
    private volatile MediaBuffer handedFor;

    public PlayerPlayback(Player player) {
        this.player = player;
        player.addListener(new PlayerListener() {
            @Override public void trackStarted(MediaBuffer buffer) { handedFor = null; }
        });
        handOver.scheduleWithFixedDelay(this::handOverIfNearTheEnd, 100, 100, TimeUnit.MILLISECONDS);
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

    @Override public void play(MediaBuffer buffer, long startMillis) {
        handedFor = null;
        player.play(buffer, startMillis, 0);
    }
    @Override public void pause() { player.pause(); }
    @Override public void resume() { player.resume(); }
    @Override public void stop() { player.stop(); }
    @Override public void seek(long millis) { player.seek(millis); }
    @Override public void setVolume(double volume) { player.setVolume(volume); }
    @Override public void setMuted(boolean muted) { player.setMuted(muted); }
    @Override public long positionMillis() { return player.positionMillis(); }
    @Override public long durationMillis() { return player.durationMillis(); }
    @Override public PlayerState state() { return player.state(); }
    @Override public void queueNext(MediaBuffer next) { wantedNext = next; }
    @Override public String outputName() { return player.outputName(); }
    @Override public void addListener(PlayerListener listener) { player.addListener(listener); }
    @Override public dev.bufferdeck.audio.PcmTap tap() {
        dev.bufferdeck.audio.MemoryLine line = player.line();
        return line == null ? null : line.tap();
    }

    @Override
    public void close() {
        handOver.shutdownNow();
        player.close();
    }

    private void handOverIfNearTheEnd() {
        MediaBuffer current = player.current();
        MediaBuffer next = wantedNext;
        if (next == null || current == null || handedFor == current || player.state() != PlayerState.PLAYING) return;
        long duration = player.durationMillis();
        if (duration <= 0 || duration - player.positionMillis() > HAND_OVER_MILLIS) return;
        handedFor = current;
        player.queueNext(next);
    }
}
