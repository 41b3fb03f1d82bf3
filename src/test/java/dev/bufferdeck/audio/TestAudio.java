package dev.bufferdeck.audio;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Generated PCM and a small decoder over it, so player tests need no codec. */
public final class TestAudio {
    public static final AudioFormat CD = new AudioFormat(44_100f, 16, 2, true, false);
    public static final AudioFormat MONO_48K_24 = new AudioFormat(48_000f, 24, 1, true, false);

    private final MediaRepository repository = new MediaRepository(FormatDetector.NONE);
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(AudioFormat format, byte[] pcm, long failAtByte) {}

    /** Every frame different: left = frame & 0xFFFF, right = (frame >> 16) ^ 0x5A5A (16-bit stereo). */
    public static byte[] counter(int frames) {
        byte[] b = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            int right = (i >> 16) ^ 0x5A5A;
            b[i * 4] = (byte) i;
            b[i * 4 + 1] = (byte) (i >> 8);
            b[i * 4 + 2] = (byte) right;
            b[i * 4 + 3] = (byte) (right >> 8);
        }
        return b;
    }

    /** A sine at {@code hz} and {@code amplitude} (0..1 of full scale) on every channel, signed LE. */
    public static byte[] sine(AudioFormat f, double hz, double amplitude, int frames) {
        int bytes = f.getSampleSizeInBits() / 8;
        int channels = f.getChannels();
        byte[] b = new byte[frames * channels * bytes];
        double full = (1L << (f.getSampleSizeInBits() - 1)) - 1;
        int at = 0;
        for (int i = 0; i < frames; i++) {
            long v = Math.round(full * amplitude * Math.sin(2 * Math.PI * hz * i / f.getSampleRate()));
            for (int c = 0; c < channels; c++) {
                for (int k = 0; k < bytes; k++) b[at++] = (byte) (v >> (8 * k));
            }
        }
        return b;
    }

    /** The 16-bit little-endian sample at sample index {@code i}. */
    public static int sample16(byte[] b, int i) {
        return (short) ((b[2 * i] & 0xFF) | (b[2 * i + 1] << 8));
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    public static byte[] range(byte[] pcm, AudioFormat f, long fromFrame, long toFrame) {
        return Arrays.copyOfRange(pcm, (int) (fromFrame * f.getFrameSize()), (int) (toFrame * f.getFrameSize()));
    }

    /** A buffer whose decoder yields {@code pcm} in {@code format}. */
    public MediaBuffer buffer(String name, AudioFormat format, byte[] pcm) {
        return buffer(name, format, pcm, -1);
    }

    /** Like {@link #buffer(String, AudioFormat, byte[])}, but reading past byte {@code failAtByte} throws. */
    public MediaBuffer buffer(String name, AudioFormat format, byte[] pcm, long failAtByte) {
        byte[] unique = (name + "#" + System.nanoTime()).getBytes();
        try {
            MediaBuffer b = repository.add(unique, name, new Origin.BuiltIn(name), "").buffer();
            entries.put(b.id(), new Entry(format, pcm, failAtByte));
            return b;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public DecoderOpener opener() {
        return buffer -> {
            Entry e = entries.get(buffer.id());
            if (e == null) throw new UnsupportedMediaException(buffer.name() + " is not audio we can play.");
            return new ArrayDecoder(e.format(), e.pcm(), e.failAtByte());
        };
    }

    /** A PcmDecoder over an array, exact seeks, optionally failing at a byte offset like a corrupt file. */
    public static final class ArrayDecoder implements PcmDecoder {
        private final AudioFormat format;
        private final byte[] pcm;
        private final long failAtByte;
        private int pos;
        private volatile boolean closed;

        public ArrayDecoder(AudioFormat format, byte[] pcm, long failAtByte) {
            this.format = format;
            this.pcm = pcm;
            this.failAtByte = failAtByte;
        }

        @Override public AudioFormat format() { return format; }
        @Override public long totalFrames() { return pcm.length / format.getFrameSize(); }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (closed) throw new IOException("decoder closed");
            if (failAtByte >= 0 && pos >= failAtByte) throw new IOException("corrupt frame at byte " + pos);
            if (pos >= pcm.length) return -1;
            int n = Math.min(len - len % format.getFrameSize(), pcm.length - pos);
            if (failAtByte >= 0) n = (int) Math.min(n, Math.max(format.getFrameSize(), failAtByte - pos));
            System.arraycopy(pcm, pos, buf, off, n);
            pos += n;
            return n;
        }

        @Override
        public void seekToFrame(long frame) {
            pos = (int) Math.min(pcm.length, frame * format.getFrameSize());
        }

        @Override public long framePosition() { return pos / format.getFrameSize(); }
        @Override public void close() { closed = true; }
        public boolean isClosed() { return closed; }
    }
}
