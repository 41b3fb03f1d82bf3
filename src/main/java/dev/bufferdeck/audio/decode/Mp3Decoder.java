package dev.bufferdeck.audio.decode;

import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.repository.MediaBuffer;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * MPEG Layer III through JLayer, gapless like ffmpeg: the LAME encoder delay plus the decoder's 529
 * samples are dropped at the start and the padding at the end. Samples are counted by frame
 * (each frame is {@code samplesPerFrame} samples even when JLayer outputs nothing for it), so
 * positions stay exact. A seek reopens JLayer {@value #PREROLL_FRAMES} frames before the target's
 * frame (bit reservoir and filter-bank overlap) and throws those away.
 */
final class Mp3Decoder extends BlockDecoder {
    static final int PREROLL_FRAMES = 10;

    private final MediaBuffer buffer;
    private final MpegFrameIndex index;
    private final AudioFormat format;
    private final int channels;
    private final int spf;
    private final long leadingTrim;
    private final long playable;
    private final CountingInputStream.ByteCounter counter = new CountingInputStream.ByteCounter();

    private Bitstream bitstream;
    private Decoder decoder;
    /** Index of the next MPEG frame JLayer will decode. */
    private int nextFrame;
    private final short[] pending;

    Mp3Decoder(MediaBuffer buffer, MpegFrameIndex index) throws IOException {
        super(2 * index.channels());
        this.buffer = buffer;
        this.index = index;
        this.channels = index.channels();
        this.spf = index.samplesPerFrame();
        this.leadingTrim = index.leadingTrim();
        this.playable = index.playableSamples();
        this.format = new AudioFormat(index.sampleRate(), 16, channels, true, false);
        this.pending = new short[spf * channels];
        seekToFrame(0);
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return playable; }

    long bytesRead() { return counter.bytes(); }

    /** Frame {@code nextFrame}; its first sample is {@code leadingTrim} before output frame 0 for the first frame. */
    @Override
    boolean decodeBlock() throws IOException {
        if (nextFrame >= index.frameCount()) return false;
        long start = (long) nextFrame * spf - leadingTrim;
        decodeFrameInto(pending);
        block(start, spf);
        return true;
    }

    @Override
    void interleave(int from, int frames, byte[] buf, int off) {
        Pcm16.putLittleEndian(pending, from * channels, frames * channels, buf, off);
    }

    /** Decodes frame {@code nextFrame} (always {@code spf} samples, silence where damaged) and moves past it. */
    private void decodeFrameInto(short[] out) throws IOException {
        int got = 0;
        try {
            Header header = bitstream.readFrame();
            if (header != null) {
                SampleBuffer samples = (SampleBuffer) decoder.decodeFrame(header, bitstream);
                got = Math.min(samples.getBufferLength(), out.length);
                if (samples.getChannelCount() == channels) System.arraycopy(samples.getBuffer(), 0, out, 0, got);
                else got = 0;
            }
            bitstream.closeFrame();
            nextFrame++;
        } catch (BitstreamException | javazoom.jl.decoder.DecoderException | RuntimeException e) {
            // A damaged frame plays as silence; JLayer restarts at the next indexed frame.
            reopenAt(nextFrame + 1);
            got = 0;
        }
        Arrays.fill(out, got, out.length, (short) 0);
    }

    @Override
    public void seekToFrame(long target) throws IOException {
        long frame = Math.max(0, Math.min(target, playable));
        moveTo(frame);
        int containing = index.frameContaining(frame + leadingTrim);
        reopenAt(Math.max(0, containing - PREROLL_FRAMES));
    }

    private void reopenAt(int frame) throws IOException {
        closeBitstream();
        nextFrame = frame;
        if (frame >= index.frameCount()) {
            bitstream = null;
            return;
        }
        int offset = index.frameOffset(frame);
        bitstream = new Bitstream(new CountingInputStream(buffer.openStream(offset, index.audioEnd() - offset), counter));
        decoder = new Decoder();
    }

    private void closeBitstream() {
        if (bitstream == null) return;
        try {
            bitstream.close();
        } catch (BitstreamException ignored) {
            // closing a stream over an in-memory array cannot lose data
        }
        bitstream = null;
    }

    @Override
    public void close() {
        super.close();
        closeBitstream();
    }
}
