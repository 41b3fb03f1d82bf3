package dev.bufferdeck.audio.loudness;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * A {@link LoudnessMeter} fed on a thread of its own, so a scan decodes on one core and meters on
 * another. Chunks go back and forth through two small queues: the decoding thread fills an empty chunk
 * and hands it over, and waits only when all {@value #CHUNKS} are still being metered; the metering
 * thread hands each back empty. Closing stops the thread whether or not the result was asked for.
 */
final class MeteringThread implements AutoCloseable {
    private static final int CHUNKS = 4;
    private static final Filled END = new Filled(new byte[0], -1);

    private record Filled(byte[] bytes, int length) {}

    private final LoudnessMeter meter;
    private final BlockingQueue<Filled> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private volatile Throwable failure;

    MeteringThread(LoudnessMeter meter, int chunkBytes) {
        this.meter = meter;
        for (int i = 0; i < CHUNKS; i++) empty.add(new byte[chunkBytes]);
        Thread caller = Thread.currentThread();
        thread = new Thread(this::run, caller.getName() + "-meter");
        thread.setDaemon(true);
        thread.setPriority(caller.getPriority());
        thread.start();
    }

    /** An empty chunk to decode into; waits while every chunk is being metered. */
    byte[] emptyChunk() {
        try {
            return empty.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("loudness scan interrupted");
        }
    }

    /** Hands {@code chunk[0..length)} over to be metered; the chunk comes back empty later. */
    void meter(byte[] chunk, int length) {
        filled.add(new Filled(chunk, length));
    }

    /** Waits for every chunk handed over to be metered, and the loudness of them all. */
    Loudness result() {
        filled.add(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("loudness scan interrupted");
        }
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error err) throw err;
        return meter.result();
    }

    private void run() {
        try {
            for (Filled f = filled.take(); f != END; f = filled.take()) {
                if (failure == null) meter(f);
                empty.add(f.bytes());
            }
        } catch (InterruptedException e) {
            // closed before the end: the scan was given up
        }
    }

    /** Meters one chunk; a failure is kept for {@link #result}, and the chunks keep coming back so the decoder does not wait for ever. */
    private void meter(Filled f) {
        try {
            meter.add(f.bytes(), 0, f.length());
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    @Override
    public void close() {
        if (thread.isAlive()) thread.interrupt();
    }
}
