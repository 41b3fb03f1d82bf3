package dev.bufferdeck.ui.downloads;

import dev.bufferdeck.ui.thread.Fx;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.source.Cancellation;
import dev.bufferdeck.source.LoadProgress;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;


/**
 * A load in progress as the downloads list shows it. The loader thread reports bytes; the FX side
 * is updated at most once per pulse ({@link Fx#perPulse}).
 */
public final class LoadJob implements LoadProgress {
    private final String label;
    private final Cancellation cancel = new Cancellation();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("waiting");
    private final Runnable refreshSoon = Fx.perPulse(this::refresh);
    private final long startNanos = System.nanoTime();
    private volatile long read;
    private volatile long total = -1;

    public LoadJob(String label) {
        this.label = label;
    }

    public String label() { return label; }
    public Cancellation cancellation() { return cancel; }
    public void cancel() { cancel.cancel(); }
    public boolean isCancelled() { return cancel.isCancelled(); }
    /** 0..1, or -1 while the size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** e.g. "12.5 MiB of 500 MiB · 48.1 MiB/s". */
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }

    @Override
    public void progress(long bytesRead, long totalBytes) {
        read = bytesRead;
        total = totalBytes;
        refreshSoon.run();
    }

    private void refresh() {
        long r = read, t = total;
        progress.set(t > 0 ? (double) r / t : -1);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String rate = seconds > 0.2 ? " · " + ByteSizes.human((long) (r / seconds)) + "/s" : "";
        detail.set((t > 0 ? ByteSizes.human(r) + " of " + ByteSizes.human(t) : ByteSizes.human(r)) + rate);
    }

}
