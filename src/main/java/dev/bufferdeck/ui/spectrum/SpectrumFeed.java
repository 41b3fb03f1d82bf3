package dev.bufferdeck.ui.spectrum;

import dev.bufferdeck.audio.PcmTap;
import dev.bufferdeck.audio.spectrum.Spectrum;
import dev.bufferdeck.audio.spectrum.SpectrumAnalyzer;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Analyses the latest PCM of a {@link PcmTap} about 15 times a second (smooth enough for bars, and each new picture costs a repaint of the window) on its own thread and hands the
 * newest {@link Spectrum} over through an {@link AtomicReference}: the audio thread is never waited
 * for (the tap is lock-free), and the FX thread only reads the reference.
 */
public final class SpectrumFeed {
    public static final int FFT_SIZE = 2048;
    public static final int BANDS = 48;
    public static final double LOW_HZ = 40;
    /** As often as the window's clock ticks (about 15 a second): an analysis no tick draws is wasted. */
    static final long PERIOD_MILLIS = 66;

    private final Supplier<PcmTap> tap;
    private final SpectrumAnalyzer analyzer = new SpectrumAnalyzer(FFT_SIZE, BANDS, LOW_HZ);
    private final float[] samples = new float[FFT_SIZE];
    private final AtomicReference<Spectrum> latest = new AtomicReference<>();
    private ScheduledExecutorService thread;
    /** Analysis thread only: the tap and frame count last analysed, to skip a tap that did not move. */
    private PcmTap lastTap;
    private long lastFrames = -1;

    /** @param tap the tap of the line playing now, or null when none is */
    public SpectrumFeed(Supplier<PcmTap> tap) {
        this.tap = tap;
    }

    /** The newest analysis, or null when nothing has been analysed since the last start. */
    public Spectrum latest() {
        return latest.get();
    }

    public synchronized boolean isRunning() {
        return thread != null;
    }

    public synchronized void start() {
        if (thread != null) return;
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bufferdeck-spectrum");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleAtFixedRate(this::analyzeOnce, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
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
                latest.set(null);
                return;
            }
            long frames = t.framesOffered();
            if (t == lastTap && frames == lastFrames) return;
            lastTap = t;
            lastFrames = frames;
            int n = t.latestMono(samples);
            if (n == 0) return;
            latest.set(analyzer.analyze(samples, n, t.format().getSampleRate()));
        } catch (RuntimeException e) {
            latest.set(null);
        }
    }
}
