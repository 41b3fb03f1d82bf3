package dev.bufferdeck.cli;

import dev.bufferdeck.playlist.SourceExpansion;
import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.source.LoadException;
import dev.bufferdeck.source.SourceLoader;

import java.util.List;

/** Loads the sources named on a command line (paths, folders, playlists, URLs) into a repository. */
final class CliSources implements AutoCloseable {
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
