package dev.bufferdeck.ui.playback;

import javafx.beans.value.ChangeListener;

/**
 * How often JavaFX pulses (lays out, renders, runs animations): {@value #DEFAULT_HZ} times a second,
 * JavaFX's own rate, set here so the app and its benchmarks agree. On Linux (GTK) JavaFX's own pulse
 * timer never pauses, not even with nothing to draw or the window minimised; so the app puts one in
 * its place that pauses while no pulse is asked for ({@link #pauseWhileIdle}), and only then does
 * the rate cost nothing while the window is still. The views that follow playback tick from the
 * {@link PlaybackClock}'s own timer, at most about 15 times a second, each tick one pulse whatever
 * the rate: playing costs the same at 60 Hz as at 30 (measured: 0.64 and 0.82 CPU-s per minute
 * visible, noise). The app pulsed 30 times a second while the GTK timer woke it for nothing: then a
 * frame late by 17 ms already left 50 ms between two frames; at 60 Hz it may be late by 33 ms.
 * {@code -Djavafx.animation.pulse=N} still chooses another rate. While no window is seen the timer
 * wakes only {@value #UNSEEN_HZ} times a second while something animates ({@link #slowWhileNoWindowIsSeen}).
 */
public final class PulseRate {
    /** JavaFX's own property: read once, when the toolkit starts. */
    public static final String PROPERTY = "javafx.animation.pulse";
    public static final int DEFAULT_HZ = 60;
    /**
     * Wake-ups a second while every window is minimised or hidden: 30 cost the FX thread 0.17 CPU-s
     * per minute with nothing to draw (on GTK, before {@link PausingPulseTimer}). Animations still
     * run then, just later: a pause transition (the session's save) ends up to half a second late.
     */
    public static final int UNSEEN_HZ = 2;

    private PulseRate() {}

    /** Sets the rate unless the user chose one; call before the JavaFX toolkit starts. */
    public static void applyDefault() {
        if (System.getProperty(PROPERTY) == null) System.setProperty(PROPERTY, Integer.toString(DEFAULT_HZ));
    }

    /**
     * From the FX thread, once the toolkit runs: the pulse timer stops waking the FX thread while
     * nothing asks for a pulse (on GTK it never paused: 30 turns of the GTK main loop a second with a
     * still window; see {@link PausingPulseTimer}). Call before {@link #slowWhileNoWindowIsSeen}.
     */
    public static void pauseWhileIdle() {
        PausingPulseTimer.install();
    }

    /**
     * From the FX thread, once the toolkit runs: while no window is seen (each one minimised, or
     * none shows) JavaFX's pulse timer wakes {@value #UNSEEN_HZ} times a second; as soon as one is
     * seen, at its own rate again. Nothing changes where the timer cannot be reached (another
     * JavaFX, a vsync timer). Returns what undoes it.
     */
    public static Runnable slowWhileNoWindowIsSeen() {
        GlassPulseTimer timer = GlassPulseTimer.find().orElse(null);
        if (timer == null) return () -> {};
        int unseen = Math.max(timer.ownPeriodMillis(), 1000 / UNSEEN_HZ);
        SeenWindows windows = new SeenWindows();
        ChangeListener<Boolean> follow = (o, was, seen) -> timer.runEvery(seen ? timer.ownPeriodMillis() : unseen);
        windows.anyProperty().addListener(follow);
        follow.changed(windows.anyProperty(), null, windows.anyProperty().get());
        return () -> {
            windows.close();
            timer.runEvery(timer.ownPeriodMillis());
        };
    }
}
