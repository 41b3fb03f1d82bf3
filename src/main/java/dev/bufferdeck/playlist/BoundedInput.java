package dev.bufferdeck.playlist;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that fails once it has given more than {@link PlaylistLimits#MAX_BYTES}. */
final class BoundedInput extends FilterInputStream {
    /** The playlist is larger than the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("larger than " + PlaylistLimits.bytes() + " (the limit for a playlist), not read");
        }
    }

    private long count;

    private BoundedInput(InputStream in) {
        super(in);
    }

    static InputStream open(PlaylistSource source) throws IOException {
        return new BoundedInput(source.open());
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) counted(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) counted(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) counted(skipped);
        return skipped;
    }

    private void counted(long n) throws TooLarge {
        count += n;
        if (count > PlaylistLimits.MAX_BYTES) throw new TooLarge();
    }
}
