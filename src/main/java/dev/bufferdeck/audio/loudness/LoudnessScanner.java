package dev.bufferdeck.audio.loudness;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.audio.guard.GuardedDecoder;
import dev.bufferdeck.repository.MediaBuffer;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Decodes a whole buffer through the player's own (guarded) decoders into a {@link LoudnessMeter}, which
 * meters on a thread of its own while the next chunks are decoded.
 */
public final class LoudnessScanner {
    private static final int CHUNK_BYTES = 64 * 1024;

    private LoudnessScanner() {}

    /**
     * @param progress told the fraction done (when the length is known), from the calling thread
     * @param cancelled polled between chunks; when true the scan stops with {@link CancellationException}
     */
    public static Loudness scan(MediaBuffer buffer, DoubleConsumer progress, BooleanSupplier cancelled)
            throws UnsupportedMediaException, IOException {
        try (PcmDecoder decoder = GuardedDecoder.open(buffer, Decoders::open)) {
            int frameBytes = decoder.format().getFrameSize();
            long total = decoder.totalFrames();
            try (MeteringThread meter = new MeteringThread(new LoudnessMeter(decoder.format()), CHUNK_BYTES - CHUNK_BYTES % frameBytes)) {
                long frames = 0;
                byte[] chunk = meter.emptyChunk();
                int read;
                while ((read = decoder.read(chunk, 0, chunk.length)) > 0) {
                    if (cancelled.getAsBoolean()) throw new CancellationException("loudness scan cancelled");
                    meter.meter(chunk, read);
                    frames += read / frameBytes;
                    if (total > 0) progress.accept(Math.min(1, frames / (double) total));
                    chunk = meter.emptyChunk();
                }
                return meter.result();
            }
        }
    }
}
