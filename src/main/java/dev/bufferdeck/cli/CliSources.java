package dev.bufferdeck.cli;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.source.LoadException;
import dev.bufferdeck.source.SourceLoader;

import java.util.List;

/** Loads the sources named on a command line (paths, folders, URLs) into a repository. */
final class CliSources implements AutoCloseable {
    private final SourceLoader loader;

    CliSources(MediaRepository repository) {
        this.loader = new SourceLoader(repository);
    }

    /** A folder stands for the media files inside it; anything else for itself. */
    List<String> expand(String source) {
        return loader.expand(source);
    }

    /** Loads one path or URL; the failure's message is one line naming the source and the cause. */
    AddResult load(String source) throws SourceFailure {
        try {
            return loader.load(source);
        } catch (LoadException e) {
            throw new SourceFailure(e.getMessage());
        }
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
