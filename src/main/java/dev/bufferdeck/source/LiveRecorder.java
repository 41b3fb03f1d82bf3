package dev.bufferdeck.source;

import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.BudgetExceededException;
import dev.bufferdeck.repository.BufferWriter;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalTime;

/**
 * "Record the next N minutes" of a live stream. The recording is a buffer of its own that grows in
 * the repository while the stream plays (listed at its first bytes, like a URL loading) and becomes
 * an ordinary complete buffer (SHA-256, dedup) when the time is up, when the user stops it early,
 * when the stream ends, or when the budget is full: what was recorded until then is kept. The
 * stream's ICY metadata blocks are left out. (What the window holds already is
 * {@link MediaRepository#record}.)
 */
public final class LiveRecorder {
    private static final int READ_SIZE = 64 * 1024;

    private LiveRecorder() {}

    /**
     * Records from now for {@code duration}, on the calling thread; {@code events} is told the
     * recording's buffer at its first bytes and why it stopped early, {@code progress} the bytes kept.
     *
     * @throws LoadException nothing could be recorded (no room at all, the stream had ended or failed)
     */
    public static AddResult recordNext(MediaRepository repository, MediaBuffer live, Duration duration,
                                       LoadProgress progress, Cancellation cancel, LoadEvents events)
            throws LoadException {
        if (!live.isLive()) throw new IllegalArgumentException(live.name() + " is not a live stream");
        String name = live.name() + " (recorded " + LocalTime.now().withNano(0) + ", " + describe(duration) + ")";
        if (live.isComplete() || live.loadFailure() != null) {
            throw new LoadException(name, LoadException.Kind.NETWORK, "the stream has ended: nothing more to record");
        }
        BufferWriter writer;
        try {
            writer = repository.startLoad(name, live.origin(), live.declaredType(), -1);
        } catch (BudgetExceededException e) {
            throw new LoadException(name, LoadException.Kind.OVER_BUDGET, e.getMessage(), e);
        }
        long deadline = System.nanoTime() + duration.toNanos();
        String stopped = null;
        try (writer; InputStream stream = live.openStream(live.size(), Integer.MAX_VALUE - live.size())) {
            byte[] chunk = new byte[READ_SIZE];
            while (!cancel.isCancelled() && System.nanoTime() - deadline < 0) {
                int n = stream.read(chunk);   // a radio sends several times a second
                if (n < 0) {
                    stopped = "the stream ended";
                    break;
                }
                InputStream got = new ByteArrayInputStream(chunk, 0, n);
                while (got.available() > 0) writer.readFrom(got, n);
                if (!writer.isPublished()) {
                    writer.publish();
                    events.started(writer.buffer());
                }
                progress.progress(writer.written(), -1);
            }
            return keep(writer, name, stopped, events);
        } catch (BudgetExceededException e) {
            return keep(writer, name, "the memory budget is full (" + e.getMessage() + ")", events);
        } catch (IOException e) {
            return keep(writer, name, e.getMessage(), events);
        }
    }

    private static AddResult keep(BufferWriter writer, String name, String stopped, LoadEvents events)
            throws LoadException {
        if (!writer.isOpen()) {
            throw new LoadException(name, LoadException.Kind.CANCELLED, "the recording was removed from the library");
        }
        int size = writer.buffer().size();
        if (size == 0) {
            writer.fail("nothing recorded");
            throw new LoadException(name, LoadException.Kind.NETWORK, "nothing was recorded"
                    + (stopped == null ? "" : ": " + stopped));
        }
        if (stopped != null) events.notice(name + ": stopped after " + ByteSizes.human(size) + ", " + stopped);
        return writer.complete();
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
