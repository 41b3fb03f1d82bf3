package dev.bufferdeck.ui.theme;

import javafx.css.Stylesheet;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.io.IOException;
import java.net.URL;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * What the window's first frames do cold, done once and thrown away while the toolkit starts (the FX
 * thread then waits for the renderer): JavaFX's own stylesheet (modena) read, the fonts the window
 * uses looked up and a line of text laid out. The first control made reads modena on the FX thread
 * (35-50 ms in the start's profile), and the first text looks up the font system; done once before, the
 * code they run is loaded and compiled. In paired starts (two jars in turns, 20 of each) modena alone
 * brought the filled window 5-65 ms sooner (medians of three batches), the empty one 35-40 ms, with
 * 30-60 ms less CPU; the fonts and text 20-53 ms more (two batches). It must end before the FX thread
 * meets any style or node: both add pseudo-classes to one unguarded map of JavaFX's, so
 * {@link #awaitEnd} is called before the window.
 */
public final class ToolkitWarmUp {
    private static final String MODENA = "/com/sun/javafx/scene/control/skin/modena/modena.bss";
    private static final FutureTask<Void> DONE = new FutureTask<>(ToolkitWarmUp::run, null);
    private static volatile boolean started;

    private ToolkitWarmUp() {}

    /** Starts the warm-up on a thread of its own; call before the toolkit starts. */
    public static void start() {
        started = true;
        Thread thread = new Thread(DONE, "bufferdeck-toolkit-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the warm-up started by {@link #start} (at most a second); returns at once when none was. */
    public static void awaitEnd() {
        if (!started) return;
        try {
            DONE.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a warm-up only: the window does all of it again in any case
        }
    }

    private static void run() {
        try {
            modena();
            Font regular = Font.font(Font.getDefault().getFamily(), 13);
            Font.font(regular.getFamily(), FontWeight.BOLD, 13);
            Font.font("Monospaced", 12);
            Text text = new Text("BufferDeck 0:00 1.0 MiB");
            text.setFont(regular);
            text.getLayoutBounds();
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
