package dev.bufferdeck.cli;

import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.loudness.Loudness;
import dev.bufferdeck.audio.loudness.LoudnessScanner;
import dev.bufferdeck.repository.MediaBuffer;

import java.io.IOException;
import java.util.Locale;

/**
 * {@code info --loudness}: decodes the whole track and prints its EBU R128 integrated loudness
 * ({@code loudnessLufs}) and true peak ({@code truePeakDbtp}), rounded to 0.01. A track that is
 * silent or shorter than one 400 ms block has no integrated loudness (null); a buffer that does not
 * decode gets nulls and {@code loudnessError}.
 */
final class LoudnessSection implements InfoSection {
    @Override
    public void describe(MediaBuffer buffer, InfoReport report) {
        if (buffer.isLive()) {
            report.putJsonOnly("loudnessLufs", null).putJsonOnly("truePeakDbtp", null)
                    .put("loudnessError", "loudness", "a live stream has no integrated loudness");
            return;
        }
        Loudness l;
        try {
            l = LoudnessScanner.scan(buffer, p -> { }, () -> false);
        } catch (UnsupportedMediaException | IOException e) {
            report.putJsonOnly("loudnessLufs", null).putJsonOnly("truePeakDbtp", null)
                    .put("loudnessError", "loudness", e.getMessage());
            return;
        }
        boolean gated = Double.isInfinite(l.integratedLufs());
        report.put("loudnessLufs", "loudness", gated ? null : round(l.integratedLufs()),
                        gated ? null : String.format(Locale.ROOT, "%.2f LUFS (ReplayGain 2.0: %+.2f dB)", l.integratedLufs(), l.replayGainDb()))
                .put("truePeakDbtp", "true peak", Double.isInfinite(l.truePeakDbtp()) ? null : round(l.truePeakDbtp()),
                        String.format(Locale.ROOT, "%.2f dBTP", l.truePeakDbtp()))
                .putJsonOnly("loudnessError", null);
        if (gated) report.put("loudnessError", "loudness", "no 400 ms block above the −70 LUFS gate (silent or too short)");
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
