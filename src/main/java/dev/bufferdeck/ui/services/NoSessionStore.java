package dev.bufferdeck.ui.services;

import java.util.Optional;

/** Temporary store until the session package lands: remembers nothing. */
public final class NoSessionStore implements SessionStore {
    @Override public Optional<SessionState> load() { return Optional.empty(); }
    @Override public void save(SessionState state) {}
}
