package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.TitledDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.format.IcyMetadata;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MetadataStream;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;
import java.io.InputStream;

/**
 * Plays a live buffer (internet radio) from the oldest byte of its window on, frame after frame,
 * waiting for bytes as they arrive. Nothing to index and nowhere to seek: the length is unknown and
 * a seek stays where the stream is. MP3 only for now (the frames' own sync finds the next frame
 * after a reconnect or a lost stretch); frames in another rate or channel count are skipped. The
 * title is the ICY StreamTitle of the metadata the decoder's reads have passed, so it changes when
 * the audio after it is decoded.
 */
final class LiveDecoder implements TitledDecoder {
    private final MediaBuffer buffer;
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

    private LiveDecoder(MediaBuffer buffer, InputStream in, Bitstream bitstream, Header first) {
        this.buffer = buffer;
        this.in = in;
        this.bitstream = bitstream;
        this.rate = first.frequency();
        this.channels = first.mode() == Header.SINGLE_CHANNEL ? 1 : 2;
        this.format = new AudioFormat(rate, 16, channels, true, false);
    }

    static PcmDecoder open(MediaBuffer buffer) throws UnsupportedMediaException {
        try {
            buffer.awaitBytes(ProgressiveDecoder.FIRST_BYTES);
        } catch (IOException e) {
            throw new UnsupportedMediaException(buffer.name() + ": " + e.getMessage(), e);
        }
        AudioContainer container = AudioContainer.sniff(buffer.bytes());
        if (container != AudioContainer.MP3 && container != AudioContainer.NOT_AUDIO) {
            throw new UnsupportedMediaException(buffer.name() + ": live streams in " + container
                    + " are not supported yet (MP3 streams play).");
        }
        InputStream in = buffer.openStream();
        try {
            Bitstream probe = new Bitstream(in);
            Header first = probe.readFrame();
            if (first == null) throw new UnsupportedMediaException(buffer.name() + " ended before its first MP3 frame.");
            LiveDecoder d = new LiveDecoder(buffer, in, probe, first);
            d.decodeCurrent(first);
            return d;
        } catch (BitstreamException e) {
            throw new UnsupportedMediaException(buffer.name() + ": no MP3 frames in this stream (" + e.getMessage() + ").", e);
        }
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return -1; }
    @Override public long framePosition() { return position; }

    /** The ICY StreamTitle in effect for the frames read last, or null. */
    @Override
    public String title() {
        return in instanceof MetadataStream m ? IcyMetadata.streamTitle(m.metadata()) : null;
    }

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
