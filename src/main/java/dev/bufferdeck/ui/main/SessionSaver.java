package dev.bufferdeck.ui.main;

import dev.bufferdeck.session.Session;
import dev.bufferdeck.session.SessionStore;
import java.io.IOException;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Saves the session shortly after every change, on exit, and when the process is told to end
 * (SIGTERM at logout or shutdown, through a JVM shutdown hook). The state is read on the FX thread;
 * the file is written on a thread of its own, atomically by the store, the last save at exit too.
 */
final class SessionSaver {
    static final Duration QUIET = Duration.millis(800);
    private static final long HOOK_WAIT_MILLIS = 1500;
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final Supplier<Session> snapshot;
    private final LongSupplier livePosition;
    private final SessionStore store;
    private final PauseTransition soon = new PauseTransition(QUIET);
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bufferdeck-session-save");
        t.setDaemon(true);
        return t;
    });
    private volatile Session last;
    private volatile boolean closed;
    private Thread hook;

    /**
     * @param snapshot     reads the session from the views; called on the FX thread
     * @param livePosition where playback is now; callable from any thread (the shutdown hook)
     */
    SessionSaver(Supplier<Session> snapshot, LongSupplier livePosition, SessionStore store) {
        this.snapshot = snapshot;
        this.livePosition = livePosition;
        this.store = store;
        soon.setOnFinished(e -> saveInBackground());
    }

    /** Something the session holds changed: save once things are quiet for a moment (FX thread). */
    void changed() {
        if (!closed) soon.playFromStart();
    }

    /** Saves on SIGTERM from now on. */
    void installShutdownHook() {
        hook = new Thread(this::saveOnTermination, "bufferdeck-session-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * The last save: the state is read on the calling (FX) thread and written on the writer's, after
     * any save it still had, while the caller waits (the app is quitting); nothing is saved after it.
     */
    void saveAndClose() {
        soon.stop();
        if (writer.isShutdown()) return;
        Session state = snapshot.get();
        closed = true;
        writer.execute(() -> write(state));
        writer.shutdown();
        try {
            if (!writer.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("BufferDeck: the session was not saved within " + CLOSE_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyEnding) {
                // the hook is running or ran: it saw closed and did nothing
            }
        }
    }

    private void saveInBackground() {
        if (closed) return;
        Session state = snapshot.get();
        last = state;
        writer.execute(() -> { if (!closed) write(state); });
    }

    /** In the shutdown hook: the state as it is now if the FX thread still answers, else the last one taken. */
    private void saveOnTermination() {
        if (closed) return;
        Session state = last;
        try {
            CompletableFuture<Session> now = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    now.complete(snapshot.get());
                } catch (RuntimeException e) {
                    now.completeExceptionally(e);
                }
            });
            state = now.get(HOOK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // FX is gone or busy: the last snapshot, with the position playback has reached
            if (state != null && state.currentIndex() >= 0) state = withPosition(state, livePosition.getAsLong());
        }
        closed = true;
        if (state != null) write(state);
    }

    private static Session withPosition(Session s, long millis) {
        return new Session(s.playlistOrigins(), s.currentIndex(), s.volume(), s.muted(), s.repeat(), s.shuffle(),
                s.mainWindow(), s.playlistWindow(), s.playlistShowing(), Math.max(s.positionMillis(), millis),
                s.mainMaximized(), s.dividers(), s.theme(), s.libraryColumns(), s.sound(),
                s.letGoOfUrls());
    }

    private void write(Session state) {
        try {
            store.save(state);
        } catch (IOException | RuntimeException e) {
            System.err.println("BufferDeck: could not save the session: " + e.getMessage());
        }
    }
}
