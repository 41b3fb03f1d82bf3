package dev.bufferdeck.session;

import java.util.Objects;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sound settings the window remembers, as text the sound controls parse: the output device
 * chosen ("" for the default), the equalizer ({@code on|off:g0,...,g9:preamp}, "" for off and flat),
 * ReplayGain ({@code mode:preamp}, "" for off) and the user's equalizer presets (name → the same
 * gains text). Nothing here may hold a line break.
 */
public record SoundChoices(String outputDevice, String equalizer, String replayGain, Map<String, String> userPresets) {
    public static final SoundChoices DEFAULTS = new SoundChoices("", "", "", Map.of());

    public SoundChoices {
        outputDevice = oneLine(outputDevice);
        equalizer = oneLine(equalizer);
        replayGain = oneLine(replayGain);
        Map<String, String> presets = new LinkedHashMap<>();
        userPresets.forEach((k, v) -> {
            if (validPresetName(k) && !oneLine(v).isEmpty()) presets.put(k, v);
        });
        userPresets = Collections.unmodifiableMap(presets);
    }

    /** Letters, digits, spaces, '-' and '_', 1–40 characters. */
    public static boolean validPresetName(String name) {
        return name != null && name.matches("[\\p{L}\\p{N} _-]{1,40}") && !name.isBlank();
    }

    private static String oneLine(String s) {
        return s == null || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 ? "" : s;
    }

    // written out, not generated: see RecordsAtStartTest
    @Override
    public boolean equals(Object o) {
        return o instanceof SoundChoices c && outputDevice.equals(c.outputDevice) && equalizer.equals(c.equalizer)
                && replayGain.equals(c.replayGain) && userPresets.equals(c.userPresets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outputDevice, equalizer, replayGain, userPresets);
    }
}
