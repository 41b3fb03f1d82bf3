package dev.bufferdeck.audio.decode;

import dev.bufferdeck.format.index.FlacFrameLocator;
import dev.bufferdeck.format.index.FlacStreamInfo;
import dev.bufferdeck.repository.MediaBuffer;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.jflac.metadata.StreamInfo;

import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;

/**
 * FLAC through jflac, bit-exact. A seek finds the frame holding the target by its headers (seek
 * table, then bisection), restarts jflac there on a stream made of "fLaC" + STREAMINFO followed by
 * the buffer's bytes from that frame, and discards samples up to the target.
 */
final class FlacDecoder extends BlockDecoder {
    private final MediaBuffer buffer;
    private final FlacStreamInfo info;
    private final FlacFrameLocator locator;
    private final AudioFormat format;
    private final int outBytes;
    private final long total;
    private final CountingInputStream.ByteCounter counter = new CountingInputStream.ByteCounter();

    private final int shift;

    private FLACDecoder flac;
    private int[][] pending = new int[0][];
    private boolean ended;

    FlacDecoder(MediaBuffer buffer, FlacStreamInfo info) throws IOException {
        super((info.bitsPerSample() > 16 ? 3 : 2) * info.channels());
        this.buffer = buffer;
        this.info = info;
        this.locator = new FlacFrameLocator(buffer.bytes(), info);
        int outBits = info.bitsPerSample() > 16 ? 24 : 16;
        this.outBytes = outBits / 8;
        this.shift = outBits - info.bitsPerSample();
        this.format = new AudioFormat(info.sampleRate(), outBits, info.channels(), true, false);
        this.total = locator.totalSamples();
        seekToFrame(0);
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return total; }

    long bytesRead() { return counter.bytes(); }

    @Override
    void interleave(int from, int frames, byte[] buf, int off) {
        int channels = info.channels();
        int o = off;
        for (int i = from; i < from + frames; i++) {
            for (int c = 0; c < channels; c++) {
                int v = pending[c][i];
                v = shift >= 0 ? v << shift : v >> -shift;
                buf[o++] = (byte) v;
                buf[o++] = (byte) (v >> 8);
                if (outBytes == 3) buf[o++] = (byte) (v >> 16);
            }
        }
    }

    /** The next FLAC frame, or silence for frames jflac skipped as damaged; false at the end. */
    @Override
    boolean decodeBlock() throws IOException {
        if (!ended) {
            if (pastStreamInfoTotal()) {
                ended = true;
                return false;
            }
            Frame frame;
            try {
                frame = flac.readNextFrame();
            } catch (JflacGoingInCircles e) {
                ended = true;
                return false;
            } catch (IOException | RuntimeException e) {
                throw new IOException(buffer.name() + ": the FLAC data is corrupt (" + e.getMessage() + ")", e);
            }
            if (frame == null) {
                ended = true;
                return false;
            }
            long start = frame.header.sampleNumber;
            int size = frame.header.blockSize;
            long position = framePosition();
            if (start > position) {
                // jflac skipped damaged frames: what is missing plays as silence.
                int silence = (int) Math.min(start - position, 1 << 20);
                fillSilence(silence);
                block(position, silence);
                return true;
            }
            if (start + size > position) {
                ChannelData[] data = flac.getChannelData();
                if (pending.length != info.channels() || pending[0].length < size) pending = new int[info.channels()][size];
                for (int c = 0; c < info.channels(); c++) System.arraycopy(data[c].getOutput(), 0, pending[c], 0, size);
            }
            block(start, size);
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
        StreamInfo si = flac.getStreamInfo();
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
        for (int[] channel : pending) Arrays.fill(channel, 0, samples, 0);
    }

    @Override
    public void seekToFrame(long target) throws IOException {
        long position = Math.max(0, Math.min(target, total));
        moveTo(position);
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
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Override
    public void close() {
        super.close();
        flac = null;
    }
}
