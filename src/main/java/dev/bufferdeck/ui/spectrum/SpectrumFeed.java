package dev.bufferdeck.ui.spectrum;

import dev.bufferdeck.audio.PcmTap;
import dev.bufferdeck.audio.spectrum.Spectrum;
import dev.bufferdeck.audio.spectrum.SpectrumAnalyzer;
import dev.bufferdeck.threads.ThreadPriority;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Analyses the latest PCM of a {@link PcmTap} about 15 times a second (smooth enough for bars) on
 * its own thread and hands the newest {@link Spectrum} over through an {@link AtomicReference}: the
 * audio thread is never waited for (the tap is lock-free), and the FX thread only reads the
 * reference. An analysis whose bars would stand at the same pixels as the last one handed over
 * ({@link #showAt}) is not handed over: a steady tone asks the window for no repaint. While the
 * picture stands it analyses less often ({@link #STEADY_PERIOD_MILLIS}), at the full rate again from
 * the first analysis that changes it.
 */
public final class SpectrumFeed {
    public static final int FFT_SIZE = 2048;
    public static final int BANDS = 48;
    public static final double LOW_HZ = 40;
    /** About 15 a second: each new picture costs a repaint of the window. */
    static final long PERIOD_MILLIS = 66;
    /** Analyses that changed nothing on screen before the feed slows down: half a second of a still picture. */
    static final int STEADY_AFTER = 8;
    /** The period while the picture stands: a change shows at most this late. */
    static final long STEADY_PERIOD_MILLIS = 200;

    private final Supplier<PcmTap> tap;
    private final SpectrumAnalyzer analyzer = new SpectrumAnalyzer(FFT_SIZE, BANDS, LOW_HZ);
    private final float[] samples = new float[FFT_SIZE];
    private final AtomicReference<Spectrum> latest = new AtomicReference<>();
    private ScheduledExecutorService thread;
    private volatile Runnable onNew = () -> {};
    /** The bars' height in pixels, 0 while unknown (every analysis is then handed over). */
    private volatile double heightPixels;
    /** Analysis thread only: the tap and frame count last analysed, to skip a tap that did not move. */
    private PcmTap lastTap;
    private long lastFrames = -1;
    /** Analysis thread only: the pixel heights of the last analysis handed over. */
    private final BarHeights handedOver = new BarHeights(BANDS);
    /** Analysis thread only: analyses in a row that were not handed over. */
    private int unchanged;
    private volatile long analyses;

    /** @param tap the tap of the line playing now, or null when none is */
    public SpectrumFeed(Supplier<PcmTap> tap) {
        this.tap = tap;
    }

    /** The newest analysis, or null when nothing has been analysed since the last start. */
    public Spectrum latest() {
        return latest.get();
    }

    /** Run on the feed's thread after each analysis handed over (e.g. to ask for a frame). */
    public void onNew(Runnable r) {
        onNew = r;
    }

    /** The bars are this many pixels high: analyses that would paint the same pixels are not handed over. */
    public void showAt(double heightPixels) {
        this.heightPixels = heightPixels;
    }

    /** Analyses made so far, for tests. */
    long analyses() {
        return analyses;
    }

    public synchronized boolean isRunning() {
        return thread != null;
    }

    public synchronized void start() {
        if (thread != null) return;
        thread = Executors.newSingleThreadScheduledExecutor(r -> ThreadPriority.normalDaemon(r, "bufferdeck-spectrum"));
        ScheduledExecutorService t = thread;
        t.execute(() -> {
            handedOver.forget();
            unchanged = 0;
            beat(t);
        });
    }

    /** One analysis, and the next one scheduled: a period on, longer while the picture stands. */
    private void beat(ScheduledExecutorService t) {
        long started = System.nanoTime();
        analyzeOnce();
        long period = unchanged >= STEADY_AFTER ? STEADY_PERIOD_MILLIS : PERIOD_MILLIS;
        long next = Math.max(0, period - (System.nanoTime() - started) / 1_000_000);
        try {
            t.schedule(() -> beat(t), next, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // stopped meanwhile
        }
    }

    public synchronized void stop() {
        if (thread == null) return;
        thread.shutdownNow();
        thread = null;
        latest.set(null);
    }

    private void analyzeOnce() {
        try {
            PcmTap t = tap.get();
            if (t == null) {
                unchanged++;
                handOver(null);
                return;
            }
            long frames = t.framesOffered();
            if (t == lastTap && frames == lastFrames) {
                unchanged++;
                return;
            }
            lastTap = t;
            lastFrames = frames;
            int n = t.latestMono(samples);
            if (n == 0) return;
            Spectrum s = analyzer.analyze(samples, n, t.format().getSampleRate());
            analyses++;
            double height = heightPixels;
            if (height <= 0 || handedOver.take(s.bandsDb(), s.rmsDb(), s.peakDb(), height)) {
                unchanged = 0;
                handOver(s);
            } else {
                unchanged++;
            }
        } catch (RuntimeException e) {
            handOver(null);
        }
    }

    private void handOver(Spectrum s) {
        if (s == null) {
            handedOver.forget();
            if (latest.getAndSet(null) == null) return;
        } else {
            latest.set(s);
        }
        onNew.run();
    }
}
