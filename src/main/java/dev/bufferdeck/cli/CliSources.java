package dev.bufferdeck.cli;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.BudgetExceededException;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.repository.Reservation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads the sources named on a command line into a repository. Until the source package's loader
 * is available this reads local files only.
 */
final class CliSources implements AutoCloseable {
    private final MediaRepository repository;

    CliSources(MediaRepository repository) {
        this.repository = repository;
    }

    /** Loads one path or URL; the failure's message is one line naming the source and the cause. */
    AddResult load(String source) throws SourceFailure {
        if (source.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            throw new SourceFailure(source + ": URLs are not supported by this build");
        }
        Path path;
        try {
            path = Path.of(source);
        } catch (InvalidPathException e) {
            throw new SourceFailure(source + ": not a valid path");
        }
        if (Files.isDirectory(path)) throw new SourceFailure(source + ": is a folder, not a file");
        try {
            long size = Files.size(path);
            if (size > MediaRepository.MAX_BUFFER_SIZE) {
                throw new SourceFailure(source + ": too large (" + size + " bytes; at most "
                        + MediaRepository.MAX_BUFFER_SIZE + " bytes fit in one buffer)");
            }
            Reservation reservation = repository.reserve(size);
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes((int) size);
                if (in.read() != -1) throw new SourceFailure(source + ": the file grew while it was read");
                String name = path.getFileName() == null ? source : path.getFileName().toString();
                return repository.add(reservation, bytes, null, name, new Origin.File(path.toAbsolutePath()),
                        extension(name));
            } finally {
                reservation.close();
            }
        } catch (NoSuchFileException e) {
            throw new SourceFailure(source + ": no such file");
        } catch (AccessDeniedException e) {
            throw new SourceFailure(source + ": permission denied");
        } catch (BudgetExceededException e) {
            throw new SourceFailure(source + ": " + e.getMessage());
        } catch (IOException e) {
            throw new SourceFailure(source + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {}

    /** A source that could not be loaded; the message is one readable line. */
    static final class SourceFailure extends Exception {
        SourceFailure(String message) {
            super(message);
        }
    }
}
