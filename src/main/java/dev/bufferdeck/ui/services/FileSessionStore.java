package dev.bufferdeck.ui.services;

import dev.bufferdeck.playlist.Repeat;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.session.WindowBounds;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The session in the user's config directory, through the session package's atomic store. */
public final class FileSessionStore implements SessionStore {
    private final dev.bufferdeck.session.SessionStore store;

    public FileSessionStore(dev.bufferdeck.session.SessionStore store) {
        this.store = store;
    }

    @Override
    public Optional<SessionState> load(Consumer<String> warnings) {
        dev.bufferdeck.session.SessionStore.Loaded loaded = store.load();
        loaded.warnings().forEach(warnings);
        Session s = loaded.session();
        if (s.equals(Session.defaults())) return Optional.empty();
        return Optional.of(new SessionState(s.playlistOrigins(), s.volume(), s.muted(), s.repeat().name(), s.shuffle(),
                geometry(s.mainWindow()), geometry(s.playlistWindow()), s.playlistShowing(), s.currentIndex(),
                s.positionMillis(), s.mainMaximized(), s.dividers(), s.theme(), s.libraryColumns()));
    }

    @Override
    public void save(SessionState state) throws IOException {
        Repeat repeat;
        try {
            repeat = Repeat.valueOf(state.repeat());
        } catch (IllegalArgumentException e) {
            repeat = Repeat.OFF;
        }
        List<String> origins = state.playlist();
        store.save(new Session(origins, state.currentIndex(), state.volume(), state.muted(), repeat, state.shuffle(),
                bounds(state.main()), bounds(state.playlistWindow()), state.playlistWindowShown(), state.positionMillis(),
                state.mainMaximized(), state.dividers(), state.theme(), state.libraryColumns()));
    }

    private static SessionState.Geometry geometry(WindowBounds b) {
        return b == null ? null : new SessionState.Geometry(b.x(), b.y(), b.width(), b.height());
    }

    private static WindowBounds bounds(SessionState.Geometry g) {
        if (g == null || !(g.width() > 0) || !(g.height() > 0)) return null;
        try {
            return new WindowBounds(g.x(), g.y(), g.width(), g.height());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
