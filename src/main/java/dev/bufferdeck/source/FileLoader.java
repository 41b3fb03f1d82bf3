package dev.bufferdeck.source;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.BudgetExceededException;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.LocalFiles;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.repository.BufferWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads one file into one exactly sized array (a buffer listed once it is whole), hashing as it reads. */
final class FileLoader {
    private static final int CHUNK = 256 * 1024;

    private final MediaRepository repository;

    FileLoader(MediaRepository repository) {
        this.repository = repository;
    }

    AddResult load(Path path, String source, LoadProgress progress, Cancellation cancel) throws LoadException {
        if (cancel.isCancelled()) throw new LoadException(source, LoadException.Kind.CANCELLED, "cancelled");
        String refusal = LocalFiles.refusal(path);
        if (refusal != null) throw new LoadException(source, LoadException.Kind.UNSUPPORTED, refusal);
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new LoadException(source, LoadException.Kind.NOT_FOUND, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new LoadException(source, LoadException.Kind.NOT_READABLE, "permission denied", e);
        } catch (IOException e) {
            throw new LoadException(source, LoadException.Kind.IO, Failures.describe(e), e);
        }
        if (size > MediaRepository.MAX_BUFFER_SIZE) {
            throw new LoadException(source, LoadException.Kind.TOO_LARGE, "file is " + ByteSizes.human(size)
                    + ", above the " + Failures.BUFFER_LIMIT + " per-buffer limit");
        }
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        BufferWriter writer;
        try {
            writer = repository.startLoad(name, new Origin.File(path.toAbsolutePath()), MediaExtensions.of(name), size);
        } catch (BudgetExceededException e) {
            throw new LoadException(source, LoadException.Kind.OVER_BUDGET, e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw noHeap(source, size, e);
        }
        try (writer; InputStream in = Files.newInputStream(path);
             Cancellation.Registration ignored = cancel.onCancel(() -> closeQuietly(in))) {
            progress.progress(0, size);
            while (writer.room() > 0) {
                int n = writer.readFrom(in, CHUNK);
                if (cancel.isCancelled()) throw cancelled(source, writer.buffer().size(), size);
                if (Thread.currentThread().isInterrupted()) {
                    throw new LoadException(source, LoadException.Kind.CANCELLED, "interrupted");
                }
                if (n < 0) {
                    throw new LoadException(source, LoadException.Kind.IO, "file shrank while reading ("
                            + writer.buffer().size() + " of " + size + " bytes)");
                }
                progress.progress(writer.buffer().size(), size);
            }
            if (in.read() >= 0) {
                throw new LoadException(source, LoadException.Kind.IO, "file grew while reading (beyond "
                        + size + " bytes)");
            }
            return writer.complete();
        } catch (BudgetExceededException e) {
            throw new LoadException(source, LoadException.Kind.OVER_BUDGET, e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new LoadException(source, LoadException.Kind.NOT_FOUND, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new LoadException(source, LoadException.Kind.NOT_READABLE, "permission denied", e);
        } catch (ClosedByInterruptException e) {
            throw new LoadException(source, LoadException.Kind.CANCELLED, "interrupted", e);
        } catch (IOException e) {
            if (cancel.isCancelled()) throw cancelled(source, -1, size);
            throw new LoadException(source, LoadException.Kind.IO, Failures.describe(e), e);
        } catch (OutOfMemoryError e) {
            throw noHeap(source, size, e);
        }
    }

    private static LoadException noHeap(String source, long size, OutOfMemoryError e) {
        return new LoadException(source, LoadException.Kind.OVER_BUDGET, "not enough Java heap for "
                + ByteSizes.human(size) + " (start with a larger -Xmx)", e);
    }

    private static LoadException cancelled(String source, long read, long total) {
        return new LoadException(source, LoadException.Kind.CANCELLED, read < 0 ? "cancelled"
                : "cancelled after " + ByteSizes.human(read) + " of " + ByteSizes.human(total));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the load reports the cancel, not this
        }
    }
}
