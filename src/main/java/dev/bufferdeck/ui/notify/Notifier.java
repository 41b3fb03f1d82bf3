package dev.bufferdeck.ui.notify;

import dev.bufferdeck.ui.thread.Fx;
import dev.bufferdeck.ui.library.DisplayText;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/**
 * Errors and notices for the user, one line each. Callable from any thread; the view that shows
 * them listens to {@link #notices()} on the FX thread.
 */
public final class Notifier {
    private static final int KEEP = 50;
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private Consumer<Notice> display = n -> {};

    public void error(String text) { post(new Notice(oneLine(text), true)); }
    public void info(String text) { post(new Notice(oneLine(text), false)); }

    /** The last notices, oldest first (FX thread). */
    public ObservableList<Notice> notices() { return notices; }

    public void setDisplay(Consumer<Notice> display) { this.display = display; }

    private void post(Notice notice) {
        Fx.run(() -> show(notice));
    }

    private void show(Notice notice) {
        notices.add(notice);
        if (notices.size() > KEEP) notices.remove(0);
        display.accept(notice);
    }

    /** The text as one line, control characters (a line break in a file name too) shown as symbols. */
    static String oneLine(String text) {
        if (text == null || text.isBlank()) return "Something went wrong";
        return DisplayText.safe(text.strip());
    }

    /** Turns an exception nobody caught into a notice instead of a dialog or a dead thread. */
    public void installUncaughtHandler() {
        Thread.UncaughtExceptionHandler handler = (thread, e) -> {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            error("Unexpected problem: " + msg);
            System.err.println("uncaught on " + thread.getName() + ": " + e);
        };
        Thread.setDefaultUncaughtExceptionHandler(handler);
        if (Platform.isFxApplicationThread()) Thread.currentThread().setUncaughtExceptionHandler(handler);
    }
}
