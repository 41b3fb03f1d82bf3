package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;

/**
 * AAC from any container, through {@link AacCodec}. The container says where each access unit is
 * and when it plays ({@link AacUnits}) and which part of the decoded stream to present: the encoder
 * delay at the start and the length without the end padding (MP4 edit list or iTunSMPB). Output
 * frame 0 is the first presented sample. A seek restarts the codec {@code primeUnits} units before
 * the target's unit (the MDCT overlap, and SBR's longer memory) and discards up to the sample.
 */
final class AacDecoder implements ContinuableDecoder {
    private static final int MAX_FAILURES_IN_A_ROW = 4;

    private final String name;
    private final AacUnits units;
    private AacCodec codec;
    private final AudioFormat format;
    private final int channels;
    /** Output frames per media time unit, as a fraction rate / timescale. */
    private final long rate;
    private final long timescale;
    private final long delay;
    private final long total;
    private final int primeUnits;

    /** Frames one unit decodes to, and that many frames of silence for a unit JAAD cannot decode. */
    private final int unitFrames;
    private final short[] silence;
    private int failuresInARow;

    private long position;
    private long unitsDecoded;
    private int nextUnit;
    private short[] pending = new short[0];
    private int pendingAt;
    private int pendingEnd;

    /**
     * @param delay  media time (in the units' timescale) before the first presented sample
     * @param length media time presented, or -1 for everything after the delay
     */
    AacDecoder(String name, AacUnits units, byte[] audioSpecificConfig, long delay, long length) throws IOException {
        this.name = name;
        this.units = units;
        this.codec = new AacCodec(audioSpecificConfig);
        if (units.present() == 0) throw new IOException("the sample tables point past the end of the file; no AAC frame is in it");
        AacCodec.Output first = codec.decode(units.read(0));
        if (first.frames == 0 || first.channels == 0) throw new IOException("the first AAC frame decodes to nothing");
        this.channels = first.channels;
        this.unitFrames = first.frames;
        this.silence = new short[first.frames * first.channels];
        this.rate = first.sampleRate;
        this.timescale = units.timescale();
        this.format = new AudioFormat(first.sampleRate, 16, channels, true, false);
        long end = frames(units.time(units.count()));
        this.delay = Math.min(frames(Math.max(0, delay)), end);
        this.total = length >= 0 ? Math.min(frames(length), end - this.delay) : end - this.delay;
        this.primeUnits = first.frames > 1024 ? 3 : 1; // SBR doubles the frame and keeps a longer memory
        // the probe was the first unit of a decode from the start: keep it (a fresh codec would decode it again)
        unitsDecoded = nextUnit = 1;
        hold(first.samples, first.frames, frames(units.time(0)));
    }

    private long frames(long mediaTime) {
        return timescale == rate ? mediaTime : Math.round(mediaTime * (double) rate / timescale);
    }

    private long mediaTime(long frames) {
        return timescale == rate ? frames : (long) Math.floor(frames * (double) timescale / rate);
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return total; }
    @Override public long framePosition() { return position; }

    /** Up to the end of the last unit whose bytes are all here. */
    @Override
    public long framesPresent() {
        if (units.present() >= units.count()) return total;
        return Math.max(0, Math.min(total, frames(units.time(units.present())) - delay));
    }

    @Override
    public boolean continueFrom(PcmDecoder shorter) {
        if (!(shorter instanceof AacDecoder old) || old.channels != channels || old.rate != rate
                || old.timescale != timescale || old.delay != delay || old.unitFrames != unitFrames) {
            return false;
        }
        codec = old.codec;
        position = old.position;
        unitsDecoded = old.unitsDecoded;
        nextUnit = old.nextUnit;
        pending = old.pending;
        pendingAt = old.pendingAt;
        pendingEnd = old.pendingEnd;
        failuresInARow = old.failuresInARow;
        return true;
    }

    /** Access units decoded since opening, seeks' priming included (tests show a seek does not start over). */
    long unitsDecoded() { return unitsDecoded; }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        long remaining = total - position;
        if (remaining <= 0) return -1;
        int want = (int) Math.min(len / (2 * channels), remaining);
        int done = 0;
        while (done < want) {
            if (pendingAt == pendingEnd && !decodeNext()) break;
            int n = Math.min((pendingEnd - pendingAt) / channels, want - done);
            Pcm16.putLittleEndian(pending, pendingAt, n * channels, buf, off + done * 2 * channels);
            pendingAt += n * channels;
            done += n;
            position += n;
        }
        return done == 0 ? -1 : done * 2 * channels;
    }

    /** Decodes the next unit into {@code pending}, minus what lies before the position; false at the end. */
    private boolean decodeNext() throws IOException {
        while (nextUnit < units.count()) {
            if (nextUnit >= units.present()) {
                throw new IOException(name + " is truncated: its audio stops at " + AudioFacts.clock(position * 1000 / rate)
                        + " of " + AudioFacts.clock(total * 1000 / rate));
            }
            long unitStart = frames(units.time(nextUnit));
            short[] samples;
            int frames;
            try {
                AacCodec.Output out = decode(nextUnit++);
                if (out.channels != channels) throw new IOException(name + ": the channel count changes mid-stream");
                samples = out.samples;
                frames = out.frames;
                failuresInARow = 0;
            } catch (IOException e) {
                // JAAD fails on some valid frames (an escape value of 8191 overruns its table): one
                // frame of silence and a fresh decoder; a stream of such frames is corrupt
                if (++failuresInARow >= MAX_FAILURES_IN_A_ROW) throw e;
                codec.reset();
                samples = silence;
                frames = unitFrames;
            }
            if (hold(samples, frames, unitStart)) return true;
        }
        return false;
    }

    /** Makes a decoded unit's frames from the position on pending; false if all of it lies before the position. */
    private boolean hold(short[] samples, int frames, long unitStart) {
        long skip = delay + position - unitStart;
        if (skip >= frames) return false;
        pending = samples;
        pendingAt = (int) Math.max(0, skip) * channels;
        pendingEnd = frames * channels;
        return true;
    }

    private AacCodec.Output decode(int unit) throws IOException {
        unitsDecoded++;
        try {
            return codec.decode(units.read(unit));
        } catch (IOException e) {
            long at = Math.max(0, frames(units.time(unit)) - delay);
            throw new IOException(name + ": " + e.getMessage() + " at " + AudioFacts.clock(at * 1000 / rate), e);
        }
    }

    @Override
    public void seekToFrame(long frame) throws IOException {
        position = Math.max(0, Math.min(frame, total));
        long target = delay + position;
        int unit = units.unitAt(mediaTime(target));
        while (unit > 0 && frames(units.time(unit)) > target) unit--;
        codec.reset();
        for (int u = Math.max(0, unit - primeUnits); u < unit && u < units.present(); u++) {
            try {
                decode(u);
            } catch (IOException e) {
                codec.reset(); // priming is best effort: the unit after it decodes on its own
            }
        }
        failuresInARow = 0;
        nextUnit = unit;
        pendingAt = pendingEnd = 0;
    }

    @Override
    public void close() {
        // nothing held but arrays
    }
}
