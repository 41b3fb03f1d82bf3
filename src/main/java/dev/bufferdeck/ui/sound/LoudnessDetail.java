package dev.bufferdeck.ui.sound;

import dev.bufferdeck.audio.loudness.Loudness;
import dev.bufferdeck.audio.loudness.LoudnessLibrary;
import dev.bufferdeck.repository.MediaBuffer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.animation.Animation;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Duration;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * Fills a detail pane's loudness text for the buffer shown: at once from the cache (by SHA-256),
 * else scanned in the background after the buffer was shown for 1.5 s, with its progress shown
 * ("measuring… 40 %"). Showing another
 * buffer gives up the scan unless playback still wants it. While the window is not seen, the wait
 * before a scan and the progress text stand still (a scan already running goes on: playback's
 * ReplayGain may be waiting for it).
 */
public final class LoudnessDetail {
    private final LoudnessLibrary library;
    private final StringProperty text;
    private final Timeline progress = new Timeline(new KeyFrame(Duration.millis(200), e -> showProgress()));
    /** Clicking through the library, or a track just starting, does not start a scan for each buffer passed. */
    private final PauseTransition delay = new PauseTransition(Duration.millis(1500));
    private LoudnessLibrary.Scan scan;
    private MediaBuffer shown;

    public LoudnessDetail(LoudnessLibrary library, StringProperty text, ObservableBooleanValue seen) {
        this.library = library;
        this.text = text;
        progress.setCycleCount(Timeline.INDEFINITE);
        seen.addListener((o, was, now) -> seen(now));
    }

    private void seen(boolean seen) {
        if (!seen) {
            if (delay.getStatus() == Animation.Status.RUNNING) delay.pause();
            progress.pause();
        } else {
            if (delay.getStatus() == Animation.Status.PAUSED) delay.play();
            if (progress.getStatus() == Animation.Status.PAUSED) progress.play();
        }
    }

    /** Shows {@code buffer}'s loudness (null clears). FX thread. */
    public void show(MediaBuffer buffer) {
        if (buffer == shown) return;
        shown = buffer;
        if (scan != null) scan.release();
        scan = null;
        progress.stop();
        delay.stop();
        text.set("");
        if (buffer == null || buffer.isLive() || !buffer.isComplete()) return;
        Loudness known = library.cached(buffer).orElse(null);
        if (known != null) {
            text.set(known.describe());
            return;
        }
        delay.setOnFinished(e -> startScan(buffer));
        delay.playFromStart();
    }

    private void startScan(MediaBuffer buffer) {
        if (buffer != shown) return;
        LoudnessLibrary.Scan s = library.scan(buffer);
        scan = s;
        text.set("measuring…");
        progress.play();
        s.result().whenComplete((l, t) -> Platform.runLater(() -> finished(s, l, t)));
    }

    private void showProgress() {
        if (scan != null && !scan.result().isDone()) text.set(String.format("measuring… %.0f %%", scan.progress() * 100));
    }

    private void finished(LoudnessLibrary.Scan s, Loudness l, Throwable t) {
        if (s != scan) return;
        progress.stop();
        scan = null;
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (l != null) text.set(l.describe());
        else if (cause instanceof CancellationException) text.set("");
        else text.set("not measured: " + (cause == null || cause.getMessage() == null ? "decoding failed" : cause.getMessage()));
    }
}
