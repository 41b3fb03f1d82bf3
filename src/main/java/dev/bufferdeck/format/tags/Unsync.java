package dev.bufferdeck.format.tags;

import dev.bufferdeck.repository.ByteSource;
import java.util.Arrays;

/** ID3v2 unsynchronisation: every 0xFF 0x00 pair was written for a 0xFF; undo it. */
final class Unsync {
    private Unsync() {}

    /** The decoded bytes of {@code [start, end)}; never longer than the range, which the caller bounded by the buffer. */
    static byte[] decode(ByteSource b, int start, int end) {
        byte[] out = new byte[Math.max(0, end - start)];
        int n = 0;
        for (int i = start; i < end; i++) {
            byte v = b.get(i);
            out[n++] = v;
            if (v == (byte) 0xFF && i + 1 < end && b.get(i + 1) == 0) i++;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
