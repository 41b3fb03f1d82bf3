package dev.bufferdeck.audio.waveform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Recently built waveforms by the buffer's SHA-256 and column count, so re-selecting a buffer is instant. */
public final class WaveformCache {
    private final int capacity;
    private final Map<String, Waveform> entries;

    public WaveformCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Waveform> eldest) {
                return size() > WaveformCache.this.capacity;
            }
        };
    }

    public synchronized Optional<Waveform> get(String sha256, int columns) {
        return Optional.ofNullable(entries.get(sha256 + "/" + columns));
    }

    public synchronized void put(String sha256, Waveform waveform) {
        entries.put(sha256 + "/" + waveform.columns(), waveform);
    }

    public synchronized int size() {
        return entries.size();
    }
}
