package dev.bufferdeck.audio.guard;

import dev.bufferdeck.audio.DecoderOpener;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.repository.MediaBuffer;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keeps a third-party decoder from taking the player down. Every call runs on the decoder's own
 * worker thread ({@link DecoderWorker}), so:
 * <ul>
 * <li>anything it throws — a RuntimeException, an {@link OutOfMemoryError} on an absurd header, a
 * {@link StackOverflowError}, a LinkageError — comes back as one {@link IOException} (or, while
 * opening, {@link UnsupportedMediaException}) naming the buffer;</li>
 * <li>a call that does not return within the patience (a decoder looping inside one {@code read}) is
 * abandoned with "decoder stopped making progress"; its thread is left to end as a daemon and the
 * decoder is dead from then on;</li>
 * <li>reads that return 0 bytes without ever ending count as no progress either: once the last read
 * that returned data (or the end, or the last seek) is longer ago than the patience, the decoder is
 * given up the same way.</li>
 * </ul>
 * A hand-off to another thread is the only reliable way to get control back from a decoder stuck
 * inside one call; checking progress between calls alone would never see such a call end. It costs a
 * few microseconds per read of a few thousand frames.
 *
 * <p>Playback uses the worker differently: {@link #decodeAhead} hands it one long task, the decode-ahead
 * loop, which calls the decoder directly with no hop per call. That loop's consumer watches for
 * progress ("produced nothing for the patience") and calls {@link #giveUp} on a decoder that stopped.
 *
 * <p>Errors the JVM itself cannot survive ({@link InternalError}, {@link UnknownError}) are not
 * caught. Like every {@link PcmDecoder}, one thread reads it at a time.
 */
public final class GuardedDecoder implements PcmDecoder {
    /** How long one call may take, and how long reads may go without data, before the decoder is given up. */
    public static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(10);
    /** Worker threads are named this plus a number. */
    public static final String THREAD_PREFIX = DecoderWorker.THREAD_PREFIX;

    private final String name;
    private final PcmDecoder inner;
    private final DecoderWorker worker;
    private final long patienceNanos;
    private final AudioFormat format;
    private final long totalFrames;

    private volatile boolean aheadRunning;
    private volatile long position;
    private volatile String failure;
    private volatile boolean closed;
    private long lastProgressNanos;

    private GuardedDecoder(String name, PcmDecoder inner, DecoderWorker worker, long patienceNanos,
                           AudioFormat format, long totalFrames, long position) {
        this.name = name;
        this.inner = inner;
        this.worker = worker;
        this.patienceNanos = patienceNanos;
        this.format = format;
        this.totalFrames = totalFrames;
        this.position = position;
        this.lastProgressNanos = System.nanoTime();
    }

    /** An opener that guards what {@code opener} opens, with {@link #DEFAULT_PATIENCE}; a guarding opener is returned as it is. */
    public static DecoderOpener guarding(DecoderOpener opener) {
        return opener instanceof GuardingOpener ? opener : guarding(opener, DEFAULT_PATIENCE);
    }

    public static DecoderOpener guarding(DecoderOpener opener, Duration patience) {
        return new GuardingOpener(Objects.requireNonNull(opener), Objects.requireNonNull(patience));
    }

    private record GuardingOpener(DecoderOpener opener, Duration patience) implements DecoderOpener {
        @Override
        public PcmDecoder open(MediaBuffer buffer) throws UnsupportedMediaException {
            return GuardedDecoder.open(buffer, opener, patience);
        }
    }

    /**
     * Opens {@code buffer} with {@code opener}, guarded with the patience {@code opener} was made with
     * by {@link #guarding} (else {@link #DEFAULT_PATIENCE}).
     */
    public static GuardedDecoder openGuarded(MediaBuffer buffer, DecoderOpener opener) throws UnsupportedMediaException {
        return openGuarded(buffer, opener, Function.identity());
    }

    /**
     * As {@link #openGuarded(MediaBuffer, DecoderOpener)}, then makes {@code then} of the decoder on
     * the decoder's own thread: a {@link #decodeAhead} loop started there runs right after, with no
     * hand-off through the caller's thread (playback decodes its first chunk while the caller opens
     * the line). What {@code then} throws fails the open; it must not call the decoder itself.
     */
    public static <T> T openGuarded(MediaBuffer buffer, DecoderOpener opener, Function<GuardedDecoder, T> then)
            throws UnsupportedMediaException {
        if (opener instanceof GuardingOpener g) return open(buffer, g.opener(), g.patience(), then);
        return open(buffer, opener, DEFAULT_PATIENCE, then);
    }

    /** Opens {@code buffer} with {@code opener} on a new worker and guards the decoder it returns. */
    public static GuardedDecoder open(MediaBuffer buffer, DecoderOpener opener) throws UnsupportedMediaException {
        return open(buffer, opener, DEFAULT_PATIENCE);
    }

    public static GuardedDecoder open(MediaBuffer buffer, DecoderOpener opener, Duration patience)
            throws UnsupportedMediaException {
        return open(buffer, opener, patience, Function.identity());
    }

    private static <T> T open(MediaBuffer buffer, DecoderOpener opener, Duration patience, Function<GuardedDecoder, T> then)
            throws UnsupportedMediaException {
        if (patience.isNegative() || patience.isZero()) throw new IllegalArgumentException("patience must be positive");
        String name = buffer.name();
        long patienceNanos = patience.toNanos();
        DecoderWorker worker = new DecoderWorker();
        try {
            return worker.call(() -> {
                PcmDecoder d = opener.open(buffer);
                GuardedDecoder guarded;
                try {
                    guarded = new GuardedDecoder(name, d, worker, patienceNanos,
                            Objects.requireNonNull(d.format(), "no format"), d.totalFrames(), d.framePosition());
                } catch (RuntimeException | Error e) {
                    closeQuietly(d);
                    throw e;
                }
                try {
                    return then.apply(guarded);
                } catch (RuntimeException | Error e) {
                    guarded.closed = true;
                    closeQuietly(d);
                    throw e;
                }
            }, patienceNanos);
        } catch (UnsupportedMediaException e) {
            worker.shutdown(patienceNanos);
            throw e;
        } catch (DecoderWorker.Overrun e) {
            throw new UnsupportedMediaException(name + ": " + stalled(patienceNanos) + " while opening");
        } catch (Throwable t) {
            rethrowIfFatal(t);
            worker.shutdown(patienceNanos);
            throw new UnsupportedMediaException(name + ": " + DecoderFailure.describe(t) + " while opening", t);
        }
    }

    /** A loop that owns the decoder on its thread until it returns. */
    public interface AheadLoop {
        /** Reads and seeks {@code decoder} directly; returns when done (the decoder is closed after). */
        void run(PcmDecoder decoder) throws IOException;

        /** What the decoder threw, in one line naming the buffer when it was not an {@link IOException}. */
        void failed(String message);
    }

    /**
     * Runs {@code loop} on this decoder's thread and returns at once. Other calls must not be made
     * while it runs; once it returns, the decoder is closed and the thread ends.
     */
    public void decodeAhead(AheadLoop loop) throws IOException {
        checkUsable();
        aheadRunning = true;
        worker.start(() -> {
            try {
                loop.run(inner);
            } catch (IOException e) {
                failure = e.getMessage() == null ? name + ": " + e : e.getMessage();
                loop.failed(failure);
            } catch (Throwable t) {
                rethrowIfFatal(t);
                failure = name + ": " + DecoderFailure.describe(t);
                loop.failed(failure);
            } finally {
                closed = true;
                if (!worker.isAbandoned()) closeQuietly(inner);
                worker.finish();
            }
        });
    }

    /**
     * Gives the decoder up because it produced nothing for the patience: its thread is interrupted and
     * left to end by itself. Returns the message to show.
     */
    public String giveUp() {
        String message = name + ": " + stalled(patienceNanos);
        failure = message;
        worker.abandon();
        return message;
    }

    public Duration patience() {
        return Duration.ofNanos(patienceNanos);
    }

    /** The decoder inside; for tests. */
    PcmDecoder inner() {
        return inner;
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public long totalFrames() {
        return totalFrames;
    }

    @Override
    public long framePosition() {
        return position;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, buf.length);
        checkUsable();
        int n = guarded(() -> {
            int r = inner.read(buf, off, len);
            if (r < -1 || r > len) throw new IllegalStateException("read returned " + r + " for " + len + " bytes asked");
            position = inner.framePosition();
            return r;
        });
        long now = System.nanoTime();
        if (n != 0) {
            lastProgressNanos = now;
        } else if (len > 0 && now - lastProgressNanos > patienceNanos) {
            throw fail(stalled(patienceNanos), null);
        }
        return n;
    }

    @Override
    public void seekToFrame(long frame) throws IOException {
        checkUsable();
        guarded(() -> {
            inner.seekToFrame(frame);
            position = inner.framePosition();
            return null;
        });
        lastProgressNanos = System.nanoTime();
    }

    /** Closes the decoder on its worker and lets the worker's thread end. An abandoned decoder is left alone. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (worker.isAbandoned() || aheadRunning) return;   // a decode-ahead loop closes it on its way out
        try {
            worker.call(() -> {
                inner.close();
                return null;
            }, patienceNanos);
        } catch (Throwable t) {
            rethrowIfFatal(t);
            // closing is best effort; a decoder that fails here has nothing left to give
        }
        worker.shutdown(patienceNanos);
    }

    /** True once the decoder was given up because a call overran; its thread may still be running. */
    public boolean isAbandoned() {
        return worker.isAbandoned();
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private <T> T guarded(Call<T> call) throws IOException {
        try {
            return worker.call(call::run, patienceNanos);
        } catch (IOException e) {
            throw e;
        } catch (DecoderWorker.Overrun e) {
            throw fail(stalled(patienceNanos), null);
        } catch (Throwable t) {
            rethrowIfFatal(t);
            throw fail(DecoderFailure.describe(t), t);
        }
    }

    private void checkUsable() throws IOException {
        String f = failure;
        if (f != null) throw new IOException(f);
        if (closed) throw new IOException(name + ": decoder closed");
    }

    private IOException fail(String why, Throwable cause) {
        String message = name + ": " + why;
        failure = message;
        return new IOException(message, cause);
    }

    private static String stalled(long patienceNanos) {
        return "decoder stopped making progress (nothing for " + DecoderFailure.seconds(patienceNanos) + ")";
    }

    private static void rethrowIfFatal(Throwable t) {
        if (t instanceof InternalError || t instanceof UnknownError) throw (Error) t;
    }

    private static void closeQuietly(PcmDecoder d) {
        try {
            d.close();
        } catch (RuntimeException ignored) {
            // the open failed already; that is what gets reported
        }
    }
}
