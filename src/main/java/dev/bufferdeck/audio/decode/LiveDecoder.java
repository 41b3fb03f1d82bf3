package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.repository.MediaBuffer;

final class LiveDecoder {
    private LiveDecoder() {}

    static PcmDecoder open(MediaBuffer buffer) throws UnsupportedMediaException {
        throw new UnsupportedMediaException(buffer.name() + ": live streams are not supported yet.");
    }
}
