package dev.bufferdeck.audio;

import dev.bufferdeck.repository.MediaBuffer;

/** Opens a decoder over a buffer's bytes. */
@FunctionalInterface
public interface DecoderOpener {
    PcmDecoder open(MediaBuffer buffer) throws UnsupportedMediaException;
}
