package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.MediaBuffer;

/** Reads tags, cover and audio facts of a buffer. Parses bytes: call it on a background thread. */
@FunctionalInterface
public interface FactsReader {
    MediaFacts read(MediaBuffer buffer);
}
