package dev.bufferdeck.ui.theme;

import javafx.css.Stylesheet;

import java.io.IOException;
import java.net.URL;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Reads JavaFX's own stylesheet (modena) once and throws it away, while the toolkit starts: the FX
 * thread then waits for the renderer to start, and the first control made reads modena on it, cold,
 * before the filled window can be styled (35-50 ms in the start's profile). Read once before, the
 * reading code is loaded and compiled: in paired starts (scripts/bench-startup-jar.sh, two batches of 20
 * in turns) the filled window came 5-65 ms sooner (medians), the empty one 35-40 ms, with 30-60 ms less
 * CPU. It must end before the FX thread meets any style: both add pseudo-classes to one unguarded map
 * of JavaFX's, so {@link #awaitEnd} is called before the window.
 */
public final class ModenaWarmUp {
    private static final String MODENA = "/com/sun/javafx/scene/control/skin/modena/modena.bss";
    private static final FutureTask<Void> READ = new FutureTask<>(ModenaWarmUp::read, null);

    private ModenaWarmUp() {}

    /** Starts the reading on a thread of its own; call before the toolkit starts. */
    public static void start() {
        started = true;
        Thread reader = new Thread(READ, "bufferdeck-modena-warm-up");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for the reading started by {@link #start} (at most a second); returns at once when none was. */
    public static void awaitEnd() {
        if (!started) return;
        try {
            READ.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a warm-up only: the window reads modena itself in any case
        }
    }

    private static volatile boolean started;

    private static void read() {
        try {
            modena();
        } catch (IOException | RuntimeException e) {
            // a warm-up only
        }
    }

    /** JavaFX's modena, read from its binary form as JavaFX reads it; null when this JavaFX has none there. */
    static Stylesheet modena() throws IOException {
        URL url = javafx.scene.control.Control.class.getResource(MODENA);
        return url == null ? null : Stylesheet.loadBinary(url);
    }
}
