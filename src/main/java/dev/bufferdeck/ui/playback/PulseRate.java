package dev.bufferdeck.ui.playback;

/**
 * How often JavaFX pulses (lays out, renders, runs animations): {@value #DEFAULT_HZ} times a second
 * instead of JavaFX's 60. On Linux (GTK) JavaFX's pulse timer never pauses, not even with nothing to
 * draw or the window minimised: each of its wake-ups costs the FX thread a turn of the GTK main loop,
 * about 0.4 CPU-s per minute at 60 Hz with nothing on screen; and while anything animates every
 * wake-up is a whole pulse. The views that follow playback tick from the {@link PlaybackClock}'s own
 * timer, about 15 times a second, so they lose nothing at 30 Hz; only the window's own animations
 * (scrolling, hover) run at 30 frames a second. {@code -Djavafx.animation.pulse=N} still chooses
 * another rate.
 */
public final class PulseRate {
    /** JavaFX's own property: read once, when the toolkit starts. */
    public static final String PROPERTY = "javafx.animation.pulse";
    public static final int DEFAULT_HZ = 30;

    private PulseRate() {}

    /** Sets the rate unless the user chose one; call before the JavaFX toolkit starts. */
    public static void applyDefault() {
        if (System.getProperty(PROPERTY) == null) System.setProperty(PROPERTY, Integer.toString(DEFAULT_HZ));
    }
}
