package dev.bufferdeck.ui.services;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The few facts of a PCM WAV header the stand-ins need. */
record WavInfo(int channels, int sampleRate, int bits, long dataBytes) {

    long durationMillis() {
        long frameBytes = (long) channels * Math.max(1, bits / 8);
        return frameBytes == 0 || sampleRate == 0 ? -1 : dataBytes / frameBytes * 1000 / sampleRate;
    }

    static WavInfo parse(ByteBuffer bytes) {
        ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) return null;
        int pos = 12;
        int channels = 0, rate = 0, bits = 0;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            if (id == 0x20746d66 && pos + 24 <= b.limit()) {
                channels = b.getShort(pos + 10);
                rate = b.getInt(pos + 12);
                bits = b.getShort(pos + 22);
            } else if (id == 0x61746164) {
                long data = Math.min(size, b.limit() - pos - 8L);
                return channels == 0 ? null : new WavInfo(channels, rate, bits, data);
            }
            pos += 8 + size + (size & 1);
        }
        return null;
    }
}
