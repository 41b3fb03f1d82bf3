package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;

import javax.sound.sampled.AudioFormat;
import dev.bufferdeck.repository.ByteSource;

/** Uncompressed samples read straight from the buffer; seeking is arithmetic. */
final class PcmBufferDecoder implements PcmDecoder {
    private final ByteSource bytes;
    private final PcmLayout layout;
    private final PcmSampleConverter converter;
    private final AudioFormat format;
    private final int outFrameBytes;
    private byte[] scratch = new byte[0];
    private long frame;
    private boolean closed;

    PcmBufferDecoder(ByteSource bytes, PcmLayout layout) {
        this.bytes = bytes;
        this.layout = layout;
        this.converter = new PcmSampleConverter(layout);
        this.outFrameBytes = converter.outBytesPerSample() * layout.channels();
        this.format = new AudioFormat(layout.sampleRate(), layout.outputBits(), layout.channels(), true, false);
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return layout.frameCount(); }
    @Override public long framePosition() { return frame; }

    @Override
    public int read(byte[] buf, int off, int len) {
        if (closed) throw new IllegalStateException("decoder is closed");
        long left = layout.frameCount() - frame;
        if (left <= 0) return -1;
        int frames = (int) Math.min(left, len / outFrameBytes);
        if (frames == 0) throw new IllegalArgumentException("room for less than one frame");
        int inLength = frames * layout.frameBytes();
        if (scratch.length < inLength) scratch = new byte[inLength];
        bytes.get((int) (layout.dataOffset() + frame * layout.frameBytes()), scratch, 0, inLength);
        converter.convert(scratch, 0, frames * layout.channels(), buf, off);
        frame += frames;
        return frames * outFrameBytes;
    }

    @Override
    public void seekToFrame(long target) {
        frame = Math.max(0, Math.min(target, layout.frameCount()));
    }

    @Override
    public void close() {
        closed = true;
    }
}
