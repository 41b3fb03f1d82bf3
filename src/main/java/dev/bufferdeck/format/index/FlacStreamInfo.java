package dev.bufferdeck.format.index;

import dev.bufferdeck.repository.ByteSource;
import java.util.Arrays;

/**
 * A FLAC stream's STREAMINFO and where its metadata ends.
 *
 * @param streamInfoBlock the 4-byte block header plus 34 bytes of STREAMINFO, as stored
 * @param firstFrame byte offset of the first audio frame
 * @param totalSamples samples per channel, 0 when the encoder did not know
 * @param seekPoints (sample, byte offset from {@code firstFrame}) pairs from the SEEKTABLE, placeholders dropped
 */
public record FlacStreamInfo(int start, int minBlockSize, int maxBlockSize, int maxFrameSize, int sampleRate,
                             int channels, int bitsPerSample, long totalSamples, int firstFrame,
                             long[] seekPoints, byte[] streamInfoBlock) {

    /** Reads the metadata blocks after "fLaC" at {@code start}; null when they are not there or are cut short. */
    public static FlacStreamInfo read(ByteSource b, int start) {
        if (start + 4 + 38 > b.limit()) return null;
        int pos = start + 4;
        FlacStreamInfo info = null;
        long[] seekPoints = new long[0];
        while (true) {
            if (pos + 4 > b.limit()) return null;
            int type = b.get(pos) & 0x7F;
            boolean last = (b.get(pos) & 0x80) != 0;
            int length = ((b.get(pos + 1) & 0xFF) << 16) | ((b.get(pos + 2) & 0xFF) << 8) | (b.get(pos + 3) & 0xFF);
            int body = pos + 4;
            if ((long) body + length > b.limit()) return null;
            if (type == 0 && length >= 34) {
                info = streamInfo(b, start, body, pos);
            } else if (type == 3) {
                seekPoints = seekTable(b, body, length);
            } else if (type == 127) {
                return null;
            }
            pos = body + length;
            if (last) break;
        }
        if (info == null) return null;
        return new FlacStreamInfo(start, info.minBlockSize, info.maxBlockSize, info.maxFrameSize, info.sampleRate,
                info.channels, info.bitsPerSample, info.totalSamples, pos, seekPoints, info.streamInfoBlock);
    }

    private static FlacStreamInfo streamInfo(ByteSource b, int start, int body, int blockHeader) {
        int minBlock = b.getShort(body) & 0xFFFF;
        int maxBlock = b.getShort(body + 2) & 0xFFFF;
        int maxFrame = ((b.get(body + 7) & 0xFF) << 16) | ((b.get(body + 8) & 0xFF) << 8) | (b.get(body + 9) & 0xFF);
        long packed = b.getLong(body + 10);
        int rate = (int) (packed >>> 44);
        int channels = (int) ((packed >>> 41) & 7) + 1;
        int bits = (int) ((packed >>> 36) & 31) + 1;
        long total = packed & 0xF_FFFF_FFFFL;
        byte[] block = new byte[38];
        b.get(blockHeader, block);
        block[0] = (byte) 0x80; // the only metadata block of a decoder's restarted stream
        return new FlacStreamInfo(start, minBlock, maxBlock, maxFrame, rate, channels, bits, total, 0, new long[0], block);
    }

    private static long[] seekTable(ByteSource b, int body, int length) {
        int points = length / 18;
        long[] pairs = new long[points * 2];
        int n = 0;
        for (int i = 0; i < points; i++) {
            long sample = b.getLong(body + 18 * i);
            if (sample == -1L) continue;
            pairs[n++] = sample;
            pairs[n++] = b.getLong(body + 18 * i + 8);
        }
        return Arrays.copyOf(pairs, n);
    }

}
