package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.decode.flac.FlacFrameDecoder;
import dev.bufferdeck.format.index.FlacFrameLocator;
import dev.bufferdeck.format.index.FlacStreamInfo;
import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.MediaBuffer;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * FLAC through our {@link FlacFrameDecoder}, bit-exact. Frames are found by their headers (sync,
 * fields, CRC-8); a damaged frame (bad subframes, CRC-16 mismatch, cut short) is skipped and what it
 * held plays as silence. A seek finds the frame holding the target (seek table, then bisection),
 * decodes from there and discards samples up to the target.
 */
final class FlacDecoder extends BlockDecoder {
    private final ByteSource bytes;
    private final FlacStreamInfo info;
    private final FlacFrameLocator locator;
    private final FlacFrameDecoder frames;
    private final AudioFormat format;
    private final int outBytes;
    private final long total;
    private final int shift;

    private int[][] pending;
    private final int[][] decodedChannels;
    private int[][] silence;
    /** Where the next frame header is looked for; -1 at the end. */
    private int offset;

    FlacDecoder(MediaBuffer buffer, FlacStreamInfo info) throws IOException {
        super((info.bitsPerSample() > 16 ? 3 : 2) * info.channels());
        this.bytes = buffer.bytes();
        this.info = info;
        this.locator = new FlacFrameLocator(bytes, info);
        this.frames = new FlacFrameDecoder(bytes, info.channels(), info.bitsPerSample(), info.maxBlockSize());
        int outBits = info.bitsPerSample() > 16 ? 24 : 16;
        this.outBytes = outBits / 8;
        this.shift = outBits - info.bitsPerSample();
        this.format = new AudioFormat(info.sampleRate(), outBits, info.channels(), true, false);
        this.total = locator.totalSamples();
        this.decodedChannels = new int[info.channels()][];
        this.silence = new int[info.channels()][0];
        seekToFrame(0);
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return total; }

    long bytesRead() { return frames.bytesRead(); }

    @Override
    void interleave(int from, int frames, byte[] buf, int off) {
        int channels = info.channels();
        for (int c = 0; c < channels; c++) {
            int[] samples = pending[c];
            int step = channels * outBytes;
            int o = off + c * outBytes;
            if (outBytes == 2 && shift == 0) {
                for (int i = from; i < from + frames; i++, o += step) {
                    int v = samples[i];
                    buf[o] = (byte) v;
                    buf[o + 1] = (byte) (v >> 8);
                }
            } else {
                for (int i = from; i < from + frames; i++, o += step) {
                    int v = shift >= 0 ? samples[i] << shift : samples[i] >> -shift;
                    buf[o] = (byte) v;
                    buf[o + 1] = (byte) (v >> 8);
                    if (outBytes == 3) buf[o + 2] = (byte) (v >> 16);
                }
            }
        }
    }

    /** The next FLAC frame, or silence for damaged frames skipped; false at the end. */
    @Override
    boolean decodeBlock() {
        long position = framePosition();
        while (offset >= 0 && position < total) {
            FlacFrameLocator.FrameStart frame = locator.headerAt(offset);
            if (frame == null) frame = locator.nextFrame(offset + 1);
            if (frame == null) break;
            int channelCode = (bytes.get(frame.offset() + 3) & 0xF0) >>> 4;
            int next = frames.decode(frame.offset(), frame.offset() + frame.headerLength(), channelCode, frame.blockSize());
            offset = next < 0 ? frame.offset() + 1 : next;
            if (next < 0 || frame.sample() + frame.blockSize() <= position) continue;
            if (frame.sample() > position) {
                int silence = (int) Math.min(frame.sample() - position, 1 << 20);
                fillSilence(silence);
                offset = frame.offset();
                block(position, silence);
                return true;
            }
            pending = channelsOf(frames);
            block(frame.sample(), frame.blockSize());
            return true;
        }
        offset = -1;
        return false;
    }

    private int[][] channelsOf(FlacFrameDecoder decoded) {
        for (int c = 0; c < decodedChannels.length; c++) decodedChannels[c] = decoded.channel(c);
        return decodedChannels;
    }

    /** Zeros, never written to: a gap left by damaged frames. */
    private void fillSilence(int samples) {
        if (silence[0].length < samples) silence = new int[info.channels()][samples];
        pending = silence;
    }

    @Override
    public void seekToFrame(long target) throws IOException {
        long position = Math.max(0, Math.min(target, total));
        moveTo(position);
        FlacFrameLocator.FrameStart frame = locator.frameFor(position);
        offset = frame == null ? -1 : frame.offset();
    }
}
