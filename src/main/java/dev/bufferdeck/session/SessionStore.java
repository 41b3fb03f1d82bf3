package dev.bufferdeck.session;

import dev.bufferdeck.repository.LocalFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Saves and loads the {@link Session} in the user's config directory as one file,
 * {@value #FILE_NAME}. Saving is atomic: the bytes go to a sibling file, are forced to disk, and
 * the sibling is renamed over the old file, so a crash at any moment leaves either the old session
 * or the new one. These siblings are the only temporary files BufferDeck ever writes.
 */
public final class SessionStore {
    public static final String FILE_NAME = "session.m3u8";
    /** System property that overrides the config directory (tests, portable installs). */
    public static final String DIRECTORY_PROPERTY = "bufferdeck.config.dir";
    private static final String SAVING_SUFFIX = ".saving";
    private static final AtomicLong SAVES = new AtomicLong();

    /** A loaded session and what was wrong with the file, one readable line per problem. */
    public record Loaded(Session session, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    private final Path directory;

    public SessionStore(Path directory) {
        this.directory = Objects.requireNonNull(directory);
    }

    /** A store in {@link #defaultDirectory()}. */
    public static SessionStore inDefaultDirectory() {
        return new SessionStore(defaultDirectory());
    }

    public Path directory() { return directory; }

    public Path file() { return directory.resolve(FILE_NAME); }

    /**
     * {@code -Dbufferdeck.config.dir} if set; else {@code %APPDATA%\BufferDeck} on Windows,
     * {@code ~/Library/Application Support/BufferDeck} on macOS, and
     * {@code $XDG_CONFIG_HOME/bufferdeck} or {@code ~/.config/bufferdeck} elsewhere.
     */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getProperty(DIRECTORY_PROPERTY), System.getProperty("os.name", ""),
                System.getProperty("user.home"), System.getenv());
    }

    static Path defaultDirectory(String override, String osName, String userHome, Map<String, String> env) {
        if (override != null && !override.isBlank()) return Path.of(override);
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("BufferDeck");
        }
        if (os.startsWith("mac")) return home.resolve("Library").resolve("Application Support").resolve("BufferDeck");
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg).resolve("bufferdeck");
        return home.resolve(".config").resolve("bufferdeck");
    }

    /**
     * Loads the saved session. Never throws: no file gives the defaults silently (a first start);
     * an unreadable or damaged file gives the defaults (or what could be read) and warnings.
     */
    public Loaded load() {
        List<String> warnings = new ArrayList<>();
        removeAbandonedSaves();
        byte[] bytes;
        String refusal = LocalFiles.refusal(file()); // a FIFO would block the start for ever
        if (refusal != null) {
            warnings.add("cannot read session file " + file() + " (" + refusal + "); starting with an empty session");
            return new Loaded(Session.defaults(), warnings);
        }
        try {
            bytes = Files.readAllBytes(file());
        } catch (NoSuchFileException e) {
            return new Loaded(Session.defaults(), warnings);
        } catch (IOException | OutOfMemoryError e) {
            warnings.add("cannot read session file " + file() + " (" + e.getMessage() + "); starting with an empty session");
            return new Loaded(Session.defaults(), warnings);
        }
        return new Loaded(SessionFormat.read(bytes, file().toString(), warnings), warnings);
    }

    /** Writes the session atomically; on failure the previous file is untouched and no sibling is left. */
    public synchronized void save(Session session) throws IOException {
        byte[] bytes = SessionFormat.write(session);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IOException("cannot create the config folder " + directory + ": " + e.getMessage(), e);
        }
        Path sibling = directory.resolve(FILE_NAME + "." + ProcessHandle.current().pid() + "-" + SAVES.incrementAndGet() + SAVING_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(sibling, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            try {
                Files.move(sibling, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + directory + " cannot replace files atomically", e);
            }
        } catch (IOException e) {
            Files.deleteIfExists(sibling);
            throw new IOException("cannot save the session to " + file() + ": " + e.getMessage(), e);
        }
        forceDirectory();
    }

    /** Makes the rename itself durable; not possible (nor needed) on every platform. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; its rename is durable enough there.
        }
    }

    /** Deletes siblings left by a process that was killed while saving (never those of a live one). */
    private void removeAbandonedSaves() {
        UnaryOperator<String> pidOf = name -> name.substring(FILE_NAME.length() + 1, name.indexOf('-', FILE_NAME.length() + 1));
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(directory, FILE_NAME + ".*-*" + SAVING_SUFFIX)) {
            for (Path p : siblings) {
                try {
                    long pid = Long.parseLong(pidOf.apply(p.getFileName().toString()));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                    Files.deleteIfExists(p);
                } catch (NumberFormatException | StringIndexOutOfBoundsException | IOException ignored) {
                    // not one of ours, or already gone
                }
            }
        } catch (IOException ignored) {
            // no directory yet: nothing to clean
        }
    }
}
