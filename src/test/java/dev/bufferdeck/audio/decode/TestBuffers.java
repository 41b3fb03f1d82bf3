package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.repository.BudgetExceededException;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Helpers shared by the decoder tests: buffers from bytes or resources, whole decodes. */
final class TestBuffers {
    private TestBuffers() {}

    static MediaBuffer of(byte[] bytes, String name) {
        try {
            return new MediaRepository(Long.MAX_VALUE / 4, FormatDetector.NONE)
                    .add(bytes, name, new Origin.BuiltIn(name), "").buffer();
        } catch (BudgetExceededException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = TestBuffers.class.getResourceAsStream("/dev/bufferdeck/audio/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MediaBuffer resourceBuffer(String name) {
        return of(resource(name), name);
    }

    /** Everything from the decoder's position to its end, read in odd-sized chunks. */
    static byte[] readAll(PcmDecoder decoder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int frameBytes = decoder.format().getFrameSize();
        byte[] chunk = new byte[frameBytes * 1237];
        int n;
        while ((n = decoder.read(chunk, 0, chunk.length)) >= 0) {
            if (n % frameBytes != 0) throw new AssertionError("read returned a partial frame: " + n);
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** Up to {@code frames} frames from the decoder's position. */
    static byte[] read(PcmDecoder decoder, int frames) throws IOException {
        int frameBytes = decoder.format().getFrameSize();
        byte[] out = new byte[frames * frameBytes];
        int got = 0;
        while (got < out.length) {
            int n = decoder.read(out, got, out.length - got);
            if (n < 0) break;
            got += n;
        }
        return java.util.Arrays.copyOf(out, got);
    }

    /** Interleaved 16-bit little-endian samples as shorts. */
    static short[] s16(byte[] pcm) {
        short[] s = new short[pcm.length / 2];
        for (int i = 0; i < s.length; i++) s[i] = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
        return s;
    }

    /** Interleaved 24-bit little-endian samples as ints. */
    static int[] s24(byte[] pcm) {
        int[] s = new int[pcm.length / 3];
        for (int i = 0; i < s.length; i++) {
            s[i] = (pcm[3 * i] & 0xFF) | ((pcm[3 * i + 1] & 0xFF) << 8) | (pcm[3 * i + 2] << 16);
        }
        return s;
    }
}
