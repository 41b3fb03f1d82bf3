package dev.bufferdeck.audio;

import javax.sound.sampled.AudioFormat;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The latest decoded PCM frames, as they go to the line but before volume and mute (so a
 * visualization does not vanish when the sound is turned down). With a clock
 * ({@link #followClock}) a reader gets the frames up to the one being heard rather than the last
 * one written, so what is drawn lines up with what is heard. One writer (the audio thread)
 * that never waits; any number of readers that copy a snapshot and retry, or give up, when the
 * writer overwrote what they were copying (a seqlock over a ring of bytes).
 */
public final class PcmTap {
    private final AudioFormat format;
    private final int frameSize;
    private final byte[] ring;
    /** Bytes the writer has finished writing. */
    private final AtomicLong written = new AtomicLong();
    /** Bytes the writer has started writing (at least {@code written}). */
    private final AtomicLong writing = new AtomicLong();
    private volatile LongSupplier heardFrames;

    public PcmTap(AudioFormat format, int frames) {
        this.format = format;
        this.frameSize = format.getFrameSize();
        this.ring = new byte[Math.max(1, frames) * frameSize];
    }

    public AudioFormat format() { return format; }

    /** How many frames a reader can get at most. */
    public int capacityFrames() { return ring.length / frameSize; }

    /** Total frames offered so far. */
    public long framesOffered() { return written.get() / frameSize; }

    /** Readers get frames up to {@code heardFrames} (counted like {@link #framesOffered}) at most. */
    void followClock(LongSupplier heardFrames) {
        this.heardFrames = heardFrames;
    }

    /** Writer side: copies the bytes in; never blocks. Only the audio thread calls this. */
    void offer(byte[] b, int off, int len) {
        if (len > ring.length) {
            off += len - ring.length;
            len = ring.length;
        }
        long start = written.get();
        writing.set(start + len);
        int at = (int) (start % ring.length);
        int first = Math.min(len, ring.length - at);
        System.arraycopy(b, off, ring, at, first);
        System.arraycopy(b, off + first, ring, 0, len - first);
        written.set(start + len);
    }

    /**
     * Copies the latest whole frames (up to {@code dest.length} bytes) into {@code dest}, oldest first.
     * Returns the number of bytes copied: 0 when nothing was played yet or the writer kept overtaking.
     */
    public int latest(byte[] dest) {
        int want = Math.min(dest.length, ring.length);
        want -= want % frameSize;
        for (int attempt = 0; attempt < 4; attempt++) {
            long end = written.get();
            LongSupplier clock = heardFrames;
            if (clock != null) end = Math.min(end, Math.max(0, clock.getAsLong()) * frameSize);
            int n = (int) Math.min(want, end);
            long from = end - n;
            int at = (int) (from % ring.length);
            int first = Math.min(n, ring.length - at);
            System.arraycopy(ring, at, dest, 0, first);
            System.arraycopy(ring, 0, dest, first, n - first);
            VarHandle.acquireFence();
            if (writing.get() - ring.length <= from) return n;
        }
        return 0;
    }

    /**
     * The latest frames as mono samples in -1..1 (channels averaged), oldest first, filling at most
     * {@code dest.length}. Returns how many were filled. Works for 8/16/24/32-bit integer PCM.
     */
    public int latestMono(float[] dest) {
        byte[] bytes = new byte[Math.min(dest.length, capacityFrames()) * frameSize];
        int n = latest(bytes) / frameSize;
        int channels = format.getChannels();
        int sampleBytes = frameSize / channels;
        boolean big = format.isBigEndian();
        boolean unsigned = format.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
        double fullScale = 1L << (sampleBytes * 8 - 1);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += SoftwareGain.read(bytes, (i * channels + c) * sampleBytes, sampleBytes, big, unsigned) / fullScale;
            }
            dest[i] = (float) (sum / channels);
        }
        return n;
    }
}
