package dev.bufferdeck.format.tags;

import dev.bufferdeck.repository.ByteSource;
import java.nio.ByteBuffer;

/** Lets the fuzz targets call the tag reader without its safety net, so every exception it lets slip is seen. */
public final class TagReaderAccess {
    private TagReaderAccess() {}

    public static Tags readUnguarded(ByteSource bytes) {
        return TagReader.readUnguarded(bytes);
    }
}
