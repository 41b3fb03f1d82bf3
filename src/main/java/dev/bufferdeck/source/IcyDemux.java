package dev.bufferdeck.source;

import dev.bufferdeck.repository.BudgetExceededException;
import dev.bufferdeck.repository.BufferWriter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits an ICY stream ({@code icy-metaint: N}: N media bytes, one length byte L, 16·L bytes of
 * metadata text, repeated) as it is written to a live buffer: the bytes go in as they came, and each
 * metadata block is marked before its bytes become readable, so media readers skip it and the hex
 * view shows it as a region. A block cut by a read is held back until it is whole (at most 4 KiB).
 */
final class IcyDemux {
    private final BufferWriter writer;
    private final int metaint;
    private final ByteArrayOutputStream block = new ByteArrayOutputStream(4096);
    private int mediaLeft;
    private int blockLeft = -1;

    /** @param metaint media bytes between blocks; 0 or less for a stream without ICY metadata */
    IcyDemux(BufferWriter writer, int metaint) {
        this.writer = writer;
        this.metaint = metaint;
        this.mediaLeft = metaint;
    }

    void write(byte[] b, int off, int len) throws BudgetExceededException {
        if (metaint <= 0) {
            writer.write(b, off, len);
            return;
        }
        int end = off + len;
        while (off < end) {
            if (blockLeft < 0 && mediaLeft > 0) {
                int n = Math.min(mediaLeft, end - off);
                writer.write(b, off, n);
                off += n;
                mediaLeft -= n;
            } else if (blockLeft < 0) {
                blockLeft = (b[off] & 0xFF) * 16;
                block.write(b[off++]);
                if (blockLeft == 0) flushBlock();
            } else {
                int n = Math.min(blockLeft, end - off);
                block.write(b, off, n);
                off += n;
                blockLeft -= n;
                if (blockLeft == 0) flushBlock();
            }
        }
    }

    private void flushBlock() throws BudgetExceededException {
        byte[] bytes = block.toByteArray();
        String text = new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8).replace("\0", "").strip();
        writer.interleave(writer.written(), bytes.length, text);
        writer.write(bytes, 0, bytes.length);
        block.reset();
        blockLeft = -1;
        mediaLeft = metaint;
    }
}
