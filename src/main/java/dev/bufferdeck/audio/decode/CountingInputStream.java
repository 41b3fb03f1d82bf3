package dev.bufferdeck.audio.decode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes a decoder library pulls, so tests can show that a seek reads only near its target. */
final class CountingInputStream extends FilterInputStream {
    private final ByteCounter counter;

    CountingInputStream(InputStream in, ByteCounter counter) {
        super(in);
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) counter.add(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) counter.add(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counter.add(skipped);
        return skipped;
    }

    /** Bytes read from the buffer by one decoder over its life. */
    static final class ByteCounter {
        private long bytes;
        void add(long n) { bytes += n; }
        long bytes() { return bytes; }
    }
}
