package dev.bufferdeck.source;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.BudgetExceededException;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.LocalFiles;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.repository.Reservation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Reads one file into one exactly sized array, hashing as it reads. */
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
        Reservation reservation;
        try {
            reservation = repository.reserve(size);
        } catch (BudgetExceededException e) {
            throw new LoadException(source, LoadException.Kind.OVER_BUDGET, e.getMessage(), e);
        }
        try (reservation; InputStream in = Files.newInputStream(path);
             Cancellation.Registration ignored = cancel.onCancel(() -> closeQuietly(in))) {
            byte[] bytes = new byte[(int) size];
            MessageDigest sha = MediaRepository.newSha256();
            int filled = 0;
            progress.progress(0, size);
            while (filled < bytes.length) {
                int n = in.read(bytes, filled, Math.min(CHUNK, bytes.length - filled));
                if (cancel.isCancelled()) throw cancelled(source, filled, size);
                if (Thread.currentThread().isInterrupted()) {
                    throw new LoadException(source, LoadException.Kind.CANCELLED, "interrupted");
                }
                if (n < 0) {
                    throw new LoadException(source, LoadException.Kind.IO, "file shrank while reading ("
                            + filled + " of " + size + " bytes)");
                }
                sha.update(bytes, filled, n);
                filled += n;
                progress.progress(filled, size);
            }
            if (in.read() >= 0) {
                throw new LoadException(source, LoadException.Kind.IO, "file grew while reading (beyond "
                        + size + " bytes)");
            }
            String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            return repository.add(reservation, bytes, HexFormat.of().formatHex(sha.digest()), name,
                    new Origin.File(path.toAbsolutePath()), MediaExtensions.of(name));
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
            throw new LoadException(source, LoadException.Kind.OVER_BUDGET, "not enough Java heap for "
                    + ByteSizes.human(size) + " (start with a larger -Xmx)", e);
        }
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
