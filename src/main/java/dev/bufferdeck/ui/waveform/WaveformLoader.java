package dev.bufferdeck.ui.waveform;

import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.waveform.Waveform;
import dev.bufferdeck.audio.waveform.WaveformBuilder;
import dev.bufferdeck.audio.waveform.WaveformCache;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.threads.ThreadPriority;
import dev.bufferdeck.ui.thread.AnalysisGate;
import java.util.concurrent.Executors;
import javafx.concurrent.Task;

import java.util.concurrent.Executor;

/**
 * Fills a {@link WaveformView} for a buffer: from the cache (by SHA-256) at once, else built in the
 * background by {@link WaveformBuilder} in {@code parts} parallel pieces, showing its coarse first
 * picture and then its refinements as they come ({@link Task#updateValue} coalesces them onto the FX
 * thread, which only draws). Showing another buffer cancels the build in flight. The build passes
 * {@code gate} between chunks: it pauses while the window is not seen.
 */
public final class WaveformLoader {
    /** Built once at this many columns; the view resamples to its width. */
    public static final int COLUMNS = 2000;

    private final WaveformView view;
    private final WaveformCache cache;
    private final Executor executor;
    private final int parts;
    private final AnalysisGate gate;
    private Task<Waveform> running;
    private MediaBuffer shown;

    /**
     * A loader with its own daemon build thread and a cache of the last 32 waveforms, building in two
     * parts on both cores; the first picture comes from a quick coarse pass before them.
     */
    public WaveformLoader(WaveformView view, AnalysisGate gate) {
        this(view, gate, new WaveformCache(32), Executors.newSingleThreadExecutor(r -> ThreadPriority.lowDaemon(r, "bufferdeck-waveform-loader")), 2);
    }

    public WaveformLoader(WaveformView view, AnalysisGate gate, WaveformCache cache, Executor executor, int parts) {
        this.view = view;
        this.gate = gate;
        this.cache = cache;
        this.executor = executor;
        this.parts = parts;
    }

    /** Shows {@code buffer}'s waveform (null clears). Call on the FX thread. */
    public void show(MediaBuffer buffer) {
        if (buffer == shown) return;
        shown = buffer;
        if (running != null) running.cancel(false);
        running = null;
        view.progressProperty().unbind();
        view.progressProperty().set(-1);
        view.setWaveform(null);
        view.messageProperty().set("");
        if (buffer == null) return;
        Waveform cached = cache.get(buffer.sha256(), COLUMNS).orElse(null);
        if (cached != null) {
            view.setWaveform(cached);
            return;
        }
        Task<Waveform> task = new Task<>() {
            @Override
            protected Waveform call() throws Exception {
                updateProgress(0, 1);
                Waveform w = WaveformBuilder.buildProgressively(buffer, COLUMNS, parts, this::updateValue,
                        done -> updateProgress(done, 1), gate.checkpoint(this::isCancelled));
                cache.put(buffer.sha256(), w);
                return w;
            }
        };
        task.valueProperty().addListener((o, was, picture) -> {
            if (task == running && picture != null) view.setWaveform(picture);
        });
        task.setOnSucceeded(e -> finished(task, task.getValue(), ""));
        task.setOnFailed(e -> finished(task, null, reason(task.getException())));
        running = task;
        view.progressProperty().bind(task.progressProperty());
        executor.execute(task);
    }

    /** The build in flight, or null. */
    Task<Waveform> running() { return running; }

    private void finished(Task<Waveform> task, Waveform w, String why) {
        if (task != running) return;
        running = null;
        view.progressProperty().unbind();
        view.progressProperty().set(-1);
        view.setWaveform(w);
        view.messageProperty().set(why);
    }

    private static String reason(Throwable t) {
        if (t instanceof UnsupportedMediaException) return "No waveform: " + t.getMessage();
        return "No waveform: " + (t == null || t.getMessage() == null ? "decoding failed" : t.getMessage());
    }
}
