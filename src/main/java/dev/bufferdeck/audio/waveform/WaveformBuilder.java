package dev.bufferdeck.audio.waveform;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.audio.guard.GuardedDecoder;
import dev.bufferdeck.repository.MediaBuffer;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Decodes a buffer into a {@link Waveform}. With more than one part, each part opens its own decoder
 * and seeks to its first frame (the decoders seek by their frame index, FLAC frames or Ogg pages, so
 * a part starts at a frame boundary and never decodes from the start), and the parts run in parallel.
 */
public final class WaveformBuilder {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int CHUNK_BYTES = 64 * 1024;

    private WaveformBuilder() {}

    /**
     * @param parts how many pieces to decode at once (1 = single-threaded)
     * @param progress told the fraction done, from the worker threads
     * @param cancelled polled between chunks; when true the build stops with {@link CancellationException}
     */
    public static Waveform build(MediaBuffer buffer, int columns, int parts, DoubleConsumer progress,
                                 BooleanSupplier cancelled) throws UnsupportedMediaException, IOException {
        if (columns <= 0) throw new IllegalArgumentException("columns must be > 0");
        long total;
        AudioFormat format;
        try (PcmDecoder probe = GuardedDecoder.open(buffer, Decoders::open)) {
            total = probe.totalFrames();
            format = probe.format();
        }
        if (total <= 0) {
            parts = 1;
            total = -1;
        }
        int n = total < 0 ? 1 : (int) Math.max(1, Math.min(parts, total / 65_536 + 1));
        AtomicLong done = new AtomicLong();
        long knownTotal = total;
        List<Part> pieces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long from = total < 0 ? 0 : total * i / n;
            long to = total < 0 ? Long.MAX_VALUE : total * (i + 1) / n;
            pieces.add(new Part(from, to));
        }
        if (n == 1) {
            Accumulator result = pieces.get(0).decode(buffer, columns, knownTotal, done, progress, cancelled);
            return result.toWaveform(columns, format);
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "bufferdeck-waveform-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Accumulator>> futures = new ArrayList<>();
            for (Part p : pieces) futures.add(pool.submit(() -> p.decode(buffer, columns, knownTotal, done, progress, cancelled)));
            Accumulator merged = null;
            for (Future<Accumulator> f : futures) {
                Accumulator a = f.get();
                merged = merged == null ? a : merged.merge(a);
            }
            return merged.toWaveform(columns, format);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("waveform interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof UnsupportedMediaException u) throw u;
            if (cause instanceof RuntimeException r) throw r;
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Part(long from, long to) {
        Accumulator decode(MediaBuffer buffer, int columns, long total, AtomicLong done, DoubleConsumer progress,
                           BooleanSupplier cancelled) throws UnsupportedMediaException, IOException {
            try (PcmDecoder decoder = GuardedDecoder.open(buffer, Decoders::open)) {
                if (from > 0) decoder.seekToFrame(from);
                AudioFormat format = decoder.format();
                int channels = format.getChannels();
                int sampleBytes = format.getSampleSizeInBits() / 8;
                int frameBytes = channels * sampleBytes;
                byte[] chunk = new byte[CHUNK_BYTES - CHUNK_BYTES % frameBytes];
                Accumulator acc = new Accumulator(total < 0 ? 1 << 16 : columns);
                long frame = from;
                float scale = 1f / (1L << (format.getSampleSizeInBits() - 1));
                while (frame < to) {
                    if (cancelled.getAsBoolean()) throw new CancellationException("waveform cancelled");
                    int want = (int) Math.min(chunk.length, (to - frame) * frameBytes);
                    int read = decoder.read(chunk, 0, want);
                    if (read <= 0) break;
                    int frames = read / frameBytes;
                    for (int f = 0; f < frames; f++) {
                        int column = total < 0 ? acc.columnForUnknown(frame + f) : (int) ((frame + f) * columns / total);
                        int base = f * frameBytes;
                        for (int c = 0; c < channels; c++) {
                            acc.add(column, sample(chunk, base + c * sampleBytes, sampleBytes) * scale);
                        }
                    }
                    frame += frames;
                    if (total > 0) progress.accept(Math.min(1.0, done.addAndGet(frames) / (double) total));
                }
                acc.frames = frame;
                return acc;
            }
        }
    }

    private static int sample(byte[] b, int at, int bytes) {
        return switch (bytes) {
            case 2 -> (short) ((b[at] & 0xFF) | (b[at + 1] << 8));
            case 3 -> ((b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | (b[at + 2] << 16));
            case 1 -> b[at];
            default -> (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | ((b[at + 2] & 0xFF) << 16) | (b[at + 3] << 24);
        };
    }

    /** Min/max per column for one part; columns it never touched stay empty (min > max). */
    private static final class Accumulator {
        private float[] min;
        private float[] max;
        private long frames;
        private int framesPerColumn = 1;

        Accumulator(int columns) {
            min = new float[columns];
            max = new float[columns];
            Arrays.fill(min, Float.POSITIVE_INFINITY);
            Arrays.fill(max, Float.NEGATIVE_INFINITY);
        }

        void add(int column, float v) {
            if (v < min[column]) min[column] = v;
            if (v > max[column]) max[column] = v;
        }

        /** For a stream of unknown length: fixed-size slots that are halved (pairs merged) when full. */
        int columnForUnknown(long frame) {
            while (frame / framesPerColumn >= min.length) {
                for (int i = 0; i < min.length / 2; i++) {
                    min[i] = Math.min(min[2 * i], min[2 * i + 1]);
                    max[i] = Math.max(max[2 * i], max[2 * i + 1]);
                }
                Arrays.fill(min, min.length / 2, min.length, Float.POSITIVE_INFINITY);
                Arrays.fill(max, max.length / 2, max.length, Float.NEGATIVE_INFINITY);
                framesPerColumn *= 2;
            }
            return (int) (frame / framesPerColumn);
        }

        Accumulator merge(Accumulator other) {
            for (int i = 0; i < min.length; i++) {
                min[i] = Math.min(min[i], other.min[i]);
                max[i] = Math.max(max[i], other.max[i]);
            }
            frames = Math.max(frames, other.frames);
            return this;
        }

        Waveform toWaveform(int columns, AudioFormat format) {
            float[] outMin = new float[columns];
            float[] outMax = new float[columns];
            int slots = framesPerColumn > 1 || min.length != columns ? (int) Math.min(min.length, (frames + framesPerColumn - 1) / framesPerColumn) : columns;
            for (int c = 0; c < columns; c++) {
                int from = (int) ((long) c * slots / columns);
                int to = (int) Math.max(from + 1, (long) (c + 1) * slots / columns);
                float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
                for (int s = from; s < to && s < min.length; s++) {
                    lo = Math.min(lo, min[s]);
                    hi = Math.max(hi, max[s]);
                }
                outMin[c] = lo > hi ? 0 : lo;
                outMax[c] = lo > hi ? 0 : hi;
            }
            return new Waveform(columns, outMin, outMax, frames, (int) format.getSampleRate());
        }
    }
}
