package dev.bufferdeck.audio.sink;

import java.io.IOException;

/** Receives the PCM a memory sink line has played, in order, on the thread that drove the line. */
@FunctionalInterface
public interface PcmConsumer {
    void accept(byte[] pcm, int offset, int length) throws IOException;
}
