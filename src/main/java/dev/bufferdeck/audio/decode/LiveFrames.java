package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;

import java.io.IOException;

/**
 * The read loop of a live stream part that decodes one frame at a time (an MP3 frame, an ADTS
 * frame): hand out the frame in hand, decode the next when it is used up, end when the part ends.
 * A subclass decodes into {@link #pending}; position, title and format changes between parts are
 * {@link LiveDecoder}'s.
 */
abstract class LiveFrames implements PcmDecoder {
    /** Interleaved samples of the frame in hand, {@code [pendingStart, pendingEnd)} not handed out yet. */
    short[] pending = new short[0];
    int pendingStart;
    int pendingEnd;
    private long position;

    /** Decodes the next frame of this part into {@link #pending}; false when the part ends here. */
    abstract boolean decodeNext() throws IOException;

    @Override
    public final int read(byte[] buf, int off, int len) throws IOException {
        int frameBytes = format().getFrameSize();
        int channels = format().getChannels();
        int room = len / frameBytes;
        if (room == 0) throw new IllegalArgumentException("room for less than one frame");
        if (pendingStart == pendingEnd && !decodeNext()) return -1;
        int frames = Math.min(room, (pendingEnd - pendingStart) / channels);
        Pcm16.putLittleEndian(pending, pendingStart, frames * channels, buf, off);
        pendingStart += frames * channels;
        position += frames;
        return frames * frameBytes;
    }

    @Override public final long totalFrames() { return -1; }
    @Override public final long framePosition() { return position; }

    @Override
    public final void seekToFrame(long frame) {
        // a live stream plays on from where it is
    }
}
