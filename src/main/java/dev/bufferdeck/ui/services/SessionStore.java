package dev.bufferdeck.ui.services;

import java.util.Optional;

/** Where the GUI keeps its state between runs. */
public interface SessionStore {
    Optional<SessionState> load();
    void save(SessionState state) throws java.io.IOException;
}
