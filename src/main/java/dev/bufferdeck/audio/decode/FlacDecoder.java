package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.format.index.FlacFrameLocator;
import dev.bufferdeck.format.index.FlacStreamInfo;
import dev.bufferdeck.repository.MediaBuffer;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;

/**
 * FLAC through jflac, bit-exact. A seek finds the frame holding the target by its headers (seek
 * table, then bisection), restarts jflac there on a stream made of "fLaC" + STREAMINFO followed by
 * the buffer's bytes from that frame, and discards samples up to the target.
 */
final class FlacDecoder implements PcmDecoder {
    private final MediaBuffer buffer;
    private final FlacStreamInfo info;
    private final FlacFrameLocator locator;
    private final AudioFormat format;
    private final int outBytes;
    private final long total;
    private final CountingInputStream.ByteCounter counter = new CountingInputStream.ByteCounter();

    private FLACDecoder flac;
    /** Sample index of the next sample to hand out; decoded samples before it are discarded. */
    private long position;
    private int[][] pending = new int[0][];
    private int pendingStart;
    private int pendingEnd;
    private boolean ended;
    private boolean closed;

    FlacDecoder(MediaBuffer buffer, FlacStreamInfo info) throws IOException {
        this.buffer = buffer;
        this.info = info;
        this.locator = new FlacFrameLocator(buffer.bytes(), info);
        int outBits = info.bitsPerSample() > 16 ? 24 : 16;
        this.outBytes = outBits / 8;
        this.format = new AudioFormat(info.sampleRate(), outBits, info.channels(), true, false);
        this.total = locator.totalSamples();
        seekToFrame(0);
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return total; }
    @Override public long framePosition() { return position; }

    long bytesRead() { return counter.bytes(); }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (closed) throw new IllegalStateException("decoder is closed");
        int channels = info.channels();
        int frameBytes = outBytes * channels;
        int room = len / frameBytes;
        if (room == 0) throw new IllegalArgumentException("room for less than one frame");
        int written = 0;
        int shift16 = 16 - info.bitsPerSample();
        int shift24 = 24 - info.bitsPerSample();
        while (written < room && position < total) {
            if (pendingStart == pendingEnd && !decodeNext()) break;
            int frames = (int) Math.min(Math.min(room - written, pendingEnd - pendingStart), total - position);
            int o = off + written * frameBytes;
            for (int i = pendingStart; i < pendingStart + frames; i++) {
                for (int c = 0; c < channels; c++) {
                    int v = pending[c][i];
                    if (outBytes == 2) {
                        v = shift16 >= 0 ? v << shift16 : v >> -shift16;
                    } else {
                        v = shift24 >= 0 ? v << shift24 : v >> -shift24;
                    }
                    buf[o++] = (byte) v;
                    buf[o++] = (byte) (v >> 8);
                    if (outBytes == 3) buf[o++] = (byte) (v >> 16);
                }
            }
            pendingStart += frames;
            position += frames;
            written += frames;
        }
        return written == 0 ? -1 : written * frameBytes;
    }

    /** Decodes frames until one holds samples at or after {@code position}; false at the end. */
    private boolean decodeNext() throws IOException {
        while (!ended) {
            if (pastStreamInfoTotal()) {
                ended = true;
                break;
            }
            Frame frame;
            try {
                frame = flac.readNextFrame();
            } catch (JflacGoingInCircles e) {
                ended = true;
                break;
            } catch (IOException | RuntimeException e) {
                throw new IOException(buffer.name() + ": the FLAC data is corrupt (" + e.getMessage() + ")", e);
            }
            if (frame == null) {
                ended = true;
                break;
            }
            long start = frame.header.sampleNumber;
            int size = frame.header.blockSize;
            if (start > position) {
                // jflac skipped damaged frames: what is missing plays as silence.
                fillSilence((int) Math.min(start - position, 1 << 20));
                return true;
            }
            if (start + size <= position) continue;
            ChannelData[] data = flac.getChannelData();
            if (pending.length != info.channels() || pending[0].length < size) pending = new int[info.channels()][size];
            for (int c = 0; c < info.channels(); c++) System.arraycopy(data[c].getOutput(), 0, pending[c], 0, size);
            pendingStart = (int) (position - start);
            pendingEnd = size;
            return true;
        }
        return false;
    }

    /**
     * jflac 1.5.2's {@code readNextFrame} retries a damaged frame header without moving on in two
     * states: once it has decoded STREAMINFO's total samples (it stops looking for a frame sync), and
     * at the end of the data (its frame sync search swallows the EOF). Either would loop for ever.
     * The first is checked here before each frame; both are caught inside the call by the error
     * listener set up in {@link #seekToFrame}, since jflac reports every retry to it.
     */
    private boolean pastStreamInfoTotal() {
        org.jflac.metadata.StreamInfo si = flac.getStreamInfo();
        return si != null && si.getTotalSamples() > 0 && flac.getSamplesDecoded() >= si.getTotalSamples();
    }

    /** Thrown from jflac's error callback to leave its retry loop; the stream counts as ended there. */
    private static final class JflacGoingInCircles extends RuntimeException {
        JflacGoingInCircles() {
            super(null, null, false, false);
        }
    }

    private void fillSilence(int samples) {
        if (pending.length != info.channels() || pending[0].length < samples) pending = new int[info.channels()][samples];
        for (int[] channel : pending) java.util.Arrays.fill(channel, 0, samples, 0);
        pendingStart = 0;
        pendingEnd = samples;
    }

    @Override
    public void seekToFrame(long target) throws IOException {
        if (closed) throw new IllegalStateException("decoder is closed");
        position = Math.max(0, Math.min(target, total));
        pendingStart = pendingEnd = 0;
        FlacFrameLocator.FrameStart frame = locator.frameFor(position);
        ended = frame == null;
        if (ended) return;
        ByteArrayInputStream header = new ByteArrayInputStream(concat("fLaC".getBytes(), info.streamInfoBlock()));
        int length = buffer.size() - frame.offset();
        flac = new FLACDecoder(new SequenceInputStream(header,
                new CountingInputStream(buffer.openStream(frame.offset(), length), counter)));
        flac.readMetadata();
        FLACDecoder decoder = flac;
        flac.addFrameListener(new FrameListener() {
            private long lastErrorAt = -1;
            private int errorsHere;

            @Override public void processMetadata(Metadata metadata) {}
            @Override public void processFrame(Frame f) {}

            /** Every retry consumes bytes; several errors at one position mean jflac is going round in circles. */
            @Override
            public void processError(String message) {
                long at = decoder.getTotalBytesRead();
                if (at != lastErrorAt) {
                    lastErrorAt = at;
                    errorsHere = 1;
                } else if (++errorsHere >= 4) {
                    throw new JflacGoingInCircles();
                }
            }
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Override
    public void close() {
        closed = true;
        flac = null;
    }
}
