package dev.bufferdeck.cli;

import dev.bufferdeck.playlist.SourceExpansion;
import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.source.Cancellation;
import dev.bufferdeck.source.LoadEvents;
import dev.bufferdeck.source.LoadException;
import dev.bufferdeck.source.LoadProgress;
import dev.bufferdeck.source.SourceLoader;

import java.util.List;

/** Loads the sources named on a command line (paths, folders, playlists, URLs) into a repository. */
final class CliSources implements AutoCloseable {
    /** Bytes of a live stream that tell its format and first frames. */
    private static final int ENOUGH_TO_DESCRIBE = 32 * 1024;
    private final SourceLoader loader;
    private final SourceExpansion expansion;

    CliSources(MediaRepository repository) {
        this.loader = new SourceLoader(repository);
        this.expansion = new SourceExpansion(loader::expand, loader::load, repository);
    }

    /**
     * What a source on the command line stands for: a folder the media files inside it, a playlist
     * (M3U, M3U8, PLS, XSPF; a file or a URL) its entries, anything else itself; with one line for
     * each playlist that could not be read.
     */
    SourceExpansion.Result expand(String source) {
        return expansion.expand(source);
    }

    /**
     * Loads one path or URL; the failure's message is one line naming the source and the cause. A
     * live stream is read for at most {@code liveSeconds} (less once it has named its title) and
     * then stopped: its buffer holds what arrived.
     */
    AddResult load(String source, double liveSeconds) throws SourceFailure {
        Cancellation cancel = new Cancellation();
        Thread[] watcher = new Thread[1];
        try {
            return loader.load(source, LoadProgress.NONE, cancel, buffer -> {
                if (buffer.isLive()) watcher[0] = stopLater(buffer, cancel, liveSeconds);
            });
        } catch (LoadException e) {
            throw new SourceFailure(e.getMessage());
        } finally {
            if (watcher[0] != null) watcher[0].interrupt();
        }
    }

    AddResult load(String source) throws SourceFailure {
        return load(source, 2);
    }

    /**
     * Loads one path or URL for playing: {@code events} gets a URL's buffer at its first bytes; a
     * live stream runs until {@code cancel}.
     */
    AddResult loadToPlay(String source, Cancellation cancel, LoadEvents events) throws SourceFailure {
        try {
            return loader.load(source, LoadProgress.NONE, cancel, events);
        } catch (LoadException e) {
            throw new SourceFailure(e.getMessage());
        }
    }

    private static Thread stopLater(MediaBuffer live, Cancellation cancel, double seconds) {
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            try {
                while (System.nanoTime() < deadline
                        && !(live.latestMetadata() != null && live.bytesArrived() >= ENOUGH_TO_DESCRIBE)) {
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                return;
            }
            cancel.cancel();
        }, "bufferdeck-live-timer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() {
        loader.close();
    }

    /** A source that could not be loaded; the message is one readable line. */
    static final class SourceFailure extends Exception {
        SourceFailure(String message) {
            super(message);
        }
    }
}
