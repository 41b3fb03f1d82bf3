package dev.bufferdeck.audio.sink;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Control;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.SourceDataLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A {@link SourceDataLine} with no sound card behind it. Written bytes wait in a small buffer and are
 * "played" at the format's frame rate while the line runs (so {@link #write} blocks and
 * {@link #getLongFramePosition} advances like a real device), or at once in fast mode. Played bytes
 * are handed to a {@link PcmConsumer}; another one may watch the writes. Thread-safe.
 *
 * <p>Played bytes are moved out of the buffer lazily, whenever any method looks at the clock, so the
 * line needs no thread of its own.
 */
public final class MemorySinkLine implements SourceDataLine {
    /** Buffer length when {@code open} is not given one. */
    public static final int DEFAULT_BUFFER_MILLIS = 200;

    private static final AudioFormat DEFAULT_FORMAT = new AudioFormat(44_100f, 16, 2, true, false);
    private static final ExecutorService EVENTS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bufferdeck-sink-events");
        t.setDaemon(true);
        return t;
    });

    private final MemorySinkMixer mixer;
    private final List<LineListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    // settings
    private boolean realTime = true;
    private PcmConsumer consumer;
    private PcmConsumer writeWatcher;
    private int bufferMillis = DEFAULT_BUFFER_MILLIS;

    // guarded by lock
    private boolean open;
    private boolean running;
    private AudioFormat format = DEFAULT_FORMAT;
    private int frameSize = DEFAULT_FORMAT.getFrameSize();
    private byte[] ring = new byte[0];
    private int ringHead;
    private int queued;
    private long writtenFrames;
    private long heardFrames;
    private long anchorNanos;
    private long anchorFrames;
    private long flushCount;
    private long playedBytes;
    private long writeWaits;
    /** Bytes of room the writer waits for (0: none waits): playing wakes it only once they are free. */
    private int roomWanted;
    /** True while {@link #drain} waits: playing the last queued frame wakes it. */
    private boolean draining;

    MemorySinkLine(MemorySinkMixer mixer) {
        this.mixer = mixer;
    }

    // ---- settings ----

    /** Plays at the format's frame rate (the default) or, when false, as fast as it is written. */
    public MemorySinkLine realTime(boolean realTime) {
        synchronized (lock) {
            update(System.nanoTime());
            this.realTime = realTime;
            reanchor(System.nanoTime());
            lock.notifyAll();
        }
        return this;
    }

    /** The buffer length used when {@code open} is given none (default {@value #DEFAULT_BUFFER_MILLIS} ms). */
    public MemorySinkLine bufferMillis(int millis) {
        if (millis <= 0) throw new IllegalArgumentException("buffer must be > 0 ms");
        synchronized (lock) { bufferMillis = millis; }
        return this;
    }

    /** Hands every played byte to {@code consumer}; an {@link IOException} there fails the write. */
    public MemorySinkLine streamTo(PcmConsumer consumer) {
        synchronized (lock) { this.consumer = consumer; }
        return this;
    }

    /** Shows {@code watcher} the bytes of every write that carries data, as it is accepted (before it plays). */
    public MemorySinkLine watchWrites(PcmConsumer watcher) {
        synchronized (lock) { this.writeWatcher = watcher; }
        return this;
    }

    public boolean isRealTime() {
        synchronized (lock) { return realTime; }
    }

    // ---- what was played ----

    /** All bytes played since the line was opened. */
    public long playedBytes() {
        synchronized (lock) {
            update(System.nanoTime());
            return playedBytes;
        }
    }

    /** How many times a {@link #write} waited for room so far (each wakes the writer's thread once or more). */
    public long writeWaits() {
        synchronized (lock) { return writeWaits; }
    }

    // ---- Line ----

    @Override
    public void open(AudioFormat format, int bufferSize) {
        requirePcm(format);
        synchronized (lock) {
            if (open) {
                if (!format.matches(this.format)) {
                    throw new IllegalStateException("line already open with " + this.format);
                }
                return;
            }
            this.format = format;
            frameSize = format.getFrameSize();
            int bytes = bufferSize > 0 ? bufferSize
                    : (int) Math.min(Integer.MAX_VALUE / 2,
                            (long) format.getFrameRate() * bufferMillis / 1000 * frameSize);
            bytes = Math.max(frameSize, bytes - bytes % frameSize);
            ring = new byte[bytes];
            ringHead = 0;
            queued = 0;
            writtenFrames = 0;
            heardFrames = 0;
            playedBytes = 0;
            running = false;
            open = true;
        }
        mixer.opened(this);
        fire(LineEvent.Type.OPEN);
    }

    @Override
    public void open(AudioFormat format) {
        open(format, AudioSystem.NOT_SPECIFIED);
    }

    @Override
    public void open() {
        open(DEFAULT_FORMAT);
    }

    @Override
    public void close() {
        boolean wasRunning;
        synchronized (lock) {
            if (!open) return;
            update(System.nanoTime());
            wasRunning = running;
            running = false;
            open = false;
            queued = 0;
            flushCount++;
            lock.notifyAll();
        }
        mixer.closed(this);
        if (wasRunning) fire(LineEvent.Type.STOP);
        fire(LineEvent.Type.CLOSE);
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) { return open; }
    }

    // ---- DataLine ----

    @Override
    public void start() {
        synchronized (lock) {
            if (!open || running) return;
            running = true;
            reanchor(System.nanoTime());
            update(System.nanoTime());
            lock.notifyAll();
        }
        fire(LineEvent.Type.START);
    }

    @Override
    public void stop() {
        synchronized (lock) {
            if (!open || !running) return;
            update(System.nanoTime());
            running = false;
            lock.notifyAll();
        }
        fire(LineEvent.Type.STOP);
    }

    /** Blocks until every written frame has been played, the line is flushed or closed. */
    @Override
    public void drain() {
        synchronized (lock) {
            long generation = flushCount;
            try {
                while (open && flushCount == generation && !Thread.currentThread().isInterrupted()) {
                    long now = System.nanoTime();
                    update(now);
                    if (queued == 0) return;
                    draining = true;
                    waitQuietly(running ? nanosToPlay(queued / frameSize) : 0);
                }
            } finally {
                draining = false;
            }
        }
    }

    /** Drops what is queued but not yet played; the frame position stays where it is. */
    @Override
    public void flush() {
        synchronized (lock) {
            update(System.nanoTime());
            queued = 0;
            ringHead = 0;
            writtenFrames = heardFrames;
            flushCount++;
            reanchor(System.nanoTime());
            lock.notifyAll();
        }
    }

    @Override
    public int write(byte[] b, int off, int len) {
        if (len % frameSizeNow() != 0) {
            throw new IllegalArgumentException("write of " + len + " bytes is not a whole number of frames");
        }
        int done = 0;
        synchronized (lock) {
            if (!open) return 0;
            if (writeWatcher != null && len > 0) pass(writeWatcher, b, off, len);
            long generation = flushCount;
            while (done < len && open && flushCount == generation && !Thread.currentThread().isInterrupted()) {
                update(System.nanoTime());
                int space = ring.length - queued;
                space -= space % frameSize;
                if (space > 0) {
                    int n = Math.min(space, len - done);
                    enqueue(b, off + done, n);
                    done += n;
                    if (!realTime) update(System.nanoTime());
                    continue;
                }
                if (!running) break;
                // sleep until the rest fits (or the whole ring is free), like a device that wakes its writer
                // once per period: waiting for half the rest, and waking at every position read, woke the
                // writer about ten times per chunk
                roomWanted = Math.min(len - done, ring.length);
                writeWaits++;
                waitQuietly(nanosToPlay(roomWanted / frameSize));
                roomWanted = 0;
            }
        }
        return done;
    }

    @Override
    public boolean isRunning() {
        synchronized (lock) { return running; }
    }

    @Override
    public boolean isActive() {
        synchronized (lock) {
            update(System.nanoTime());
            return running && queued > 0;
        }
    }

    @Override
    public AudioFormat getFormat() {
        synchronized (lock) { return format; }
    }

    @Override
    public int getBufferSize() {
        synchronized (lock) { return ring.length; }
    }

    @Override
    public int available() {
        synchronized (lock) {
            if (!open) return 0;
            update(System.nanoTime());
            return ring.length - queued;
        }
    }

    @Override
    public int getFramePosition() {
        return (int) getLongFramePosition();
    }

    /** Frames played since open: elapsed running time × frame rate, never more than was written. */
    @Override
    public long getLongFramePosition() {
        synchronized (lock) {
            update(System.nanoTime());
            return heardFrames;
        }
    }

    @Override
    public long getMicrosecondPosition() {
        synchronized (lock) {
            update(System.nanoTime());
            return (long) (heardFrames * 1_000_000.0 / format.getFrameRate());
        }
    }

    @Override
    public float getLevel() {
        return AudioSystem.NOT_SPECIFIED;
    }

    @Override public Line.Info getLineInfo() { return MemorySinkMixer.LINE_INFO; }
    @Override public Control[] getControls() { return new Control[0]; }
    @Override public boolean isControlSupported(Control.Type control) { return false; }

    @Override
    public Control getControl(Control.Type control) {
        throw new IllegalArgumentException("the memory sink has no " + control + " control");
    }

    @Override public void addLineListener(LineListener listener) { listeners.add(listener); }
    @Override public void removeLineListener(LineListener listener) { listeners.remove(listener); }

    @Override
    public String toString() {
        return MemorySinkMixer.NAME + " line (" + format + (isRealTime() ? ", real time)" : ", fast)");
    }

    // ---- internals (lock held) ----

    private int frameSizeNow() {
        synchronized (lock) { return frameSize; }
    }

    private void enqueue(byte[] b, int off, int n) {
        int tail = (ringHead + queued) % ring.length;
        int first = Math.min(n, ring.length - tail);
        System.arraycopy(b, off, ring, tail, first);
        System.arraycopy(b, off + first, ring, 0, n - first);
        if (queued == 0) reanchor(System.nanoTime());
        queued += n;
        writtenFrames += n / frameSize;
    }

    /** Plays what the clock says has been heard since the anchor. */
    private void update(long now) {
        if (!open || !running || queued == 0) {
            reanchor(now);
            return;
        }
        long target;
        if (realTime) {
            double elapsed = (now - anchorNanos) / 1e9;
            target = anchorFrames + (long) (elapsed * format.getFrameRate());
        } else {
            target = Long.MAX_VALUE;
        }
        long frames = Math.min(target - heardFrames, queued / frameSize);
        if (frames > 0) play((int) (frames * frameSize));
        if (queued == 0) reanchor(now);
    }

    private void reanchor(long now) {
        anchorNanos = now;
        anchorFrames = heardFrames;
    }

    private void play(int n) {
        int first = Math.min(n, ring.length - ringHead);
        deliver(ring, ringHead, first);
        if (n > first) deliver(ring, 0, n - first);
        ringHead = (ringHead + n) % ring.length;
        queued -= n;
        heardFrames += n / frameSize;
        playedBytes += n;
        if ((roomWanted > 0 && ring.length - queued >= roomWanted) || (draining && queued == 0)) lock.notifyAll();
    }

    private void deliver(byte[] b, int off, int n) {
        if (n > 0 && consumer != null) pass(consumer, b, off, n);
    }

    private static void pass(PcmConsumer to, byte[] b, int off, int n) {
        try {
            to.accept(b, off, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long nanosToPlay(long frames) {
        return (long) (frames * 1e9 / format.getFrameRate());
    }

    /** Waits on the lock; an interrupt ends the wait and stays set for the caller's loop to see. */
    private void waitQuietly(long nanos) {
        try {
            if (nanos <= 0) {
                lock.wait();
            } else {
                long millis = Math.max(1, (nanos + 999_999) / 1_000_000);
                lock.wait(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requirePcm(AudioFormat format) {
        AudioFormat.Encoding e = format.getEncoding();
        boolean pcm = e.equals(AudioFormat.Encoding.PCM_SIGNED) || e.equals(AudioFormat.Encoding.PCM_UNSIGNED)
                || e.equals(AudioFormat.Encoding.PCM_FLOAT);
        if (!pcm || format.getFrameSize() <= 0 || format.getFrameRate() <= 0) {
            throw new IllegalArgumentException("the memory sink plays PCM only, not " + format);
        }
    }

    private void fire(LineEvent.Type type) {
        if (listeners.isEmpty()) return;
        LineEvent event = new LineEvent(this, type, getLongFramePosition());
        EVENTS.execute(() -> {
            for (LineListener l : listeners) l.update(event);
        });
    }
}
