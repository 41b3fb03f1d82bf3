package dev.bufferdeck.session;

import dev.bufferdeck.playlist.Repeat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process for {@link SessionCrashTest}: saves two different sessions alternately, forever,
 * and prints "saved" after the first save so the parent knows a session file exists.
 */
public final class SessionSaveLoop {
    private SessionSaveLoop() {}

    /** A small session. */
    static Session small() {
        return new Session(List.of("/music/a.mp3", "https://example.org/b.ogg"), 1, 0.25, true, Repeat.ONE, false,
                new WindowBounds(10, 20, 800, 600), null, false);
    }

    /** A large one, so that a kill often lands while its bytes are being written. */
    static Session large() {
        List<String> origins = new ArrayList<>();
        for (int i = 0; i < 4000; i++) origins.add("/home/user/Musik/Künstler " + i + "/Album – ÆØÅ/track " + i + ".flac");
        return new Session(origins, 3999, 1.0, false, Repeat.ALL, true,
                new WindowBounds(-1920, 0, 1920.5, 1080), new WindowBounds(100, 100, 400, 700), true);
    }

    public static void main(String[] args) throws Exception {
        SessionStore store = new SessionStore(Path.of(args[0]));
        Session small = small();
        Session large = large();
        store.save(small);
        System.out.println("saved");
        System.out.flush();
        for (long i = 0; ; i++) store.save(i % 2 == 0 ? large : small);
    }
}
