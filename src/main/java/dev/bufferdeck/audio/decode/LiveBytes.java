package dev.bufferdeck.audio.decode;

import java.io.IOException;
import java.io.InputStream;
import dev.bufferdeck.repository.ByteSource;
import java.util.Arrays;

/**
 * The bytes of a live stream as they arrive, looked at before they are taken: a reader peeks at a
 * page or frame header, then takes exactly that page or frame, so the next reader (after a format
 * change) starts on the next byte.
 */
final class LiveBytes {
    private final InputStream in;
    private byte[] data = new byte[64 * 1024];
    private int start;
    private int end;
    private boolean ended;

    LiveBytes(InputStream in) {
        this.in = in;
    }

    /** Waits until {@code n} bytes are ahead; false when the stream ends first. */
    boolean peek(int n) throws IOException {
        while (end - start < n) {
            if (ended) return false;
            if (start > 0 && data.length - end < n) {
                System.arraycopy(data, start, data, 0, end - start);
                end -= start;
                start = 0;
            }
            if (data.length < n) data = Arrays.copyOf(data, Math.max(n, data.length * 2));
            int r = in.read(data, end, data.length - end);
            if (r < 0) ended = true;
            else end += r;
        }
        return true;
    }

    /** Bytes ahead now, without waiting. */
    int available() { return end - start; }

    /** The byte {@code i} ahead (peeked before). */
    int at(int i) { return data[start + i] & 0xFF; }

    /** {@code n} peeked bytes ahead as a read-only view, valid until the next peek or take. */
    ByteSource view(int n) {
        return ByteSource.of(data).slice(start, n);
    }

    void copy(int n, byte[] dest, int destOffset) {
        System.arraycopy(data, start, dest, destOffset, n);
    }

    void skip(int n) {
        start += n;
    }

    boolean ended() throws IOException {
        return !peek(1);
    }
}
