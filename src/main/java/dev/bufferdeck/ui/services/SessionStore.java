package dev.bufferdeck.ui.services;

import java.util.Optional;
import java.util.function.Consumer;

/** Where the GUI keeps its state between runs. */
public interface SessionStore {
    /** The saved session, or empty on a first start; problems with the file go to {@code warnings}, one line each. */
    Optional<SessionState> load(Consumer<String> warnings);

    void save(SessionState state) throws java.io.IOException;
}
