package dev.bufferdeck.audio.decode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first decoded frames of an Ogg stream, kept per immutable buffer (its SHA-256 and the link's
 * first page) so that playing it again from the start sounds at once: the decoder hands these out
 * while it decodes from the start as ever, dropping what was already handed out, so the output stays
 * exactly what a continuous decode gives. At most {@link #CAPACITY} streams, least recently used out.
 */
final class FirstFramesCache {
    static final int FRAMES = 4096;
    static final int CAPACITY = 32;

    private static final Map<String, byte[]> CACHE = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) { return size() > CAPACITY; }
    };

    private FirstFramesCache() {}

    /** The first frames as 16-bit little-endian PCM, or null. */
    static synchronized byte[] get(String key) {
        return key == null ? null : CACHE.get(key);
    }

    static synchronized void put(String key, byte[] pcm) {
        if (key != null) CACHE.put(key, pcm);
    }

    static synchronized void clear() {
        CACHE.clear();
    }

    static synchronized int size() {
        return CACHE.size();
    }
}
