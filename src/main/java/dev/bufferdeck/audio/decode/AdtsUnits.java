package dev.bufferdeck.audio.decode;

import dev.bufferdeck.format.AdtsHeader;
import dev.bufferdeck.format.index.AdtsFrameIndex;
import dev.bufferdeck.repository.MediaBuffer;

import dev.bufferdeck.repository.ByteSource;

/** The frames of an ADTS stream without their headers; every frame lasts the same 1024 samples per block. */
final class AdtsUnits implements AacUnits {
    private final MediaBuffer buffer;
    private final ByteSource bytes;
    private final AdtsFrameIndex index;
    private final int samplesPerFrame;

    AdtsUnits(MediaBuffer buffer, AdtsFrameIndex index) {
        this.buffer = buffer;
        this.bytes = buffer.bytes();
        this.index = index;
        this.samplesPerFrame = index.samplesPerFrame();
    }

    @Override public int count() { return index.frameCount(); }
    @Override public int present() { return index.frameCount(); }
    @Override public long timescale() { return index.firstHeader().sampleRate(); }
    @Override public long time(int unit) { return (long) unit * samplesPerFrame; }
    @Override public int unitAt(long t) { return (int) Math.max(0, Math.min(count() - 1, t / samplesPerFrame)); }

    @Override
    public byte[] read(int unit) {
        int at = index.frameOffset(unit);
        AdtsHeader h = AdtsHeader.parse(bytes, at);
        byte[] raw = new byte[h.frameLength() - h.headerLength()];
        buffer.copy(at + h.headerLength(), raw, 0, raw.length);
        return raw;
    }
}
