package dev.bufferdeck.source;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.LocalFiles;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * A few small reads of a local file that is not loaded, for its facts (headers, tags, the last Ogg
 * page, an MP4 {@code moov}): never the whole file unless it is small. Every {@link #read} counts
 * against {@link #LIMIT}, and the {@link #tail} (tags at the end, the last Ogg page) is read once and
 * at most {@link #TAIL} long; a read past either fails, so a look at a file costs at most
 * {@code LIMIT + TAIL} of memory and I/O. One thread; close it when done.
 */
public final class FileGlimpse implements AutoCloseable {
    /** The most bytes one look at a file may read, in all its reads. */
    public static final int LIMIT = 4 * 1024 * 1024;
    /** The most bytes {@link #tail} reads, on top of {@link #LIMIT}. */
    public static final int TAIL = 128 * 1024;
    /** A URL's scheme, and a Windows drive, which looks like one (compiled once: opening 1,000 URLs asks 2,000 times, on the FX thread). */
    private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]+:.*");
    private static final Pattern DRIVE = Pattern.compile("[a-zA-Z]:[\\\\/].*");

    private final FileChannel channel;
    private final long size;
    private long bytesRead;
    private byte[] tail;

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
        if (path == null) return null;
        String refusal = LocalFiles.refusal(path); // a FIFO would block the open for ever
        if (refusal != null) throw new IOException(path + ": " + refusal);
        return new FileGlimpse(FileChannel.open(path, StandardOpenOption.READ));
    }

    /** The path of a local location (a path or a {@code file:} URL), or null for a URL or a name that is no path. */
    public static Path localPath(String location) {
        if (location == null || location.isBlank()) return null;
        try {
            if (location.regionMatches(true, 0, "file:", 0, 5)) return Path.of(URI.create(location));
            if (SCHEME.matcher(location).matches() && !DRIVE.matcher(location).matches()) return null;
            return Path.of(location);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public long size() { return size; }

    /** Bytes read so far by this look, the tail included. */
    public long bytesRead() { return bytesRead + (tail == null ? 0 : tail.length); }

    /** The last {@link #TAIL} bytes of the file (all of it when shorter), read on the first call. */
    public byte[] tail() throws IOException {
        if (tail == null) tail = readAt(Math.max(0, size - TAIL), (int) Math.min(TAIL, size));
        return tail;
    }

    /**
     * The file as far as this look has read it, for parsers that read a file's start and its end (tags):
     * {@code head} (bytes read from offset 0) and the {@link #tail} in place, the bytes between absent.
     * Null for a file of 2 GiB or more.
     */
    public ByteSource headAndTail(byte[] head) throws IOException {
        return size > Integer.MAX_VALUE ? null : ByteSource.headAndTail(head, tail(), (int) size);
    }

    /** Up to {@code length} bytes from {@code offset} (fewer at the end of the file), in an array of their own. */
    public byte[] read(long offset, int length) throws IOException {
        if (offset < 0 || length < 0) throw new IllegalArgumentException("offset " + offset + ", length " + length);
        int n = (int) Math.max(0, Math.min(length, size - offset));
        if (bytesRead + n > LIMIT) throw new IOException("a look at a file may read " + LIMIT + " bytes, not more");
        byte[] bytes = readAt(offset, n);
        bytesRead += bytes.length;
        return bytes;
    }

    private byte[] readAt(long offset, int n) throws IOException {
        ByteBuffer into = ByteBuffer.allocate(n);
        while (into.hasRemaining()) {
            if (channel.read(into, offset + into.position()) < 0) break;
        }
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
