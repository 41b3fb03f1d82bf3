package dev.bufferdeck.repository;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The most recent bytes of an endless stream: a ring of fixed capacity, allocated once. Offsets seen
 * by {@link MediaBuffer} count from the oldest byte still held. A reader that falls a whole window
 * behind the writer jumps to the oldest byte still held (a decoder resynchronises on the next frame).
 */
final class LiveWindow extends ByteStore {
    private final byte[] ring;
    /** Bytes ever written; the window holds [{@code written - fill}, {@code written}). */
    private volatile long written;
    /** Metadata blocks between the media bytes, by absolute start, oldest first (see {@link #interleave}). */
    private final ArrayDeque<long[]> blocks = new ArrayDeque<>();
    private final ArrayDeque<String> blockTexts = new ArrayDeque<>();
    private volatile String latestText;

    LiveWindow(int capacity) {
        if (capacity <= 0) throw new IllegalArgumentException("window must be > 0 bytes");
        this.ring = new byte[capacity];
    }

    @Override int size() { return (int) Math.min(written, ring.length); }
    @Override long arrived() { return written; }
    @Override long held() { return ring.length; }
    int capacity() { return ring.length; }

    /** Absolute stream offset of the oldest byte held. */
    long start() {
        return Math.max(0, written - ring.length);
    }

    /** Reads once from {@code in} into the ring, overwriting the oldest bytes. */
    int readFrom(InputStream in, int max) throws IOException {
        int at = (int) (written % ring.length);
        int n = in.read(ring, at, Math.min(max, ring.length - at));
        if (n > 0) {
            written += n;
            signal();
        }
        return n;
    }

    /**
     * Marks the {@code length} bytes from absolute offset {@code start} (written now or next) as a
     * metadata block: media readers skip them. Blocks older than the window are forgotten.
     */
    synchronized void interleave(long start, int length, String text) {
        blocks.addLast(new long[] {start, start + length});
        blockTexts.addLast(text);
        if (!text.isEmpty()) latestText = text;
        long oldest = written - ring.length;
        while (!blocks.isEmpty() && blocks.peekFirst()[1] <= oldest) {
            blocks.removeFirst();
            blockTexts.removeFirst();
        }
    }

    /** The text of the newest non-empty metadata block, or null. */
    String latestText() { return latestText; }

    /** The metadata blocks inside the window now, offsets counted from its oldest byte. */
    synchronized List<InterleavedBlock> blocks() {
        long start = start();
        long end = written;
        List<InterleavedBlock> out = new ArrayList<>();
        Iterator<String> texts = blockTexts.iterator();
        for (long[] b : blocks) {
            String text = texts.next();
            if (b[0] >= start && b[1] <= end) out.add(new InterleavedBlock(b[0] - start, (int) (b[1] - b[0]), text));
        }
        return out;
    }

    /** The block holding absolute offset {@code pos} as {start, end, index}, else the next block's start as {-1, start}. */
    private synchronized Object[] blockAt(long pos) {
        Iterator<String> texts = blockTexts.iterator();
        for (long[] b : blocks) {
            String text = texts.next();
            if (b[1] <= pos) continue;
            if (b[0] <= pos) return new Object[] {b[1], text};
            return new Object[] {-b[0] - 1, null};
        }
        return null;
    }

    /** Appends bytes (the ring's writer side for bytes already read elsewhere). */
    void write(byte[] b, int off, int len) {
        while (len > 0) {
            int at = (int) (written % ring.length);
            int n = Math.min(len, ring.length - at);
            System.arraycopy(b, off, ring, at, n);
            off += n;
            len -= n;
            written += n;
        }
        signal();
    }

    /** A copy of the window as it is now; the hex view and regions read a live window this way. */
    @Override
    ByteSource view() {
        long w = written;
        int s = (int) Math.min(w, ring.length);
        byte[] copy = new byte[s];
        copyAbsolute(w - s, copy, 0, s);
        return ByteSource.of(copy);
    }

    @Override
    byte byteAt(int index) {
        byte[] one = new byte[1];
        copy(index, one, 0, 1);
        return one[0];
    }

    @Override
    void copy(int offset, byte[] dest, int destOffset, int length) {
        long w = written;
        int s = (int) Math.min(w, ring.length);
        if (offset < 0 || length < 0 || offset > s - length) {
            throw new IndexOutOfBoundsException("bytes " + offset + ".." + (offset + length) + " of a "
                    + s + "-byte live window");
        }
        copyAbsolute(w - s + offset, dest, destOffset, length);
    }

    private void copyAbsolute(long from, byte[] dest, int destOffset, int length) {
        while (length > 0) {
            int at = (int) (from % ring.length);
            int n = Math.min(length, ring.length - at);
            System.arraycopy(ring, at, dest, destOffset, n);
            from += n;
            destOffset += n;
            length -= n;
        }
    }

    @Override
    InputStream stream(int offset, int length) {
        long from = start() + offset;
        return new Reader(from, length < 0 ? Long.MAX_VALUE : from + length);
    }

    /** Follows the writer from an absolute offset; ends when the stream ended or reaches {@code end}. */
    private final class Reader extends InputStream implements MetadataStream {
        private final long end;
        private long pos;
        private volatile String metadata;

        @Override public String metadata() { return metadata; }

        Reader(long from, long end) {
            this.pos = from;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) return 0;
            while (true) {
                if (pos >= end) return -1;
                if (pos >= written && !awaitArrived(pos + 1)) return -1;
                pos = Math.max(pos, start());
                long until = Math.min(written, end);
                Object[] block = blockAt(pos);
                if (block != null && (long) block[0] >= 0) {
                    pos = (long) block[0];
                    String text = (String) block[1];
                    if (!text.isEmpty()) metadata = text;
                    continue;
                }
                if (block != null) until = Math.min(until, -(long) block[0] - 1);
                int n = (int) Math.min(len, until - pos);
                copyAbsolute(pos, b, off, n);
                if (pos >= start()) {
                    pos += n;
                    return n;
                }
                // the writer overwrote these bytes while they were copied: take the oldest held instead
            }
        }

        @Override public int available() { return (int) Math.max(0, Math.min(written, end) - pos); }
    }
}
