package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;

import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * A 16-bit decoder's output in another rate and channel count, for a chain link or stream part that
 * differs from what the line was opened with (the line keeps one format per track). Channels are
 * copied (mono to every channel), averaged (to mono) or dropped; the rate is changed by linear
 * interpolation, which is plain but keeps the music going. Same rate and channels copy exactly.
 */
final class ConvertedDecoder implements PcmDecoder {
    private final PcmDecoder inner;
    private final AudioFormat format;
    private final int inChannels;
    private final int outChannels;
    private final long inRate;
    private final long outRate;
    private final long total;
    private final byte[] bytes = new byte[8192];
    private short[] samples = new short[0];
    /** Frames held in {@link #samples}, and the inner frame the first of them is. */
    private int held;
    private long heldStart;
    private boolean innerEnded;
    private long position;

    ConvertedDecoder(PcmDecoder inner, AudioFormat to) {
        this.inner = inner;
        this.format = new AudioFormat(to.getSampleRate(), 16, to.getChannels(), true, false);
        this.inChannels = inner.format().getChannels();
        this.outChannels = to.getChannels();
        this.inRate = Math.round(inner.format().getSampleRate());
        this.outRate = Math.round(to.getSampleRate());
        this.total = inner.totalFrames() < 0 ? -1 : outFrames(inner.totalFrames(), inRate, outRate);
        this.heldStart = inner.framePosition();
    }

    /** Frames that {@code frames} at {@code from} Hz become at {@code to} Hz. */
    static long outFrames(long frames, long from, long to) {
        return from == to ? frames : (frames * to + from - 1) / from;
    }

    static boolean sameLayout(AudioFormat a, AudioFormat b) {
        return a.getChannels() == b.getChannels() && Math.round(a.getSampleRate()) == Math.round(b.getSampleRate());
    }

    PcmDecoder inner() { return inner; }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return total; }
    @Override public long framePosition() { return position; }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int frameBytes = 2 * outChannels;
        int room = len / frameBytes;
        if (room == 0) throw new IllegalArgumentException("room for less than one frame");
        int written = 0;
        while (written < room && (total < 0 || position < total)) {
            long numerator = position * inRate;
            long whole = numerator / outRate;       // the inner frame at or before this output frame
            int at = (int) (whole - heldStart);
            boolean needNext = inRate != outRate && numerator % outRate != 0;
            if (at + (needNext ? 1 : 0) >= held && !innerEnded) {
                fill(at);
                continue;
            }
            if (at >= held) {
                if (held == 0) break;
                at = held - 1;                     // past the inner end: hold the last frame
            }
            double frac = (double) (numerator % outRate) / outRate;
            int next = Math.min(at + 1, held - 1);
            int o = off + written * frameBytes;
            for (int c = 0; c < outChannels; c++) {
                double a = sample(at, c);
                double v = needNext ? a + (sample(next, c) - a) * frac : a;
                int s = (int) Math.round(v);
                buf[o++] = (byte) s;
                buf[o++] = (byte) (s >> 8);
            }
            position++;
            written++;
        }
        return written == 0 ? -1 : written * frameBytes;
    }

    private double sample(int frame, int channel) {
        int base = frame * inChannels;
        if (outChannels == 1 && inChannels > 1) {
            int sum = 0;
            for (int c = 0; c < inChannels; c++) sum += samples[base + c];
            return (double) sum / inChannels;
        }
        return samples[base + Math.min(channel, inChannels - 1)];
    }

    /** Keeps the held frames from {@code from} on and reads more from the inner decoder. */
    private void fill(int from) throws IOException {
        int keep = Math.max(0, Math.min(from, held));
        System.arraycopy(samples, keep * inChannels, samples, 0, (held - keep) * inChannels);
        held -= keep;
        heldStart += keep;
        int n = inner.read(bytes, 0, bytes.length - bytes.length % (2 * inChannels));
        if (n < 0) {
            innerEnded = true;
            return;
        }
        int frames = n / (2 * inChannels);
        if ((held + frames) * inChannels > samples.length) {
            samples = Arrays.copyOf(samples, (held + frames) * inChannels * 2);
        }
        for (int i = 0; i < frames * inChannels; i++) {
            samples[held * inChannels + i] = (short) ((bytes[2 * i] & 0xFF) | bytes[2 * i + 1] << 8);
        }
        held += frames;
    }

    @Override
    public void seekToFrame(long frame) throws IOException {
        long target = Math.max(0, total >= 0 ? Math.min(frame, total) : frame);
        inner.seekToFrame(target * inRate / outRate);
        position = target;
        heldStart = inner.framePosition();
        held = 0;
        innerEnded = false;
    }

    @Override
    public void close() {
        inner.close();
    }
}
