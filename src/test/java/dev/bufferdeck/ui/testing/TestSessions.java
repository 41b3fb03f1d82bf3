package dev.bufferdeck.ui.testing;

import dev.bufferdeck.session.Session;
import dev.bufferdeck.session.SessionStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real session stores for tests, each in a fresh directory of its own that goes away when the JVM ends. */
public final class TestSessions {
    private TestSessions() {}

    /** A store with nothing saved yet: the app starts as on a first start. */
    public static SessionStore fresh() {
        try {
            Path dir = Files.createTempDirectory("bufferdeck-test-session");
            dir.toFile().deleteOnExit();
            dir.resolve(SessionStore.FILE_NAME).toFile().deleteOnExit();
            return new SessionStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store that holds {@code session}, as if the app had saved it on its last run. */
    public static SessionStore holding(Session session) {
        SessionStore store = fresh();
        try {
            store.save(session);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store;
    }

    /** What the app saved last, or null when it has saved nothing yet. */
    public static Session saved(SessionStore store) {
        return Files.exists(store.file()) ? store.load().session() : null;
    }
}
