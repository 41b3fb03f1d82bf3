package dev.bufferdeck.video;

import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.repository.MediaBuffer;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The buffers that {@code resource:} URLs may name right now. A URL names its buffer by a random
 * 128-bit token drawn for each {@link Lease} (never by name, path or id), so a URL cannot be guessed
 * and does not outlive the run or the player that holds it: {@link Lease#close()} removes it, and a
 * connection to a removed or unknown token fails with {@link java.io.FileNotFoundException}.
 *
 * <p>Static because the JDK creates the URL handler through {@link java.util.ServiceLoader}, with
 * no way to hand it an instance.
 */
public final class BufferUrls {
    public static final String SCHEME = "resource";
    /** What every URL starts with; the token and an extension for the player's type guess follow. */
    static final String PREFIX = SCHEME + ":///bufferdeck/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, MediaBuffer> LEASED = new ConcurrentHashMap<>();

    private BufferUrls() {}

    /** A new URL for {@code buffer}, valid until the lease is closed. Each call draws a new token. */
    public static Lease lease(MediaBuffer buffer) {
        Objects.requireNonNull(buffer);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        LEASED.put(token, buffer);
        return new Lease(token, PREFIX + token + extension(buffer));
    }

    /** The buffer a URL path names, while its lease is open. */
    static Optional<MediaBuffer> resolve(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        String token = dot < 0 ? name : name.substring(0, dot);
        return Optional.ofNullable(LEASED.get(token));
    }

    /** How many URLs are open now (for tests and leak checks). */
    public static int openCount() { return LEASED.size(); }

    /** JavaFX guesses the content type from the URL's extension before it sniffs the bytes. */
    private static String extension(MediaBuffer buffer) {
        MediaFormat format = buffer.detectedFormat();
        return switch (format) {
            case MP4 -> ".mp4";
            case M4A -> ".m4a";
            case MP3 -> ".mp3";
            case WAV -> ".wav";
            case AIFF, AIFC -> ".aif";
            default -> "";
        };
    }

    /** One player's hold on a buffer's URL. */
    public static final class Lease implements AutoCloseable {
        private final String token;
        private final String url;

        private Lease(String token, String url) {
            this.token = token;
            this.url = url;
        }

        /** The {@code resource:} URL to hand to the player. */
        public String url() { return url; }

        /** Removes the URL: connections opened later fail; streams already open keep reading. */
        @Override
        public void close() { LEASED.remove(token); }

        @Override
        public String toString() { return url; }
    }
}
