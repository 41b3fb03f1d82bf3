package dev.bufferdeck.source;

import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.MemoryFigures;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remembers the threads and repository figures before a load and checks nothing is left after it. */
final class LeakCheck {
    private static final Pattern CLIENT_THREAD =
            Pattern.compile("(?i).*(http|bufferdeck|watchdog|pool|connection|evict|dispatch|client|reactor).*");

    private final Set<String> threadsBefore;
    private final MemoryFigures figuresBefore;
    private final MediaRepository repository;

    private LeakCheck(MediaRepository repository) {
        this.repository = repository;
        this.threadsBefore = clientThreads();
        this.figuresBefore = repository.figures();
    }

    static LeakCheck before(MediaRepository repository) {
        return new LeakCheck(repository);
    }

    /** The repository holds what it held before and nothing is reserved. */
    void assertRepositoryUnchanged() {
        MemoryFigures now = repository.figures();
        assertEquals(figuresBefore.count(), now.count(), "buffer count");
        assertEquals(figuresBefore.held(), now.held(), "bytes held");
        assertEquals(0, now.reserved(), "bytes still reserved");
    }

    /** No thread of ours or of the HTTP client outlives the load, and no connection is still leased. */
    void assertNothingLeftBehind(SourceLoader loader) throws InterruptedException {
        assertEquals(0, loader.leasedConnections(), "leased HTTP connections");
        Set<String> extra = new TreeSet<>();
        for (int i = 0; i < 50; i++) {
            extra = new TreeSet<>(clientThreads());
            extra.removeAll(threadsBefore);
            if (extra.isEmpty()) break;
            Thread.sleep(20);
        }
        assertTrue(extra.isEmpty(), "threads left behind: " + extra);
    }

    /** Live threads named like ours or an HTTP client's (the test servers' own left out). */
    static Set<String> clientThreads() {
        Set<String> names = new TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (!t.isAlive() || name.startsWith("test-server") || name.equals("HTTP-Dispatcher")) continue;
            if (!CLIENT_THREAD.matcher(name).matches()) continue;
            names.add(name + "#" + t.getId());
        }
        return names;
    }
}
