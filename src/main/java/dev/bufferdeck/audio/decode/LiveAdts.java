package dev.bufferdeck.audio.decode;

import dev.bufferdeck.format.AdtsHeader;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * AAC in ADTS from a live stream, frame after frame as the bytes arrive, while the frames keep the
 * first one's profile, rate and channels; a frame that changes them is left for the next reader
 * (the stream's format changed). Damaged frames are dropped; lost sync is found again.
 */
final class LiveAdts extends LiveFrames {
    /** How far to look for the next frame after damaged bytes before giving the bytes to another reader. */
    private static final int RESYNC_REACH = 64 * 1024;

    private final LiveBytes bytes;
    private final AdtsHeader first;
    private final AacCodec codec;
    private AudioFormat format;
    private boolean ended;

    private LiveAdts(LiveBytes bytes, AdtsHeader first) throws IOException {
        this.bytes = bytes;
        this.first = first;
        this.codec = new AacCodec(first.audioSpecificConfig());
    }

    /** The frame header at the next byte when two frames in a row agree there, else null. */
    static AdtsHeader header(LiveBytes bytes) throws IOException {
        if (!bytes.peek(7)) return null;
        AdtsHeader h = AdtsHeader.parse(bytes.view(7), 0);
        if (h == null || h.channelConfig() == 0 || h.rawBlocks() > 1) return null;
        if (!bytes.peek(h.frameLength() + 7)) return bytes.peek(h.frameLength()) ? h : null;
        return h.sameStream(AdtsHeader.parse(bytes.view(h.frameLength() + 7), h.frameLength())) ? h : null;
    }

    /** A reader from the frame at the next byte, its first frame decoded; null when none is there. */
    static LiveAdts open(LiveBytes bytes) throws IOException {
        AdtsHeader h = header(bytes);
        if (h == null) return null;
        LiveAdts adts = new LiveAdts(bytes, h);
        return adts.decodeNext() ? adts : null;
    }

    @Override public AudioFormat format() { return format; }

    @Override
    boolean decodeNext() throws IOException {
        int scanned = 0;
        while (!ended) {
            if (!bytes.peek(7)) break;
            AdtsHeader h = AdtsHeader.parse(bytes.view(7), 0);
            if (h == null) {
                if (scanned++ > RESYNC_REACH || LiveOggLink.atPage(bytes)) break;
                bytes.skip(1);
                continue;
            }
            if (!first.sameStream(h)) break;
            if (!bytes.peek(h.frameLength())) break;
            byte[] raw = new byte[h.frameLength() - h.headerLength()];
            bytes.skip(h.headerLength());
            bytes.copy(raw.length, raw, 0);
            bytes.skip(raw.length);
            AacCodec.Output out;
            try {
                out = codec.decode(raw);
            } catch (IOException e) {
                codec.reset();   // a damaged frame becomes nothing; the stream plays on
                continue;
            }
            if (out.frames == 0) continue;
            if (format == null) format = new AudioFormat(out.sampleRate, 16, out.channels, true, false);
            else if (out.channels != format.getChannels() || out.sampleRate != format.getSampleRate()) break;
            int n = out.frames * out.channels;
            if (pending.length < n) pending = new short[n];
            System.arraycopy(out.samples, 0, pending, 0, n);
            pendingStart = 0;
            pendingEnd = n;
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
