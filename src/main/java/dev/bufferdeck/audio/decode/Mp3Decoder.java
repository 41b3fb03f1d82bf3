package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.decode.mp3.Layer3Decoder;
import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.MediaBuffer;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;
import java.util.Arrays;

/**
 * MPEG Layer III through our {@link Layer3Decoder}, gapless like ffmpeg: the LAME encoder delay plus
 * the decoder's 529 samples are dropped at the start and the padding at the end. Samples are counted
 * by frame (each frame is {@code samplesPerFrame} samples, silence when a frame gives none), so
 * positions stay exact. A seek restarts the decoder {@value #PREROLL_FRAMES} frames before the
 * target's frame (bit reservoir and filter-bank overlap) and throws those away. Frames are copied
 * one at a time from the buffer into one array; nothing is allocated per frame.
 */
final class Mp3Decoder extends BlockDecoder {
    static final int PREROLL_FRAMES = 10;

    private final ByteSource bytes;
    private final MpegFrameIndex index;
    private final AudioFormat format;
    private final int channels;
    private final int spf;
    private final long leadingTrim;
    private final long playable;
    private final Layer3Decoder codec = new Layer3Decoder();
    private final byte[] frame = new byte[4096];
    private final short[] pending = new short[Layer3Decoder.MAX_SAMPLES_PER_FRAME];
    /** Index of the next MPEG frame to decode. */
    private int nextFrame;
    private long bytesRead;

    Mp3Decoder(MediaBuffer buffer, MpegFrameIndex index) throws IOException {
        super(2 * index.channels());
        this.bytes = buffer.bytes();
        this.index = index;
        this.channels = index.channels();
        this.spf = index.samplesPerFrame();
        this.leadingTrim = index.leadingTrim();
        this.playable = index.playableSamples();
        this.format = new AudioFormat(index.sampleRate(), 16, channels, true, false);
        seekToFrame(0);
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return playable; }

    long bytesRead() { return bytesRead; }

    /** Frame {@code nextFrame}; its first sample is {@code leadingTrim} before output frame 0 for the first frame. */
    @Override
    boolean decodeBlock() {
        if (nextFrame >= index.frameCount()) return false;
        long start = (long) nextFrame * spf - leadingTrim;
        decodeFrameInto(nextFrame++);
        block(start, spf);
        return true;
    }

    @Override
    void interleave(int from, int frames, byte[] buf, int off) {
        Pcm16.putLittleEndian(pending, from * channels, frames * channels, buf, off);
    }

    /** Decodes indexed frame {@code i} into {@link #pending}: always {@code spf} samples, silence where it gives none. */
    private void decodeFrameInto(int i) {
        int offset = index.frameOffset(i);
        int available = index.audioEnd() - offset;
        int length = Math.min(available, Layer3Decoder.frameBytes(0xFF, bytes.get(offset + 1) & 0xFF,
                bytes.get(offset + 2) & 0xFF, bytes.get(offset + 3) & 0xFF));
        int got = 0;
        if (length > 4 && length <= frame.length) {
            bytes.get(offset, frame, 0, length);
            bytesRead += length;
            try {
                got = codec.decodeFrame(frame, 0, length, pending) == spf ? spf * channels : 0;
            } catch (RuntimeException damaged) {
                codec.reset();   // bits that lead the Huffman reader off its tables: silence, then on
            }
        }
        if (got < pending.length) Arrays.fill(pending, got, pending.length, (short) 0);
    }

    @Override
    public void seekToFrame(long target) {
        long frame = Math.max(0, Math.min(target, playable));
        moveTo(frame);
        int containing = index.frameContaining(frame + leadingTrim);
        nextFrame = Math.max(0, containing - PREROLL_FRAMES);
        codec.reset();
    }
}
