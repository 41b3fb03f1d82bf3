package dev.bufferdeck.format.index;

import dev.bufferdeck.repository.ByteSource;

/**
 * Finds FLAC frames by their headers (sync code, valid fields, CRC-8), and the frame holding a given
 * sample by bisection over byte offsets, narrowed first by the SEEKTABLE when there is one.
 */
public final class FlacFrameLocator {
    /** A frame header found in the bytes: where it starts, its first sample, and its length up to and with its CRC-8. */
    public record FrameStart(int offset, long sample, int blockSize, int headerLength) {}

    private final ByteSource b;
    private final FlacStreamInfo info;
    private final int end;

    public FlacFrameLocator(ByteSource bytes, FlacStreamInfo info) {
        this.b = bytes;
        this.info = info;
        this.end = bytes.limit();
    }

    /** The frame whose samples include {@code target}, or the last frame before it; null when no frame is found. */
    public FrameStart frameFor(long target) {
        FrameStart lo = headerAt(info.firstFrame());
        if (lo == null) lo = nextFrame(info.firstFrame());
        if (lo == null) return null;
        int hi = end;
        long[] seek = info.seekPoints();
        for (int i = 0; i + 1 < seek.length; i += 2) {
            long offset = info.firstFrame() + seek[i + 1];
            if (offset >= end) break;
            FrameStart point = headerAt((int) offset);
            if (point == null) continue;
            if (point.sample() <= target) {
                if (point.sample() >= lo.sample()) lo = point;
            } else {
                hi = Math.min(hi, point.offset());
                break;
            }
        }
        int scanWindow = Math.max(16 * 1024, info.maxFrameSize() * 2);
        while (hi - lo.offset() > scanWindow) {
            int mid = lo.offset() + (hi - lo.offset()) / 2;
            FrameStart probe = nextFrame(mid);
            if (probe == null || probe.offset() >= hi || probe.sample() > target) {
                hi = mid;
            } else {
                lo = probe;
            }
        }
        FrameStart best = lo;
        for (FrameStart f = nextFrame(lo.offset() + 1); f != null && f.sample() <= target; f = nextFrame(f.offset() + 1)) {
            best = f;
        }
        return best;
    }

    /** Samples per channel: STREAMINFO's count, or where the last frame ends when the encoder left it 0. */
    public long totalSamples() {
        if (info.totalSamples() > 0) return info.totalSamples();
        FrameStart last = frameFor(Long.MAX_VALUE);
        return last == null ? 0 : last.sample() + last.blockSize();
    }

    /** The first valid frame header at or after {@code from}, or null. */
    public FrameStart nextFrame(int from) {
        for (int pos = Math.max(from, info.firstFrame()); pos + 6 <= end; pos++) {
            if (b.get(pos) != (byte) 0xFF || (b.get(pos + 1) & 0xFE) != 0xF8) continue;
            FrameStart f = headerAt(pos);
            if (f != null) return f;
        }
        return null;
    }

    /** The frame header at exactly {@code pos}, or null when the bytes there are not one. */
    public FrameStart headerAt(int pos) {
        if (pos < 0 || pos + 6 > end) return null;
        if (b.get(pos) != (byte) 0xFF || (b.get(pos + 1) & 0xFE) != 0xF8) return null;
        boolean variable = (b.get(pos + 1) & 1) != 0;
        int blockCode = (b.get(pos + 2) & 0xF0) >>> 4;
        int rateCode = b.get(pos + 2) & 0x0F;
        int channelCode = (b.get(pos + 3) & 0xF0) >>> 4;
        int sizeCode = (b.get(pos + 3) & 0x0E) >>> 1;
        if (blockCode == 0 || rateCode == 15 || channelCode > 10 || sizeCode == 3 || (b.get(pos + 3) & 1) != 0) return null;
        if (!matchesStream(rateCode, channelCode, sizeCode)) return null;
        int p = pos + 4;
        int first = b.get(p) & 0xFF;
        int extra;
        long number;
        if (first < 0x80) { number = first; extra = 0; }
        else if (first >= 0xC0 && first < 0xE0) { number = first & 0x1F; extra = 1; }
        else if (first >= 0xE0 && first < 0xF0) { number = first & 0x0F; extra = 2; }
        else if (first >= 0xF0 && first < 0xF8) { number = first & 0x07; extra = 3; }
        else if (first >= 0xF8 && first < 0xFC) { number = first & 0x03; extra = 4; }
        else if (first >= 0xFC && first < 0xFE) { number = first & 0x01; extra = 5; }
        else if (first == 0xFE) { number = 0; extra = 6; }
        else return null;
        p++;
        if (p + extra + 3 > end) return null;
        for (int i = 0; i < extra; i++, p++) {
            int c = b.get(p) & 0xFF;
            if ((c & 0xC0) != 0x80) return null;
            number = (number << 6) | (c & 0x3F);
        }
        int blockSize;
        if (blockCode == 1) blockSize = 192;
        else if (blockCode <= 5) blockSize = 576 << (blockCode - 2);
        else if (blockCode == 6) blockSize = (b.get(p++) & 0xFF) + 1;
        else if (blockCode == 7) { blockSize = (b.getShort(p) & 0xFFFF) + 1; p += 2; }
        else blockSize = 256 << (blockCode - 8);
        if (rateCode == 12) p += 1;
        else if (rateCode == 13 || rateCode == 14) p += 2;
        if (p >= end || crc8(pos, p) != (b.get(p) & 0xFF)) return null;
        long sample = variable ? number : number * info.maxBlockSize();
        if (info.totalSamples() > 0 && sample >= info.totalSamples()) return null;
        return new FrameStart(pos, sample, blockSize, p - pos + 1);
    }

    private static final int[] RATES = {0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000};
    private static final int[] SIZES = {0, 8, 12, 0, 16, 20, 24, 32};

    private boolean matchesStream(int rateCode, int channelCode, int sizeCode) {
        int channels = channelCode < 8 ? channelCode + 1 : 2;
        if (channels != info.channels()) return false;
        if (sizeCode != 0 && SIZES[sizeCode] != info.bitsPerSample()) return false;
        return rateCode == 0 || rateCode > 11 || RATES[rateCode] == info.sampleRate();
    }

    private int crc8(int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= b.get(i) & 0xFF;
            for (int k = 0; k < 8; k++) crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
        }
        return crc;
    }
}
