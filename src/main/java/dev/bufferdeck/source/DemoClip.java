package dev.bufferdeck.source;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The built-in demo clip, synthesised at startup: a C major 7 arpeggio over a soft pad, as
 * 16-bit stereo 44.1 kHz WAV bytes made in memory.
 */
public final class DemoClip {
    public static final String NAME = "BufferDeck demo clip.wav";
    public static final String RESOURCE = "demo clip";
    public static final int SAMPLE_RATE = 44_100;
    public static final double SECONDS = 6.0;

    private static final double[] ARPEGGIO = {261.63, 329.63, 392.00, 493.88, 523.25, 493.88, 392.00, 329.63,
            349.23, 440.00, 523.25, 659.25, 698.46, 659.25, 523.25, 440.00};
    private static final double[] PAD = {130.81, 196.00, 261.63};

    private DemoClip() {}

    public static byte[] wavBytes() {
        int frames = (int) (SAMPLE_RATE * SECONDS);
        int dataSize = frames * 4;
        ByteBuffer out = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes()).putInt(36 + dataSize).put("WAVE".getBytes());
        out.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 4).putShort((short) 4).putShort((short) 16);
        out.put("data".getBytes()).putInt(dataSize);
        double noteSeconds = SECONDS / ARPEGGIO.length;
        for (int i = 0; i < frames; i++) {
            double t = (double) i / SAMPLE_RATE;
            int note = Math.min(ARPEGGIO.length - 1, (int) (t / noteSeconds));
            double inNote = t - note * noteSeconds;
            double pluck = Math.exp(-inNote * 5.0) * Math.min(1, inNote * 200);
            double f = ARPEGGIO[note];
            double voice = (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t)) * pluck;
            double pad = 0;
            for (double p : PAD) pad += Math.sin(2 * Math.PI * p * t);
            double fade = Math.min(1, Math.min(t / 0.3, (SECONDS - t) / 0.8));
            double left = (0.32 * voice + 0.07 * pad) * fade;
            double right = (0.26 * voice + 0.09 * pad) * fade;
            out.putShort(toPcm(left)).putShort(toPcm(right));
        }
        return out.array();
    }

    private static short toPcm(double v) {
        return (short) Math.round(Math.max(-1, Math.min(1, v)) * 32767);
    }
}
