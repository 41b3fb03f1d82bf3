package dev.bufferdeck.audio.waveform;

/**
 * The overview of a whole buffer: for each of {@code columns} equal slices of its samples, the lowest
 * and highest sample value in -1..1 over all channels. Arrays are owned by this record; treat them as
 * read-only.
 */
public record Waveform(int columns, float[] min, float[] max, long totalFrames, int sampleRate) {

    /** The column that holds {@code millis}, clamped to the overview. */
    public int columnAt(long millis) {
        long frame = millis * sampleRate / 1000;
        return (int) Math.max(0, Math.min(columns - 1, frame * columns / Math.max(1, totalFrames)));
    }

    /** The time at the start of {@code column}. */
    public long millisAt(int column) {
        return (long) column * totalFrames / columns * 1000 / sampleRate;
    }
}
