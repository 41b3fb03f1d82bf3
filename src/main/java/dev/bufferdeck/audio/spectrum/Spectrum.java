package dev.bufferdeck.audio.spectrum;

/**
 * One analysis of the latest samples: band levels in dBFS (log-spaced from {@code lowHz} to the
 * Nyquist frequency) and the RMS and peak level of the window.
 */
public record Spectrum(float[] bandsDb, double[] bandEdgesHz, float rmsDb, float peakDb) {
    public static final float FLOOR_DB = -96f;

    public int bandOf(double hz) {
        for (int i = 0; i < bandsDb.length; i++) if (hz >= bandEdgesHz[i] && hz < bandEdgesHz[i + 1]) return i;
        return -1;
    }
}
