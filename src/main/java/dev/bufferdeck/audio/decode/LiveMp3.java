package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.repository.MediaBuffer;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;
import java.io.InputStream;

/**
 * MP3 from a live stream, frame after frame, waiting for bytes as they arrive (the frames' own sync
 * finds the next frame after a reconnect or a lost stretch); frames in another rate or channel count
 * are skipped.
 */
final class LiveMp3 implements PcmDecoder {
    private final InputStream in;
    private final AudioFormat format;
    private final int channels;
    private final int rate;
    private Bitstream bitstream;
    private final Decoder decoder = new Decoder();
    private short[] pending = new short[0];
    private int pendingStart;
    private int pendingEnd;
    private long position;
    private boolean ended;
    private boolean closed;

    private LiveMp3(InputStream in, Bitstream bitstream, Header first) {
        this.in = in;
        this.bitstream = bitstream;
        this.rate = first.frequency();
        this.channels = first.mode() == Header.SINGLE_CHANNEL ? 1 : 2;
        this.format = new AudioFormat(rate, 16, channels, true, false);
    }

    /** Reads the first frame from {@code in}. */
    static LiveMp3 open(MediaBuffer buffer, InputStream in) throws UnsupportedMediaException {
        try {
            Bitstream probe = new Bitstream(in);
            Header first = probe.readFrame();
            if (first == null) throw new UnsupportedMediaException(buffer.name() + " ended before its first MP3 frame.");
            LiveMp3 d = new LiveMp3(in, probe, first);
            d.decodeCurrent(first);
            return d;
        } catch (BitstreamException e) {
            throw new UnsupportedMediaException(buffer.name() + ": no MP3 frames in this stream (" + e.getMessage() + ").", e);
        }
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return -1; }
    @Override public long framePosition() { return position; }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (closed) throw new IllegalStateException("decoder is closed");
        int frameBytes = 2 * channels;
        int room = len / frameBytes;
        if (room == 0) throw new IllegalArgumentException("room for less than one frame");
        int written = 0;
        while (written < room) {
            if (pendingStart == pendingEnd && !decodeNext()) break;
            int frames = Math.min(room - written, (pendingEnd - pendingStart) / channels);
            Pcm16.putLittleEndian(pending, pendingStart, frames * channels, buf, off + written * frameBytes);
            pendingStart += frames * channels;
            written += frames;
        }
        position += written;
        return written == 0 ? -1 : written * frameBytes;
    }

    private boolean decodeNext() throws IOException {
        while (!ended) {
            try {
                Header h = bitstream.readFrame();
                if (h == null) {
                    ended = true;
                    return false;
                }
                if (decodeCurrent(h)) return true;
            } catch (BitstreamException e) {
                if (e.getCause() instanceof IOException io) throw io;
                bitstream = new Bitstream(in);   // lost sync: look for the next frame
            }
        }
        return false;
    }

    /** Decodes the frame whose header was just read; false when it was skipped. */
    private boolean decodeCurrent(Header h) throws BitstreamException {
        boolean same = h.frequency() == rate && (h.mode() == Header.SINGLE_CHANNEL ? 1 : 2) == channels;
        try {
            if (same) {
                SampleBuffer samples = (SampleBuffer) decoder.decodeFrame(h, bitstream);
                int n = samples.getBufferLength();
                if (pending.length < n) pending = new short[n];
                System.arraycopy(samples.getBuffer(), 0, pending, 0, n);
                pendingStart = 0;
                pendingEnd = n;
            }
        } catch (javazoom.jl.decoder.DecoderException | RuntimeException e) {
            same = false;   // a damaged frame is dropped
        } finally {
            bitstream.closeFrame();
        }
        return same && pendingEnd > 0;
    }

    @Override
    public void seekToFrame(long frame) {
        if (closed) throw new IllegalStateException("decoder is closed");
        // a live stream plays on from where it is
    }

    @Override
    public void close() {
        closed = true;
        try {
            bitstream.close();
        } catch (BitstreamException ignored) {
            // closing a stream over memory loses nothing
        }
    }
}
