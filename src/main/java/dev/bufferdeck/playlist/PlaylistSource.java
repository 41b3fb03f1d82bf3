package dev.bufferdeck.playlist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Where a playlist's bytes come from, opened once per pass (text playlists take two: one to tell
 * UTF-8 from Latin-1, one to read). Every stream opened is cut off past {@link PlaylistLimits#MAX_BYTES}.
 */
@FunctionalInterface
public interface PlaylistSource {
    InputStream open() throws IOException;

    static PlaylistSource of(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }

    /** The bytes of a (read-only) buffer view, never copied. */
    static PlaylistSource of(ByteBuffer bytes) {
        return () -> new ByteBufferInput(bytes.duplicate());
    }

    /** A stream over a buffer view. */
    final class ByteBufferInput extends InputStream {
        private final ByteBuffer bytes;

        ByteBufferInput(ByteBuffer bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return bytes.hasRemaining() ? bytes.get() & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (!bytes.hasRemaining()) return -1;
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }
    }
}
