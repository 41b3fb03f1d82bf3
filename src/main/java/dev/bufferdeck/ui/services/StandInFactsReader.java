package dev.bufferdeck.ui.services;

import dev.bufferdeck.repository.MediaBuffer;

import java.util.Map;

/** Temporary facts until the format and decoder packages land: names, and WAV headers only. */
public final class StandInFactsReader implements FactsReader {
    @Override
    public MediaFacts read(MediaBuffer buffer) {
        String title = Titles.fromName(buffer.name());
        WavInfo wav = WavInfo.parse(buffer.bytes());
        if (wav == null) return MediaFacts.untitled(title);
        long ms = wav.durationMillis();
        String line = FormatLines.of("WAV", wav.sampleRate(), wav.channels(), wav.bits() + "-bit", ms);
        return new MediaFacts(title, "", "", line, ms, null, Map.of());
    }
}
