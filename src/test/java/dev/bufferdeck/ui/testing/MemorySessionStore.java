package dev.bufferdeck.ui.testing;

import dev.bufferdeck.ui.services.SessionState;
import dev.bufferdeck.ui.services.SessionStore;

import java.util.Optional;
import java.util.function.Consumer;

/** A session kept in memory: empty at first, then whatever was saved last. */
public final class MemorySessionStore implements SessionStore {
    private volatile SessionState saved;

    @Override public Optional<SessionState> load(Consumer<String> warnings) { return Optional.ofNullable(saved); }
    @Override public void save(SessionState state) { saved = state; }
    public SessionState saved() { return saved; }
}
