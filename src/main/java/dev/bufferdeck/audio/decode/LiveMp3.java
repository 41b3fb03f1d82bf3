package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.decode.mp3.Layer3Decoder;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * MP3 from a live stream, frame after frame as the bytes arrive, while the frames keep the first
 * one's MPEG version, rate and channels. Anything else at the next byte (damaged bytes, a frame in
 * another rate, an Ogg page or an ADTS frame) ends this part and is left to {@link LiveDecoder},
 * which finds the next part there. Frames that give no samples (a bit reservoir reaching back
 * before the part began) are passed over.
 */
final class LiveMp3 extends LiveFrames {
    private final LiveBytes bytes;
    private final AudioFormat format;
    private final int version;
    private final int rateIndex;
    private final boolean mono;
    private final Layer3Decoder codec = new Layer3Decoder();
    private final byte[] frame = new byte[4096];
    private boolean ended;

    private LiveMp3(LiveBytes bytes, int b1, int b2, int b3) {
        this.bytes = bytes;
        this.version = b1 & 0x18;
        this.rateIndex = (b2 >> 2) & 3;
        this.mono = (b3 & 0xC0) == 0xC0;
        int hz = new int[] {44100, 48000, 32000}[rateIndex] >> (version == 0x18 ? 0 : 1) >> (version == 0 ? 1 : 0);
        this.format = new AudioFormat(hz, 16, mono ? 1 : 2, true, false);
        this.pending = new short[Layer3Decoder.MAX_SAMPLES_PER_FRAME];
    }

    /** A reader from the MP3 frame at the next byte, when {@link #atFrame} holds; else null. */
    static LiveMp3 open(LiveBytes bytes) throws IOException {
        return atFrame(bytes) ? new LiveMp3(bytes, bytes.at(1), bytes.at(2), bytes.at(3)) : null;
    }

    /** True when an MP3 frame starts at the next byte and the frame after it agrees, or the stream ends there. */
    static boolean atFrame(LiveBytes bytes) throws IOException {
        int length = frameLength(bytes, 0);
        if (length == 0 || !bytes.peek(length)) return false;
        if (!bytes.peek(length + 4)) return true;
        int next = frameLength(bytes, length);
        return next > 0 && (bytes.at(length + 1) & 0x18) == (bytes.at(1) & 0x18)
                && ((bytes.at(length + 2) ^ bytes.at(2)) & 0x0C) == 0
                && ((bytes.at(length + 3) & 0xC0) == 0xC0) == ((bytes.at(3) & 0xC0) == 0xC0);
    }

    /** Bytes in the Layer III frame whose header is {@code at} bytes ahead (peeked), or 0 when none is there. */
    private static int frameLength(LiveBytes bytes, int at) throws IOException {
        if (!bytes.peek(at + 4)) return 0;
        return Layer3Decoder.frameBytes(bytes.at(at), bytes.at(at + 1), bytes.at(at + 2), bytes.at(at + 3));
    }

    /** True when a frame of this stream starts {@code at} bytes ahead. */
    private boolean continuesAt(int at) throws IOException {
        return frameLength(bytes, at) > 0 && (bytes.at(at + 1) & 0x18) == version && ((bytes.at(at + 2) >> 2) & 3) == rateIndex
                && ((bytes.at(at + 3) & 0xC0) == 0xC0) == mono;
    }

    @Override public AudioFormat format() { return format; }

    @Override
    boolean decodeNext() throws IOException {
        while (!ended) {
            if (!continuesAt(0)) break;
            int length = frameLength(bytes, 0);
            if (length > frame.length || !bytes.peek(length)) break;
            bytes.copy(length, frame, 0);
            bytes.skip(length);
            int samples;
            try {
                samples = codec.decodeFrame(frame, 0, length, pending);
            } catch (RuntimeException damaged) {
                codec.reset();   // bits that lead the Huffman reader off its tables: the frame is dropped
                continue;
            }
            if (samples == 0) continue;
            pendingStart = 0;
            pendingEnd = samples * format.getChannels();
            return true;
        }
        ended = true;
        return false;
    }

    @Override
    public void close() {
        ended = true;
    }
}
