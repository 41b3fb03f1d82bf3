package dev.bufferdeck.source;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A few small reads of a local file that is not loaded, for its facts (headers, tags, the last Ogg
 * page, an MP4 {@code moov}): never the whole file unless it is small. Every read counts against
 * {@link #LIMIT}; a read past it fails, so a look at a file costs at most that much memory and I/O.
 * One thread; close it when done.
 */
public final class FileGlimpse implements AutoCloseable {
    /** The most bytes one look at a file may read, in all its reads. */
    public static final int LIMIT = 4 * 1024 * 1024;

    private final FileChannel channel;
    private final long size;
    private long bytesRead;

    private FileGlimpse(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    /**
     * Opens the local file a reference names (a path or a {@code file:} URL).
     *
     * @return null when the location is not a local file (a URL is not contacted for facts)
     */
    public static FileGlimpse open(String location) throws IOException {
        Path path = localPath(location);
        return path == null ? null : new FileGlimpse(FileChannel.open(path, StandardOpenOption.READ));
    }

    /** The path of a local location (a path or a {@code file:} URL), or null for a URL or a name that is no path. */
    public static Path localPath(String location) {
        if (location == null || location.isBlank()) return null;
        try {
            if (location.regionMatches(true, 0, "file:", 0, 5)) return Path.of(URI.create(location));
            if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !location.matches("^[a-zA-Z]:[\\\\/].*")) return null;
            return Path.of(location);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public long size() { return size; }

    /** Bytes read so far by this look. */
    public long bytesRead() { return bytesRead; }

    /** Up to {@code length} bytes from {@code offset} (fewer at the end of the file), in an array of their own. */
    public byte[] read(long offset, int length) throws IOException {
        if (offset < 0 || length < 0) throw new IllegalArgumentException("offset " + offset + ", length " + length);
        int n = (int) Math.max(0, Math.min(length, size - offset));
        if (bytesRead + n > LIMIT) throw new IOException("a look at a file may read " + LIMIT + " bytes, not more");
        ByteBuffer into = ByteBuffer.allocate(n);
        while (into.hasRemaining()) {
            if (channel.read(into, offset + into.position()) < 0) break;
        }
        bytesRead += into.position();
        if (into.hasRemaining()) {
            byte[] shorter = new byte[into.position()];
            System.arraycopy(into.array(), 0, shorter, 0, shorter.length);
            return shorter;
        }
        return into.array();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
