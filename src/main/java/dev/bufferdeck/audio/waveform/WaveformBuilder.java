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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.LongConsumer;

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
        return build(buffer, columns, parts, null, progress, cancelled);
    }

    /**
     * Like {@link #build(MediaBuffer, int, int, DoubleConsumer, BooleanSupplier)}, but first hands
     * {@code pictures} a coarse overview of {@link #FIRST_PICTURE_COLUMNS} columns, each from a short
     * stretch decoded inside its slice (so its peaks lie within the full waveform's), then, every
     * {@link #REFINE_MILLIS} ms, the full-size overview with the columns decoded so far and the coarse
     * values elsewhere. The returned waveform is the same as {@code build}'s. {@code pictures} is
     * called on the calling thread; a buffer of unknown length gets no pictures before the end.
     */
    public static Waveform buildProgressively(MediaBuffer buffer, int columns, int parts, Consumer<Waveform> pictures,
                                              DoubleConsumer progress, BooleanSupplier cancelled)
            throws UnsupportedMediaException, IOException {
        return build(buffer, columns, parts, pictures, progress, cancelled);
    }

    /** Columns of the first, coarse picture. */
    public static final int FIRST_PICTURE_COLUMNS = 200;
    /** Frames decoded for each column of the first picture: two MP3 frames. */
    private static final int FIRST_PICTURE_STRETCH = 2304;
    /** How often a refined picture is handed over while decoding. */
    public static final long REFINE_MILLIS = 250;

    private static Waveform build(MediaBuffer buffer, int columns, int parts, Consumer<Waveform> pictures,
                                  DoubleConsumer progress, BooleanSupplier cancelled)
            throws UnsupportedMediaException, IOException {
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
        FirstPicture coarse = pictures != null && total > 0
                ? new FirstPicture(Math.min(columns, FIRST_PICTURE_COLUMNS), total, n) : null;
        List<Part> pieces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long from = total < 0 ? 0 : total * i / n;
            long to = total < 0 ? Long.MAX_VALUE : total * (i + 1) / n;
            int coarseFrom = coarse == null ? 0 : coarse.columns * i / n;
            int coarseTo = coarse == null ? 0 : coarse.columns * (i + 1) / n;
            pieces.add(new Part(from, to, new Accumulator(total < 0 ? 1 << 16 : columns), coarse, coarseFrom, coarseTo));
        }
        if (n == 1 && coarse == null) {
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
            if (coarse != null) {
                coarse.finished.await();
                for (Future<Accumulator> f : futures) if (f.isDone()) f.get();
                Waveform first = coarse.acc.toWaveform(coarse.columns, format);
                pictures.accept(first);
                for (Future<Accumulator> f : futures) {
                    while (true) {
                        try {
                            f.get(REFINE_MILLIS, TimeUnit.MILLISECONDS);
                            break;
                        } catch (TimeoutException stillDecoding) {
                            pictures.accept(refined(pieces, first, columns, knownTotal, format));
                        }
                    }
                }
            }
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

    /**
     * The coarse first picture: one short stretch from the middle of each of {@code columns} equal
     * slices, decoded through the decoders' exact seek, so its peaks are real samples of that slice.
     * Each part fills its share of the columns before its full decoding; {@code finished} counts the
     * parts still at it.
     */
    private static final class FirstPicture {
        final int columns;
        final long total;
        final Accumulator acc;
        final CountDownLatch finished;

        FirstPicture(int columns, long total, int parts) {
            this.columns = columns;
            this.total = total;
            this.acc = new Accumulator(columns);
            this.acc.frames = total;
            this.finished = new CountDownLatch(parts);
        }

        void decode(PcmDecoder decoder, SampleReader reader, int fromColumn, int toColumn, BooleanSupplier cancelled)
                throws IOException {
            for (int c = fromColumn; c < toColumn; c++) {
                long from = total * c / columns, to = total * (c + 1) / columns;
                long start = Math.max(from, (from + to) / 2 - FIRST_PICTURE_STRETCH / 2);
                long end = Math.min(to, start + FIRST_PICTURE_STRETCH);
                decoder.seekToFrame(start);
                int column = c;
                reader.read(decoder, start, end, acc, ColumnMap.only(column), cancelled, frames -> { });
            }
        }
    }

    /** The columns the parts have decoded so far, the coarse picture's values in the others. */
    private static Waveform refined(List<Part> pieces, Waveform coarse, int columns, long total, AudioFormat format) {
        float[] min = new float[columns];
        float[] max = new float[columns];
        for (int c = 0; c < columns; c++) {
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            for (Part p : pieces) {
                lo = Math.min(lo, p.acc.min[c]);
                hi = Math.max(hi, p.acc.max[c]);
            }
            if (lo > hi) {
                int k = (int) ((long) c * coarse.columns() / columns);
                lo = coarse.min()[k];
                hi = coarse.max()[k];
            }
            min[c] = lo;
            max[c] = hi;
        }
        return new Waveform(columns, min, max, total, (int) format.getSampleRate());
    }

    /**
     * Frames {@code from..to} into {@code acc}, whose arrays the picture thread may read while they
     * fill; first its share of the coarse picture's columns when there is one.
     */
    private record Part(long from, long to, Accumulator acc, FirstPicture coarse, int coarseFrom, int coarseTo) {
        Accumulator decode(MediaBuffer buffer, int columns, long total, AtomicLong done, DoubleConsumer progress,
                           BooleanSupplier cancelled) throws UnsupportedMediaException, IOException {
            boolean counted = coarse == null;
            try (PcmDecoder decoder = GuardedDecoder.open(buffer, Decoders::open)) {
                SampleReader reader = new SampleReader(decoder.format());
                if (coarse != null) {
                    coarse.decode(decoder, reader, coarseFrom, coarseTo, cancelled);
                    coarse.finished.countDown();
                    counted = true;
                }
                if (from > 0 || coarse != null) decoder.seekToFrame(from);
                ColumnMap map = total < 0 ? acc.unknownLength() : ColumnMap.spread(columns, total);
                long frame = reader.read(decoder, from, to, acc, map, cancelled, frames -> {
                    if (total > 0) progress.accept(Math.min(1.0, done.addAndGet(frames) / (double) total));
                });
                acc.frames = frame;
                return acc;
            } finally {
                if (!counted) coarse.finished.countDown();
            }
        }
    }

    /** Which column a frame belongs to, and where that column's frames end. */
    private interface ColumnMap {
        int column(long frame);

        /** The first frame after {@code column}'s, as last asked of {@link #column}. */
        long end(int column);

        static ColumnMap only(int column) {
            return new ColumnMap() {
                @Override public int column(long frame) { return column; }
                @Override public long end(int c) { return Long.MAX_VALUE; }
            };
        }

        /** {@code total} frames over {@code columns}: frame f in column f * columns / total. */
        static ColumnMap spread(int columns, long total) {
            return new ColumnMap() {
                @Override public int column(long frame) { return (int) (frame * columns / total); }
                @Override public long end(int c) { return ((c + 1L) * total + columns - 1) / columns; }
            };
        }
    }

    /** Reads a decoder's PCM chunk by chunk and hands over every sample. */
    private static final class SampleReader {
        private final int channels;
        private final int sampleBytes;
        private final int frameBytes;
        private final float scale;
        private final byte[] chunk;

        SampleReader(AudioFormat format) {
            channels = format.getChannels();
            sampleBytes = format.getSampleSizeInBits() / 8;
            frameBytes = channels * sampleBytes;
            scale = 1f / (1L << (format.getSampleSizeInBits() - 1));
            chunk = new byte[CHUNK_BYTES - CHUNK_BYTES % frameBytes];
        }

        /**
         * Frames {@code from} (where the decoder stands) up to {@code to} or the end, checking
         * {@code cancelled} before each chunk and telling {@code decoded} its frames after; returns the
         * frame reached.
         */
        long read(PcmDecoder decoder, long from, long to, Accumulator acc, ColumnMap map, BooleanSupplier cancelled,
                  LongConsumer decoded) throws IOException {
            long frame = from;
            int column = 0;
            long columnEnd = Long.MIN_VALUE;
            while (frame < to) {
                if (cancelled.getAsBoolean()) throw new CancellationException("waveform cancelled");
                int want = (int) Math.min(chunk.length, (to - frame) * frameBytes);
                int read = decoder.read(chunk, 0, want);
                if (read <= 0) break;
                int frames = read / frameBytes;
                // min and max of the raw samples per column, scaled once: scaling by a power of two keeps the order
                int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
                for (int f = 0; f < frames; f++) {
                    if (frame + f >= columnEnd) {
                        if (lo <= hi) acc.add(column, lo * scale, hi * scale);
                        lo = Integer.MAX_VALUE;
                        hi = Integer.MIN_VALUE;
                        column = map.column(frame + f);
                        columnEnd = map.end(column);
                    }
                    int base = f * frameBytes;
                    for (int c = 0; c < channels; c++) {
                        int v = sample(chunk, base + c * sampleBytes, sampleBytes);
                        if (v < lo) lo = v;
                        if (v > hi) hi = v;
                    }
                }
                if (lo <= hi) acc.add(column, lo * scale, hi * scale);
                frame += frames;
                decoded.accept(frames);
            }
            return frame;
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

        void add(int column, float lo, float hi) {
            if (lo < min[column]) min[column] = lo;
            if (hi > max[column]) max[column] = hi;
        }

        ColumnMap unknownLength() {
            return new ColumnMap() {
                @Override public int column(long frame) { return columnForUnknown(frame); }
                @Override public long end(int column) { return (column + 1L) * framesPerColumn; }
            };
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
