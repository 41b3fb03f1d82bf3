package dev.bufferdeck.ui.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Small PCM WAV files made by tests. */
public final class Wavs {
    private Wavs() {}

    /** 16-bit stereo 44.1 kHz sine. */
    public static byte[] tone(double seconds, double hz) {
        int rate = 44_100;
        int frames = (int) Math.round(rate * seconds);
        int data = frames * 4;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4)
                .putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(data);
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(Math.sin(2 * Math.PI * hz * i / rate) * 8000);
            b.putShort(s).putShort(s);
        }
        return b.array();
    }

    /** 16-bit mono 8 kHz silence: a long track in a small file (10 minutes in 9.6 MB). */
    public static byte[] silence(double seconds) {
        int rate = 8_000;
        int data = (int) Math.round(rate * seconds) * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(data);
        return b.array();
    }

    /** A WAV whose format tag says IMA ADPCM (0x11): a real-world WAV the decoders refuse. */
    public static byte[] adpcm(double seconds) {
        byte[] b = tone(seconds, 440);
        b[20] = 0x11;
        b[21] = 0;
        return b;
    }
}
